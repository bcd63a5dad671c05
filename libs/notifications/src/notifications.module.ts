import { Global, Module } from '@nestjs/common';
import { WEBHOOK_PUBLISHER } from '@frontline/platform';
import { ReadModelsModule } from '@frontline/read-models';
import { DisableWebhookHandler } from './application/disable-webhook.handler';
import { QueuedWebhookPublisher } from './application/queued-webhook-publisher';
import { RegisterWebhookHandler } from './application/register-webhook.handler';
import { RotateWebhookSecretHandler } from './application/rotate-webhook-secret.handler';
import { WebhookSubscriptions } from './application/webhook-subscriptions';
import { WebhooksHandler } from './queries/webhooks.handler';

/** The webhook commands and the admin's list of webhooks, for the api. */
@Module({
  imports: [ReadModelsModule],
  providers: [RegisterWebhookHandler, RotateWebhookSecretHandler, DisableWebhookHandler, WebhooksHandler],
})
export class NotificationsModule {}

/**
 * `WEBHOOK_PUBLISHER` for every module of the app that imports this once (worker and api):
 * publishing enqueues delivery jobs; only the worker runs them. Needs QueuesModule.
 */
@Global()
@Module({
  providers: [
    WebhookSubscriptions,
    QueuedWebhookPublisher,
    { provide: WEBHOOK_PUBLISHER, useExisting: QueuedWebhookPublisher },
  ],
  exports: [WEBHOOK_PUBLISHER, WebhookSubscriptions],
})
export class WebhookPublishingModule {}
