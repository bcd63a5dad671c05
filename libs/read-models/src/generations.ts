import type { ReadModelRedis } from '@frontline/platform';
import { duplicateClient, scanKeys } from './key-slots';
import { Keyspace } from './projection';

/** Which generation of each projection queries read, and which one is being rebuilt. */
const GENERATIONS = 'rm:generations';

export async function activeKeyspace(redis: ReadModelRedis, projection: string): Promise<Keyspace> {
  return new Keyspace(projection, Number((await redis.hget(GENERATIONS, projection)) ?? 1));
}

export async function buildingKeyspace(redis: ReadModelRedis, projection: string): Promise<Keyspace | undefined> {
  const generation = await redis.hget(GENERATIONS, `${projection}:building`);
  return generation ? new Keyspace(projection, Number(generation)) : undefined;
}

/** Asks the projector to build the next generation from the start of the log while the current one serves. */
export async function requestRebuild(redis: ReadModelRedis, projection: string): Promise<Keyspace> {
  const next = new Keyspace(projection, (await activeKeyspace(redis, projection)).generation + 1);
  await redis.hsetnx(GENERATIONS, `${projection}:building`, String(next.generation));
  return (await buildingKeyspace(redis, projection))!;
}

/** Queries switch to the rebuilt generation; returns the one it replaces. */
export async function switchToBuilt(redis: ReadModelRedis, built: Keyspace): Promise<Keyspace> {
  const previous = await activeKeyspace(redis, built.projection);
  await redis
    .multi()
    .hset(GENERATIONS, built.projection, String(built.generation))
    .hdel(GENERATIONS, `${built.projection}:building`)
    .exec();
  return previous;
}

/**
 * Deletes every key of a generation that no longer serves: all of one hash tag, so of one slot. It
 * scans the whole database, on a connection of its own that the app's shutdown leaves to finish.
 */
export async function dropKeyspace(redis: ReadModelRedis, keys: Keyspace): Promise<void> {
  const prefix = redis.options.keyPrefix ?? '';
  const own = duplicateClient(redis);
  try {
    for await (const found of scanKeys(own, `${prefix}rm:${escapeGlob(keys.tag)}:*`)) {
      if (found.length > 0) await own.unlink(...found.map((key) => key.slice(prefix.length)));
    }
  } finally {
    own.disconnect();
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]{}\\]/g, '\\$&');
}
