import { Injectable } from '@nestjs/common';
import { type Page, Paging, ReadModels } from '@frontline/read-models';
import { repeatAbusersProjection } from '../projections/repeat-abusers.projection';

export interface RepeatAbuserMatch {
  matchId: string;
  customerPseudonym: string;
  incidentIds: string[];
  distinctAgents: number;
  matchedAt: string;
}

/** Repeat-abuser matches, newest first: for wellbeing officers only (the controller's role check). */
@Injectable()
export class RepeatAbusersQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async list(page: Page): Promise<{ items: RepeatAbuserMatch[]; nextCursor: string | null }> {
    const keys = await this.readModels.layout(repeatAbusersProjection);
    const { members, nextCursor } = await this.paging.sortedSet(
      this.readModels.redis,
      'repeat-abusers',
      keys.matches,
      page,
      'newest_first',
    );
    const hashes = await Promise.all(members.map((id) => this.readModels.redis.hgetall(keys.match(id))));
    const items = hashes.map((hash, i) => ({
      matchId: members[i],
      customerPseudonym: hash.customerPseudonym,
      incidentIds: hash.incidentIds ? hash.incidentIds.split(',') : [],
      distinctAgents: Number(hash.distinctAgents),
      matchedAt: hash.matchedAt,
    }));
    return { items, nextCursor };
  }
}
