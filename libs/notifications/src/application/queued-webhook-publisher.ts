import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig, QUEUES, type WebhookMessage, type WebhookPublisher } from '@frontline/platform';
import type { Queue } from 'bullmq';
import { WebhookSubscriptions } from './webhook-subscriptions';

export interface WebhookDeliveryJob {
  webhookId: string;
  message: WebhookMessage;
}

export const WEBHOOK_DELIVERY_ATTEMPTS = 8;
/** Deliveries at once per worker: each mostly waits on somebody else's server, so one slow target must not hold up the rest. */
export const WEBHOOK_DELIVERY_CONCURRENCY = 32;

/** One job per message and webhook; BullMQ forbids ':' in custom ids, so the message id's colons become dots. */
export const webhookJobId = (messageId: string, webhookId: string) => `${messageId.replaceAll(':', '.')}@${webhookId}`;

/**
 * Publishes a message to every active webhook subscribed to its type: one delivery job each,
 * with a deterministic id, so publishing the same message again adds nothing.
 */
@Injectable()
export class QueuedWebhookPublisher implements WebhookPublisher {
  constructor(
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue<WebhookDeliveryJob>,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly config: AppConfig,
  ) {}

  async publish(message: WebhookMessage): Promise<void> {
    const webhookIds = await this.subscriptions.subscribersOf(message.type);
    await this.queue.addBulk(
      webhookIds.map((webhookId) => ({
        name: message.type,
        data: { webhookId, message },
        opts: {
          jobId: webhookJobId(message.id, webhookId),
          attempts: WEBHOOK_DELIVERY_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.config.WEBHOOK_RETRY_DELAY_MS },
          // Kept a week, so the same message published again within it finds the job and adds nothing.
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      })),
    );
  }
}
