import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

export class DisableWebhookCommand extends Command<{ webhookId: string; status: 'disabled' }> {
  constructor(
    readonly webhookId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
