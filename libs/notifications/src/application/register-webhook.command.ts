import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

/** Answers with the secret, in clear, this once. */
export class RegisterWebhookCommand extends Command<{ webhookId: string; secret: string }> {
  constructor(
    readonly webhook: { webhookId: string; url: string; eventTypes: string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}
