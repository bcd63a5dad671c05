import { Query } from '@nestjs/cqrs';
import type { Actor } from '@frontline/platform';
import type { CampaignStatus } from '../domain/campaign.decider';
import type {
  Badge,
  CampaignAudience,
  CampaignDay,
  CampaignKind,
  CampaignSummary,
  HeadlinesPublished,
} from '../domain/campaign.events';

/** A headline kudos as the campaign shows it; one retracted or hidden since is left out. */
export interface HeadlineKudos {
  kudosId: string;
  message: string;
  values: string[];
  sentAt: string;
  reactions: Record<string, number>;
}

export interface CampaignView {
  campaignId: string;
  kind: CampaignKind;
  name: string;
  timezone: string;
  audience: CampaignAudience;
  days: CampaignDay[];
  status: CampaignStatus;
  steps: { step: string; at: string; ranAt: string | null }[];
  headlines: { day: HeadlinesPublished['data']['day']; kudos: HeadlineKudos[] }[];
  badges: { badge: Badge; people: number }[];
  summary: CampaignSummary | null;
}

/**
 * One campaign: the programme, its status, each step with when it ran, the headlines and the
 * summary. HR and admins see any campaign; anyone else a campaign in progress. Badges show how
 * many people earned them, not who.
 */
export class GetCampaignQuery extends Query<CampaignView> {
  constructor(
    readonly viewer: Actor,
    readonly campaignId: string,
  ) {
    super();
  }
}
