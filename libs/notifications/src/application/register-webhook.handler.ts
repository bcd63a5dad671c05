import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig, CommandExecutor, InvalidRequestException, PersonalData } from '@frontline/platform';
import { webhookStream } from '../domain/notifications.streams';
import { webhookDecider } from '../domain/webhook.decider';
import type { WebhookRegistered } from '../domain/webhook.events';
import { RegisterWebhookCommand } from './register-webhook.command';
import { newWebhookSecret } from './webhook-secret';
import { UnsafeWebhookTargetError, checkWebhookTarget } from './webhook-target';

/** The vault subject a webhook's secrets are encrypted under. */
export const webhookSecretSubject = (webhookId: string) => `webhook:${webhookId}`;

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly config: AppConfig,
  ) {}

  async execute({ webhook, context }: RegisterWebhookCommand) {
    await checkWebhookTarget(webhook.url, { allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE }).catch((error) => {
      if (error instanceof UnsafeWebhookTargetError)
        throw new InvalidRequestException([{ field: 'url', messages: [error.message] }]);
      throw error;
    });
    const secret = await this.personalData.encrypt(webhookSecretSubject(webhook.webhookId), newWebhookSecret());
    const { events } = await this.executor.execute(
      webhookStream(webhook.webhookId),
      webhookDecider,
      { type: 'RegisterWebhook', ...webhook, secret },
      context,
    );
    // A retry of the same request answers with the secret its first attempt stored.
    const [registered] = events as WebhookRegistered[];
    return { webhookId: webhook.webhookId, secret: await this.personalData.decrypt(registered.data.secret) };
  }
}
