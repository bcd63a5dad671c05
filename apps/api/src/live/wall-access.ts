import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { campaignStream } from '@frontline/campaigns';
import { NotFoundError } from '@frontline/decider';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { Authentication, hasRole } from '@frontline/platform';
import { type Wall, WallTokens, sameWall } from './wall-tokens';

/** Who watches a wall, for the stream's limits and checks. */
export interface WallWatcher {
  holder: string;
  stillAllowed?: () => Promise<boolean>;
}

/**
 * A wall opens to its own wall token (in the query: a screen sends no header), or to HR and admins
 * with their bearer token. Nobody else: a wall is for a screen on the floor, not a feed to follow.
 */
@Injectable()
export class WallAccess {
  constructor(
    private readonly modules: ModuleRef,
    private readonly tokens: WallTokens,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  // The api module's own, which the api-wide guard uses: one token verifier and its key cache per process.
  private get authentication(): Authentication {
    return this.modules.get(Authentication, { strict: false });
  }

  async admit(wall: Wall, token: string | undefined, authorization: string | undefined): Promise<WallWatcher> {
    if (token === undefined) {
      const actor = await this.authentication.actorFor(authorization);
      if (!hasRole(actor, 'hr', 'admin'))
        throw new ForbiddenException('A wall opens to HR and admins, or to a wall token on a screen');
      await this.mustExist(wall);
      return { holder: actor.personId };
    }
    const issued = await this.tokens.wallOf(token);
    if (!issued) throw new UnauthorizedException('The wall token is not valid: unknown, expired or revoked');
    if (!sameWall(issued.wall, wall)) throw new ForbiddenException('This wall token opens another wall');
    await this.mustExist(wall);
    return {
      holder: `wall-token:${issued.tokenId}`,
      stillAllowed: async () => (await this.tokens.wallOf(token)) !== undefined,
    };
  }

  async mustExist(wall: Wall): Promise<void> {
    if (wall.of === 'org') return;
    const planned = await this.store.readStream(campaignStream(wall.campaignId), { maxCount: 1 });
    if (planned.length === 0) throw new NotFoundError(`No campaign ${wall.campaignId}`);
  }
}
