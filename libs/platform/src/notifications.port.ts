/**
 * What other contexts ask of the notifications context: tell the registered webhooks that
 * something happened. `id` is the delivery's stable id (Standard Webhooks `webhook-id`), so
 * publishing the same message twice delivers it once per webhook.
 */
export interface WebhookMessage {
  id: string;
  /** The event type webhooks subscribe to, e.g. 'AnnouncementPublished', 'CareAlertRaised'. */
  type: string;
  /** Human-readable text for Slack-compatible receivers. */
  text: string;
  data: Record<string, unknown>;
}

export interface WebhookPublisher {
  publish(message: WebhookMessage): Promise<void>;
}

export const WEBHOOK_PUBLISHER = Symbol('WebhookPublisher');
