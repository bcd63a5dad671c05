import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Cluster, Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

/** The Redis that holds the read models. */
export const READ_MODEL_REDIS = Symbol('ReadModelRedis');

/** One Redis (`REDIS_URL`) or a Redis Cluster (`REDIS_CLUSTER_NODES`): the read models and their queries run on either. */
export type ReadModelRedis = Redis | Cluster;

/**
 * The client of the read models' Redis, keys under `REDIS_KEY_PREFIX`. Auto-pipelining sends the
 * commands of one tick in one write (per node of a cluster): a page or a dashboard reads many
 * small keys at once, and on loopback each write is a system call that costs more than Redis
 * answering it.
 */
export function readModelRedis(
  config: Pick<AppConfig, 'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'REDIS_KEY_PREFIX'>,
): ReadModelRedis {
  const options = { keyPrefix: config.REDIS_KEY_PREFIX, enableAutoPipelining: true };
  if (!config.REDIS_CLUSTER_NODES) return new Redis(config.REDIS_URL, { ...options, lazyConnect: false });
  const seeds = config.REDIS_CLUSTER_NODES.map((node) => new URL(node));
  const { username, password, protocol } = seeds[0];
  return new Cluster(
    seeds.map(({ hostname, port }) => ({ host: hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(port || 6379) })),
    {
      ...options,
      redisOptions: {
        ...(username ? { username: decodeURIComponent(username) } : {}),
        ...(password ? { password: decodeURIComponent(password) } : {}),
        ...(protocol === 'rediss:' ? { tls: {} } : {}),
      },
    },
  );
}

@Global()
@Module({
  providers: [{ provide: READ_MODEL_REDIS, inject: [AppConfig], useFactory: readModelRedis }],
  exports: [READ_MODEL_REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
