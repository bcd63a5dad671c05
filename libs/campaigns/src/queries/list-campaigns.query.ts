import { Query } from '@nestjs/cqrs';
import type { Page } from '@frontline/read-models';
import type { CampaignStatus } from '../domain/campaign.decider';
import type { CampaignKind } from '../domain/campaign.events';

export interface CampaignListItem {
  campaignId: string;
  name: string;
  kind: CampaignKind;
  timezone: string;
  firstDay: string;
  lastDay: string;
  status: CampaignStatus;
}

/** Every campaign, the latest first day first: for HR and admins only (the controller's role check). */
export class ListCampaignsQuery extends Query<{ items: CampaignListItem[]; nextCursor: string | null }> {
  constructor(readonly page: Page) {
    super();
  }
}
