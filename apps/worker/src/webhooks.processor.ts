import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { WEBHOOK_DELIVERY_CONCURRENCY, type WebhookDeliveryJob, WebhookDelivery } from '@frontline/notifications';
import { QUEUES } from '@frontline/platform';
import { type Job, UnrecoverableError } from 'bullmq';

/**
 * Delivers one message to one webhook per job. A failed attempt throws, and BullMQ retries it
 * with exponential backoff up to the job's attempts; a refused target is not retried.
 */
// A short lock, renewed while a delivery runs, so a job whose worker died is picked up again within seconds.
@Processor(QUEUES.webhooks, { lockDuration: 10_000, stalledInterval: 5_000, concurrency: WEBHOOK_DELIVERY_CONCURRENCY })
export class WebhooksProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhooksProcessor.name);

  constructor(private readonly delivery: WebhookDelivery) {
    super();
  }

  async process(job: Job<WebhookDeliveryJob>): Promise<void> {
    const report = await this.delivery.attempt(job.data, job.id!, job.attemptsMade + 1);
    if (report.outcome === 'refused') throw new UnrecoverableError(`webhook target refused: ${report.reason}`);
    if (report.outcome === 'failed') {
      this.logger.warn(`delivery ${job.id} attempt ${job.attemptsMade + 1} failed: ${report.status ?? report.reason}`);
      throw new Error(`webhook delivery failed: ${report.status ?? report.reason}`);
    }
  }
}
