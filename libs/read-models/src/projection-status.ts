import type { EventStore, LogPosition } from '@frontline/event-store';
import type { Redis } from 'ioredis';
import { activeKeyspace, buildingKeyspace } from './generations';
import type { Keyspace, Projection } from './projection';

const LAG_SCAN_LIMIT = 10_000;

export interface GenerationStatus {
  version: string;
  state: string;
  checkpoint: string | null;
  /** Events of this projection's types in the log after its checkpoint; `lagEventsCapped` past the scan limit. */
  lagEvents: number;
  lagEventsCapped: boolean;
  /** How long the oldest event it has not applied has been waiting. */
  lagMs: number;
  lastEventRecordedAt: string | null;
  error?: string;
  failedEvent?: unknown;
}

export async function projectionStatus(store: EventStore, redis: Redis, projection: Projection) {
  const building = await buildingKeyspace(redis, projection.name);
  return {
    name: projection.name,
    serving: await generationStatus(store, redis, projection, await activeKeyspace(redis, projection.name)),
    ...(building ? { rebuilding: await generationStatus(store, redis, projection, building) } : {}),
  };
}

async function generationStatus(
  store: EventStore,
  redis: Redis,
  projection: Projection,
  keys: Keyspace,
): Promise<GenerationStatus> {
  const [checkpoint, status] = await Promise.all([
    redis.get(keys.key('checkpoint')),
    redis.hgetall(keys.key('status')),
  ]);
  const pending = (
    await store.readAll({ after: (checkpoint ?? undefined) as LogPosition | undefined, maxCount: LAG_SCAN_LIMIT })
  ).filter((event) => projection.eventTypes.includes(event.type));
  return {
    version: keys.tag.slice(1, -1),
    state: status.state ?? (checkpoint ? 'catching_up' : 'starting'),
    checkpoint,
    lagEvents: pending.length,
    lagEventsCapped: pending.length >= LAG_SCAN_LIMIT,
    lagMs: pending.length > 0 ? Date.now() - pending[0].recordedAt.getTime() : 0,
    lastEventRecordedAt: status.lastEventRecordedAt ?? null,
    ...(status.error ? { error: status.error, failedEvent: JSON.parse(status.failedEvent ?? 'null') } : {}),
  };
}
