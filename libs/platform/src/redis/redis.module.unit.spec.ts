import { Cluster, Redis } from 'ioredis';
import { loadConfig } from '../config/app-config';
import { readModelRedis } from './redis.module';

describe('the read models’ Redis client', () => {
  it('is one Redis at REDIS_URL, keys under the prefix', () => {
    const redis = readModelRedis(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1/0', REDIS_KEY_PREFIX: 'p:' }));
    redis.disconnect();

    expect(redis).toBeInstanceOf(Redis);
    expect(redis.options).toMatchObject({ keyPrefix: 'p:', port: 1, enableAutoPipelining: true });
  });

  it('is a cluster client on REDIS_CLUSTER_NODES, keys under the prefix, with the first node’s credentials on every node', () => {
    const redis = readModelRedis(
      loadConfig({
        REDIS_CLUSTER_NODES: 'rediss://reader:s%40cret@127.0.0.1:1,redis://127.0.0.1:2/0',
        REDIS_KEY_PREFIX: 'p:',
      }),
    ) as Cluster;
    redis.disconnect();

    expect(redis).toBeInstanceOf(Cluster);
    expect(redis.options).toMatchObject({
      keyPrefix: 'p:',
      enableAutoPipelining: true,
      redisOptions: { username: 'reader', password: 's@cret', tls: {} },
    });
    expect((redis as unknown as { startupNodes: unknown[] }).startupNodes).toEqual([
      { host: '127.0.0.1', port: 1 },
      { host: '127.0.0.1', port: 2 },
    ]);
  });
});
