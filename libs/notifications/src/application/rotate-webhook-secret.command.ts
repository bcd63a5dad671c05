import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

/** Answers with the new secret, in clear, this once. */
export class RotateWebhookSecretCommand extends Command<{
  webhookId: string;
  secret: string;
  previousValidUntil: string;
}> {
  constructor(
    readonly webhookId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
