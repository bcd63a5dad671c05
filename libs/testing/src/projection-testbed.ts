import { randomBytes, randomUUID } from 'node:crypto';
import { type LogPosition, type RecordedEvent, encodeLogPosition } from '@frontline/event-store';
import type { ReadModelRedis } from '@frontline/platform';
import { type ApplyOutcome, Keyspace, type Projection, applyEvents, scanKeys } from '@frontline/read-models';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from './test-config';

let sequence = 0n;

/** A recorded event as a projection receives it, at the next position of an imaginary log. */
export function recorded<Type extends string>(type: Type, data: object, recordedAt = new Date()): RecordedEvent {
  sequence += 1n;
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actorId: 'test', schemaVersion: 1 },
    streamName: 'test-stream',
    revision: 0n,
    position: encodeLogPosition('mem', sequence),
    recordedAt,
  };
}

/**
 * One projection on the machine's real Redis, under a key prefix of its own: apply
 * histories through the same script the projector uses, then read the model back.
 */
export class ProjectionTestbed {
  readonly redis: Redis;
  readonly keys: Keyspace;
  private checkpoint?: LogPosition;

  constructor(private readonly projection: Projection) {
    this.redis = new Redis(TEST_REDIS_URL, { keyPrefix: `test:${randomBytes(4).toString('hex')}:` });
    this.keys = new Keyspace(projection.name, 1);
  }

  /** Applies events after everything applied so far. */
  async given(...events: RecordedEvent[]): Promise<ApplyOutcome> {
    const outcome = await applyEvents(this.redis, this.projection, this.keys, this.checkpoint, events);
    this.checkpoint = events[events.length - 1].position;
    return outcome;
  }

  /** Applies events again as if from `after`, like a replay or a second projector would. */
  replay(after: LogPosition | undefined, events: RecordedEvent[]): Promise<ApplyOutcome> {
    return applyEvents(this.redis, this.projection, this.keys, after, events);
  }

  /** Every key of the model (without prefix and tag) with its contents, sorted, for comparison. */
  async model(): Promise<Record<string, unknown>> {
    const prefix = this.redis.options.keyPrefix!;
    const found: string[] = [];
    for await (const keys of scanKeys(this.redis, `${prefix}rm:*`)) found.push(...keys);
    const model: Record<string, unknown> = {};
    for (const key of found.sort()) {
      const name = key.slice(`${prefix}rm:${this.keys.tag}:`.length);
      if (name === 'checkpoint' || name === 'status') continue; // the runner's bookkeeping, not the model
      model[name] = await contents(this.redis, key.slice(prefix.length));
    }
    return model;
  }

  async close(): Promise<void> {
    const prefix = this.redis.options.keyPrefix!;
    for await (const keys of scanKeys(this.redis, `${prefix}*`)) {
      // One key at a time: on a cluster, keys of different slots cannot go in one command.
      await Promise.all(keys.map((key) => this.redis.unlink(key.slice(prefix.length))));
    }
    this.redis.disconnect();
  }
}

async function contents(redis: ReadModelRedis, key: string): Promise<unknown> {
  switch (await redis.type(key)) {
    case 'hash':
      return redis.hgetall(key);
    case 'set':
      return (await redis.smembers(key)).sort();
    case 'zset':
      return redis.zrange(key, '0', '-1', 'WITHSCORES');
    case 'list':
      return redis.lrange(key, 0, -1);
    default:
      return redis.get(key);
  }
}
