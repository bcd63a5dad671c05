import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

/** The Redis that holds the read models. */
export const READ_MODEL_REDIS = Symbol('ReadModelRedis');

@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_REDIS,
      inject: [AppConfig],
      // Auto-pipelining sends the commands of one tick in one write: a page or a dashboard reads
      // many small keys at once, and on loopback each write is a system call that costs more
      // than Redis answering it.
      useFactory: (config: AppConfig) =>
        new Redis(config.REDIS_URL, {
          keyPrefix: config.REDIS_KEY_PREFIX,
          lazyConnect: false,
          enableAutoPipelining: true,
        }),
    },
  ],
  exports: [READ_MODEL_REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
