import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { queueConnection, queuePrefix } from './queue-redis';

/** A plain client of the queue Redis, for what lives beside the jobs: reactor checkpoints. */
export const QUEUE_REDIS = Symbol('QueueRedis');

/** The worker's queues, in the queue Redis: campaigns, post-incident care, matching, webhooks. */
export const QUEUES = { campaigns: 'campaigns', care: 'care', matching: 'matching', webhooks: 'webhooks' } as const;

@Global()
@Module({})
export class QueuesModule implements OnApplicationShutdown {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRoot({ connection: queueConnection(config), prefix: queuePrefix(config) }),
        BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
      ],
      providers: [
        {
          provide: QUEUE_REDIS,
          useFactory: () => new Redis(config.QUEUE_REDIS_URL, { keyPrefix: config.REDIS_KEY_PREFIX }),
        },
      ],
      exports: [BullModule, QUEUE_REDIS],
    };
  }

  constructor(@Inject(QUEUE_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
