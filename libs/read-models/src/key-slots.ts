import { Cluster } from 'ioredis';
import type { ReadModelRedis } from '@frontline/platform';

/**
 * The part of a key a Redis Cluster hashes to find its slot: what the first `{…}` holds when it
 * holds something, else the whole key. Keys with the same part live in the same slot.
 */
export function hashedPart(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/**
 * The keys that match `match` (a SCAN pattern, key prefix included), a page at a time, on one
 * Redis or on every master of a cluster. The keys found are whole, prefix included.
 */
export async function* scanKeys(redis: ReadModelRedis, match: string, count = 1_000): AsyncGenerator<string[]> {
  if (redis instanceof Cluster) await redis.ping(); // the masters are known once the cluster is ready
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    // SCAN names no key, so no client adds its prefix to the pattern or takes it off what it finds.
    for await (const found of node.scanStream({ match, count })) yield found as string[];
  }
}

/** Another client like this one (same nodes, options and key prefix), on connections of its own. */
export function duplicateClient(redis: ReadModelRedis): ReadModelRedis {
  return redis instanceof Cluster ? redis.duplicate() : redis.duplicate();
}
