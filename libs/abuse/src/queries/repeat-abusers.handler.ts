import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Paging, ReadModels } from '@frontline/read-models';
import { repeatAbusersProjection } from '../projections/repeat-abusers.projection';
import { RepeatAbusersQuery } from './repeat-abusers.query';

@QueryHandler(RepeatAbusersQuery)
export class RepeatAbusersHandler implements IQueryHandler<RepeatAbusersQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async execute({ page }: RepeatAbusersQuery) {
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
