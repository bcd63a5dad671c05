import type { EventStore, LogPosition } from '@frontline/event-store';
import type { ReadModelRedis } from '@frontline/platform';
import { activeKeyspace, buildingKeyspace } from './generations';
import type { Keyspace, Projection } from './projection';

/** Lag is counted up to here; past it, a status says only that at least this many wait. */
const LAG_CAP = 10_000;

export interface GenerationStatus {
  version: string;
  state: string;
  checkpoint: string | null;
  /**
   * Events of this projection's types in the log after its checkpoint, at most the cap
   * (`lagEventsCapped`); null where the event store cannot count them (KurrentDB).
   */
  lagEvents: number | null;
  lagEventsCapped: boolean;
  /** How long the oldest event it has not applied has been waiting. */
  lagMs: number;
  lastEventRecordedAt: string | null;
  error?: string;
  failedEvent?: unknown;
}

export async function projectionStatus(store: EventStore, redis: ReadModelRedis, projection: Projection) {
  const building = await buildingKeyspace(redis, projection.name);
  return {
    name: projection.name,
    serving: await generationStatus(store, redis, projection, await activeKeyspace(redis, projection.name)),
    ...(building ? { rebuilding: await generationStatus(store, redis, projection, building) } : {}),
  };
}

/** Reads the lag as a count in the store: a status costs the api the same however far behind the projection is. */
async function generationStatus(
  store: EventStore,
  redis: ReadModelRedis,
  projection: Projection,
  keys: Keyspace,
): Promise<GenerationStatus> {
  const [checkpoint, status] = await Promise.all([
    redis.get(keys.key('checkpoint')),
    redis.hgetall(keys.key('status')),
  ]);
  const backlog = await store.countAfter((checkpoint ?? undefined) as LogPosition | undefined, {
    eventTypes: projection.eventTypes,
    cap: LAG_CAP,
  });
  return {
    version: keys.tag.slice(1, -1),
    state: status.state ?? (checkpoint ? 'catching_up' : 'starting'),
    checkpoint,
    lagEvents: backlog.events,
    lagEventsCapped: backlog.capped,
    lagMs: backlog.firstRecordedAt ? Date.now() - backlog.firstRecordedAt.getTime() : 0,
    lastEventRecordedAt: status.lastEventRecordedAt ?? null,
    ...(status.error ? { error: status.error, failedEvent: JSON.parse(status.failedEvent ?? 'null') } : {}),
  };
}

/** Whether the serving generation has applied every event of its types in the log. */
export async function caughtUp(store: EventStore, redis: ReadModelRedis, projection: Projection): Promise<boolean> {
  const keys = await activeKeyspace(redis, projection.name);
  const checkpoint = await redis.get(keys.key('checkpoint'));
  const backlog = await store.countAfter((checkpoint ?? undefined) as LogPosition | undefined, {
    eventTypes: projection.eventTypes,
    cap: 1,
  });
  return backlog.firstRecordedAt === null;
}
