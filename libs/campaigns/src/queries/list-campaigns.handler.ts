import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Paging, ReadModels } from '@frontline/read-models';
import { campaignListProjection } from '../projections/campaign-list.projection';
import { type CampaignListItem, ListCampaignsQuery } from './list-campaigns.query';

@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async execute({ page }: ListCampaignsQuery) {
    const keys = await this.readModels.layout(campaignListProjection);
    const { members, nextCursor } = await this.paging.sortedSet(
      this.readModels.redis,
      'campaigns',
      keys.campaigns,
      page,
      'newest_first',
    );
    const hashes = await Promise.all(members.map((id) => this.readModels.redis.hgetall(keys.campaign(id))));
    const items = hashes.map((hash, i) => ({ campaignId: members[i], ...hash }) as CampaignListItem);
    return { items, nextCursor };
  }
}
