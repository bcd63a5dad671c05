import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { campaignDecider } from '../domain/campaign.decider';
import { campaignStream } from '../domain/campaign.streams';
import { CancelCampaignCommand } from './cancel-campaign.command';

/** Appends the cancel; the worker's campaigns reactor then removes the pending step jobs. */
@CommandHandler(CancelCampaignCommand)
export class CancelCampaignHandler implements ICommandHandler<CancelCampaignCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ campaignId, context }: CancelCampaignCommand) {
    await this.executor.execute(
      campaignStream(campaignId),
      campaignDecider,
      { type: 'CancelCampaign', cancelledBy: context.actor.personId, now: context.now },
      context,
    );
    return { campaignId, status: 'cancelled' as const };
  }
}
