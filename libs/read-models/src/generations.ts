import type { Redis } from 'ioredis';
import { Keyspace } from './projection';

/** Which generation of each projection queries read, and which one is being rebuilt. */
const GENERATIONS = 'rm:generations';

export async function activeKeyspace(redis: Redis, projection: string): Promise<Keyspace> {
  return new Keyspace(projection, Number((await redis.hget(GENERATIONS, projection)) ?? 1));
}

export async function buildingKeyspace(redis: Redis, projection: string): Promise<Keyspace | undefined> {
  const generation = await redis.hget(GENERATIONS, `${projection}:building`);
  return generation ? new Keyspace(projection, Number(generation)) : undefined;
}

/** Asks the projector to build the next generation from the start of the log while the current one serves. */
export async function requestRebuild(redis: Redis, projection: string): Promise<Keyspace> {
  const next = new Keyspace(projection, (await activeKeyspace(redis, projection)).generation + 1);
  await redis.hsetnx(GENERATIONS, `${projection}:building`, String(next.generation));
  return (await buildingKeyspace(redis, projection))!;
}

/** Queries switch to the rebuilt generation; returns the one it replaces. */
export async function switchToBuilt(redis: Redis, built: Keyspace): Promise<Keyspace> {
  const previous = await activeKeyspace(redis, built.projection);
  await redis
    .multi()
    .hset(GENERATIONS, built.projection, String(built.generation))
    .hdel(GENERATIONS, `${built.projection}:building`)
    .exec();
  return previous;
}

/** Deletes every key of a generation that no longer serves. */
export async function dropKeyspace(redis: Redis, keys: Keyspace): Promise<void> {
  const prefix = redis.options.keyPrefix ?? '';
  const raw = redis.duplicate({ keyPrefix: '' });
  try {
    for await (const found of raw.scanStream({ match: `${prefix}rm:${escapeGlob(keys.tag)}:*`, count: 1_000 })) {
      if ((found as string[]).length > 0) await raw.unlink(...(found as string[]));
    }
  } finally {
    raw.disconnect();
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]{}\\]/g, '\\$&');
}
