import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, READ_MODEL_REDIS, type ReadModelRedis } from '@frontline/platform';

/** A kudos wall for a screen: the organisation's, or one campaign's. */
export type Wall = { of: 'org' } | { of: 'campaign'; campaignId: string };

/** A screen shows a wall for a shift, a day or a campaign week: a token lives a week at most, then HR makes another. */
export const WALL_TOKEN_MAX_HOURS = 7 * 24;
export const WALL_TOKEN_DEFAULT_HOURS = 12;

interface StoredWallToken {
  tokenId: string;
  wall: Wall;
  expiresAt: string;
}

// One hash tag: a token's two keys go in one slot of a Redis Cluster.
const byHash = (hash: string) => `walls:{tokens}:hash:${hash}`;
const byId = (tokenId: string) => `walls:{tokens}:id:${tokenId}`;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const sameWall = (a: Wall, b: Wall) =>
  a.of === 'org' ? b.of === 'org' : b.of === 'campaign' && a.campaignId === b.campaignId;

/**
 * Read-only tokens that open one wall's stream and nothing else, for a screen that cannot send a
 * header. Shown once; Redis keeps only their SHA-256 (a random 256-bit token needs no slow hash),
 * and forgets them when they expire. Revoking one deletes it; an open stream ends at its next heartbeat.
 */
@Injectable()
export class WallTokens {
  constructor(
    @Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis,
    private readonly clock: Clock,
  ) {}

  async issue(wall: Wall, hours: number): Promise<{ tokenId: string; token: string; expiresAt: string }> {
    const token = `wall_${randomBytes(32).toString('base64url')}`;
    const tokenId = randomUUID();
    const ttl = hours * 60 * 60 * 1000;
    const expiresAt = new Date(this.clock.now().getTime() + ttl).toISOString();
    const stored: StoredWallToken = { tokenId, wall, expiresAt };
    const hash = hashOf(token);
    await this.redis
      .multi()
      .set(byHash(hash), JSON.stringify(stored), 'PX', ttl)
      .set(byId(tokenId), hash, 'PX', ttl)
      .exec();
    return { tokenId, token, expiresAt };
  }

  /** The wall a token opens, while it has not expired nor been revoked. */
  async wallOf(token: string): Promise<StoredWallToken | undefined> {
    if (!/^wall_[\w-]{43}$/.test(token)) return undefined;
    const stored = await this.redis.get(byHash(hashOf(token)));
    if (!stored) return undefined;
    const found = JSON.parse(stored) as StoredWallToken;
    return Date.parse(found.expiresAt) > this.clock.now().getTime() ? found : undefined;
  }

  async revoke(tokenId: string): Promise<void> {
    const hash = await this.redis.get(byId(tokenId));
    if (hash) await this.redis.multi().del(byHash(hash)).del(byId(tokenId)).exec();
  }
}
