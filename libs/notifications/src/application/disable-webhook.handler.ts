import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { webhookStream } from '../domain/notifications.streams';
import { webhookDecider } from '../domain/webhook.decider';
import { DisableWebhookCommand } from './disable-webhook.command';

@CommandHandler(DisableWebhookCommand)
export class DisableWebhookHandler implements ICommandHandler<DisableWebhookCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ webhookId, context }: DisableWebhookCommand) {
    await this.executor.execute(
      webhookStream(webhookId),
      webhookDecider,
      { type: 'DisableWebhook', webhookId },
      context,
    );
    return { webhookId, status: 'disabled' as const };
  }
}
