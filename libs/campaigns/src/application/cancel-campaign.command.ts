import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

export class CancelCampaignCommand extends Command<{ campaignId: string; status: 'cancelled' }> {
  constructor(
    readonly campaignId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
