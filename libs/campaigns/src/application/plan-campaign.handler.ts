import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { InvalidCampaignDaysError, campaignDecider } from '../domain/campaign.decider';
import type { CampaignPlanned } from '../domain/campaign.events';
import { campaignStream } from '../domain/campaign.streams';
import { customerServiceWeek } from '../domain/customer-service-week';
import { PlanCampaignCommand } from './plan-campaign.command';

@CommandHandler(PlanCampaignCommand)
export class PlanCampaignHandler implements ICommandHandler<PlanCampaignCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ campaign, context }: PlanCampaignCommand) {
    const { campaignId, kind, name, timezone, year, audience = { teamIds: [] } } = campaign;
    if (!campaign.days && year === undefined) throw new InvalidCampaignDaysError('Give either days or a year');
    const days = campaign.days ?? customerServiceWeek(year!);
    const { events } = await this.executor.execute(
      campaignStream(campaignId),
      campaignDecider,
      {
        type: 'PlanCampaign',
        campaignId,
        kind,
        name,
        timezone,
        days,
        audience,
        plannedBy: context.actor.personId,
        now: context.now,
      },
      context,
    );
    const { data } = events[0] as CampaignPlanned;
    return { campaignId: data.campaignId, days: data.days };
  }
}
