import type { LogPosition, RecordedEvent } from '@frontline/event-store';
import type { ReadModelRedis } from '@frontline/platform';
import type { ClientContext, Result } from 'ioredis';
import { APPLY_BATCH, type ApplyOutcome } from './apply-batch.script';
import { defineScript } from './define-script';
import { type Keyspace, type Projection, type RedisOp, encodeOps } from './projection';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    applyProjectionBatch(
      checkpointKey: string,
      statusKey: string,
      ...args: [prefix: string, after: string, to: string, recordedAt: string, appliedAt: string, ops: string]
    ): Result<'applied' | 'already_applied' | 'writer_ahead' | ['refused' | 'halted', string], Context>;
  }
}

/**
 * Applies the writes of the events after `after`, up to `last`, with one script: writes,
 * checkpoint and status together, or nothing when another writer got there first or when Redis
 * would refuse one of the writes.
 */
export async function applyOps(
  redis: ReadModelRedis,
  keys: Keyspace,
  after: LogPosition | undefined,
  last: Pick<RecordedEvent, 'position' | 'recordedAt'>,
  ops: readonly RedisOp[],
): Promise<ApplyOutcome> {
  defineScript(redis, 'applyProjectionBatch', { numberOfKeys: 2, lua: APPLY_BATCH });
  const prefix = redis.options.keyPrefix ?? '';
  const outcome = await redis.applyProjectionBatch(
    keys.key('checkpoint'),
    keys.key('status'),
    prefix,
    after ?? '',
    last.position,
    last.recordedAt.toISOString(),
    new Date().toISOString(),
    encodeOps(ops, prefix),
  );
  if (typeof outcome === 'string') return outcome;
  const [kind, why] = outcome;
  return kind === 'refused' ? { refused: why } : { halted: why };
}

export function applyEvents(
  redis: ReadModelRedis,
  projection: Projection,
  keys: Keyspace,
  after: LogPosition | undefined,
  events: readonly RecordedEvent[],
): Promise<ApplyOutcome> {
  const ops = events.flatMap((event) => projection.project(event, keys));
  return applyOps(redis, keys, after, events[events.length - 1], ops);
}
