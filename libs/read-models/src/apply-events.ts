import type { LogPosition, RecordedEvent } from '@frontline/event-store';
import type { ClientContext, Redis, Result } from 'ioredis';
import { APPLY_BATCH, type ApplyOutcome } from './apply-batch.script';
import { type Keyspace, type Projection, type RedisOp, encodeOps } from './projection';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    applyProjectionBatch(checkpointKey: string, ...args: string[]): Result<ApplyOutcome, Context>;
  }
}

/**
 * Applies the writes of the events after `after`, up to `to`, with one script: writes and
 * checkpoint together, or nothing when another writer got there first.
 */
export async function applyOps(
  redis: Redis,
  keys: Keyspace,
  after: LogPosition | undefined,
  to: LogPosition,
  ops: readonly RedisOp[],
): Promise<ApplyOutcome> {
  if (!(redis as Partial<Redis>).applyProjectionBatch)
    redis.defineCommand('applyProjectionBatch', { numberOfKeys: 1, lua: APPLY_BATCH });
  return redis.applyProjectionBatch(
    keys.key('checkpoint'),
    redis.options.keyPrefix ?? '',
    after ?? '',
    to,
    ...encodeOps(ops),
  );
}

export function applyEvents(
  redis: Redis,
  projection: Projection,
  keys: Keyspace,
  after: LogPosition | undefined,
  events: readonly RecordedEvent[],
): Promise<ApplyOutcome> {
  const ops = events.flatMap((event) => projection.project(event, keys));
  return applyOps(redis, keys, after, events[events.length - 1].position, ops);
}
