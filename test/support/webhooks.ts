import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { WebhookSubscriptions, webhookStream } from '@frontline/notifications';
import { type Actor, WEBHOOK_PUBLISHER, type WebhookPublisher } from '@frontline/platform';
import type { TestApi } from './test-api';

/** Polls until `check` returns something truthy, or fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 15_000) {
  for (const deadline = Date.now() + timeoutMs; ;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Registers a webhook through the api and waits until the worker's index knows it, so a publish right after reaches it. */
export async function registerWebhook(
  api: TestApi,
  admin: Actor,
  url: string,
  eventTypes: string[],
): Promise<{ webhookId: string; secret: string }> {
  const response = await api.request({ method: 'POST', url: '/v1/webhooks', as: admin, body: { url, eventTypes } });
  if (response.status !== 201)
    throw new Error(`registering ${url}: ${response.status} ${JSON.stringify(response.body)}`);
  const { webhookId, secret } = response.body as { webhookId: string; secret: string };
  const subscriptions = api.worker.get(WebhookSubscriptions, { strict: false });
  await eventually(`webhook ${webhookId} indexed`, async () =>
    (await subscriptions.subscribersOf(eventTypes[0])).includes(webhookId),
  );
  return { webhookId, secret };
}

export const workerPublisher = (api: TestApi) => api.worker.get<WebhookPublisher>(WEBHOOK_PUBLISHER, { strict: false });

/** The delivery attempts recorded on a webhook's stream. */
export async function deliveryAttempts(api: TestApi, webhookId: string) {
  const events = await api.app.get<EventStore>(EVENT_STORE, { strict: false }).readStream(webhookStream(webhookId));
  return events
    .filter((event) => event.type === 'WebhookDeliveryAttempted')
    .map((event) => event.data as { messageId: string; attempt: number; status?: number; outcome: string });
}
