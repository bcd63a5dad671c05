import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { CampaignAudience, CampaignDay, CampaignKind } from '../domain/campaign.events';

/** `days` omitted: the default programme of `kind` for `year`. */
export class PlanCampaignCommand extends Command<{ campaignId: string; days: CampaignDay[] }> {
  constructor(
    readonly campaign: {
      campaignId: string;
      kind: CampaignKind;
      name: string;
      timezone: string;
      year?: number;
      days?: CampaignDay[];
      audience?: CampaignAudience;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}
