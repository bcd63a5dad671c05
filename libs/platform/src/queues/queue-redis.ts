import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/**
 * Connection options (not a client) for BullMQ, so that BullMQ owns its connections and
 * closes them with its queues and workers. Commands wait for Redis instead of failing.
 */
export function queueConnection(config: AppConfig): ConnectionOptions {
  return { url: config.QUEUE_REDIS_URL, maxRetriesPerRequest: null };
}

/** A client of the queue Redis that waits for it rather than failing commands. */
export function queueRedis(config: AppConfig): Redis {
  return new Redis(config.QUEUE_REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/** Job keys live under the configured prefix, so test runs and the local default do not meet. */
export const queuePrefix = (config: AppConfig) => `${config.REDIS_KEY_PREFIX}bull`;

export class QueueRedisPolicyError extends Error {}

/**
 * Queues lose jobs when Redis evicts keys under memory pressure; the worker refuses to start
 * on a Redis that would, rather than lose work later without a word.
 */
export async function requireNoEviction(redis: Redis): Promise<void> {
  const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
  if (policy !== 'noeviction') {
    throw new QueueRedisPolicyError(
      `The queue Redis (QUEUE_REDIS_URL) has maxmemory-policy ${policy}; BullMQ needs noeviction, or jobs are silently lost. ` +
        'Set it with: redis-cli CONFIG SET maxmemory-policy noeviction (and in redis.conf).',
    );
  }
}
