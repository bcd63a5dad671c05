import { Injectable } from '@nestjs/common';
import { AppConfig, CommandExecutor, PersonalData, jobContext } from '@frontline/platform';
import { webhookStream } from '../domain/notifications.streams';
import { signingSecrets, webhookDecider } from '../domain/webhook.decider';
import type { DeliveryOutcome } from '../domain/webhook.events';
import { postToTarget } from './post-to-target';
import type { WebhookDeliveryJob } from './queued-webhook-publisher';
import { webhookBody } from './webhook-body';
import { signWebhook } from './webhook-secret';
import { UnsafeWebhookTargetError, checkWebhookTarget } from './webhook-target';

const DELIVERY_TIMEOUT_MS = 10_000;

export interface DeliveryReport {
  outcome: DeliveryOutcome | 'skipped';
  status?: number;
  reason?: string;
}

/**
 * One delivery attempt: sign with every secret valid now, check the target again (after
 * DNS), POST to the checked address, and record the outcome on the webhook's stream with an
 * event id derived from the job and attempt, so a re-run attempt records once.
 */
@Injectable()
export class WebhookDelivery {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly config: AppConfig,
  ) {}

  async attempt({ webhookId, message }: WebhookDeliveryJob, jobId: string, attempt: number): Promise<DeliveryReport> {
    const stream = webhookStream(webhookId);
    const loaded = await this.executor.load(stream, webhookDecider);
    const { state } = loaded;
    if (state.status !== 'active') return { outcome: 'skipped', reason: `webhook is ${state.status}` };

    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const secrets = await Promise.all(signingSecrets(state, now).map((secret) => this.personalData.decrypt(secret)));
    const body = webhookBody(message, now);
    const headers = {
      'webhook-id': message.id,
      'webhook-timestamp': String(now.getTime() / 1000),
      'webhook-signature': signWebhook(secrets, message.id, now, body),
    };
    let report: { outcome: DeliveryOutcome; status?: number; reason?: string };
    try {
      const target = await checkWebhookTarget(state.url, { allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE });
      const status = await postToTarget(target, body, headers, DELIVERY_TIMEOUT_MS);
      report = { outcome: status >= 200 && status < 300 ? 'delivered' : 'failed', status };
    } catch (error) {
      const outcome = error instanceof UnsafeWebhookTargetError ? 'refused' : 'failed';
      report = { outcome, reason: (error as Error).message };
    }
    await this.executor.execute(
      stream,
      webhookDecider,
      { type: 'RecordDeliveryAttempt', webhookId, messageId: message.id, attempt, ...report },
      jobContext(`${jobId}:${attempt}`),
      { loaded },
    );
    return report;
  }
}
