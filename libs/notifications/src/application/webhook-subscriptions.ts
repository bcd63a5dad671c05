import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@frontline/event-store';
import { QUEUE_REDIS, type Reactor } from '@frontline/platform';
import type { Redis } from 'ioredis';
import type { WebhookDisabled, WebhookRegistered } from '../domain/webhook.events';

const subscribedKey = (eventType: string) => `webhooks:subscribed:${eventType}`;
const typesKey = (webhookId: string) => `webhooks:types:${webhookId}`;
/** Every webhook ever registered, in id order (one score), for the admin's list. */
export const LISTED_WEBHOOKS_KEY = 'webhooks:listed';
/** {target, eventTypes, status, registeredAt}: never the secret, never the url's path (it may hold a token). */
export const listedWebhookKey = (webhookId: string) => `webhooks:listed:${webhookId}`;

/** Which active webhooks subscribe to which event type (kept by WebhookSubscriptionsReactor). */
@Injectable()
export class WebhookSubscriptions {
  constructor(@Inject(QUEUE_REDIS) private readonly redis: Redis) {}

  subscribersOf(eventType: string): Promise<string[]> {
    return this.redis.smembers(subscribedKey(eventType));
  }
}

/**
 * Keeps the subscriptions index, and the list of webhooks the admin sees, in the queue Redis from
 * the webhook events: the log stays the source of truth, and if that Redis loses its data, the
 * reactor's checkpoint goes with it and both are rebuilt from the log. Every write is idempotent,
 * so a replay is harmless.
 */
@Injectable()
export class WebhookSubscriptionsReactor implements Reactor {
  // A new name replays the log once, so webhooks registered before the list existed are listed too.
  readonly name = 'webhook-subscriptions.v2';
  readonly eventTypes = ['WebhookRegistered', 'WebhookDisabled'] as const;

  constructor(@Inject(QUEUE_REDIS) private readonly redis: Redis) {}

  async react(event: RecordedEvent): Promise<void> {
    const { type, data } = event as unknown as WebhookRegistered | WebhookDisabled;
    if (type === 'WebhookRegistered') {
      const multi = this.redis
        .multi()
        .set(typesKey(data.webhookId), JSON.stringify(data.eventTypes))
        .hset(listedWebhookKey(data.webhookId), {
          target: new URL(data.url).origin,
          eventTypes: JSON.stringify(data.eventTypes),
          status: 'active',
          registeredAt: event.recordedAt.toISOString(),
        })
        .zadd(LISTED_WEBHOOKS_KEY, 0, data.webhookId);
      for (const eventType of data.eventTypes) multi.sadd(subscribedKey(eventType), data.webhookId);
      await multi.exec();
    } else if (type === 'WebhookDisabled') {
      const eventTypes = JSON.parse((await this.redis.get(typesKey(data.webhookId))) ?? '[]') as string[];
      const multi = this.redis
        .multi()
        .del(typesKey(data.webhookId))
        .hset(listedWebhookKey(data.webhookId), 'status', 'disabled');
      for (const eventType of eventTypes) multi.srem(subscribedKey(eventType), data.webhookId);
      await multi.exec();
    }
  }
}
