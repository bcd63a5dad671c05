import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig, CommandExecutor, PersonalData } from '@frontline/platform';
import { webhookStream } from '../domain/notifications.streams';
import { webhookDecider } from '../domain/webhook.decider';
import type { WebhookSecretRotated } from '../domain/webhook.events';
import { webhookSecretSubject } from './register-webhook.handler';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command';
import { newWebhookSecret } from './webhook-secret';

@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly config: AppConfig,
  ) {}

  async execute({ webhookId, context }: RotateWebhookSecretCommand) {
    const secret = await this.personalData.encrypt(webhookSecretSubject(webhookId), newWebhookSecret());
    const { events } = await this.executor.execute(
      webhookStream(webhookId),
      webhookDecider,
      {
        type: 'RotateWebhookSecret',
        webhookId,
        secret,
        now: context.now,
        overlapMs: this.config.WEBHOOK_SECRET_OVERLAP_MS,
      },
      context,
    );
    const [rotated] = events as WebhookSecretRotated[];
    return {
      webhookId,
      secret: await this.personalData.decrypt(rotated.data.secret),
      previousValidUntil: rotated.data.previousValidUntil,
    };
  }
}
