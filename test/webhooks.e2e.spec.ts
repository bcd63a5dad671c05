import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { WebhookSubscriptions, webhookStream } from '@frontline/notifications';
import { type TestApi, person, startTestApi } from './support/test-api';
import { WebhookReceiver } from './support/webhook-receiver';
import { deliveryAttempts, eventually, registerWebhook, workerPublisher } from './support/webhooks';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhooks (worker running, loopback receiver allowed)', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  const admin = person(['admin']);

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // Each path behaves its own way, so a retry still pending from one test cannot upset another.
    receiver.respondWith((request) => {
      if (request.path === '/redirect')
        return { status: 302, headers: { location: `${receiver.url}/redirect-target` } };
      if (request.path === '/flaky' && receiver.received('/flaky').length <= 2) return { status: 500 };
      return undefined;
    });
    api = await startTestApi(
      'webhooks',
      { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_DELAY_MS: '200', WEBHOOK_SECRET_OVERLAP_MS: '600000' },
      { worker: true },
    );
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.stop();
  });

  it('answers the secret once, in the Standard Webhooks format, and keeps it encrypted in the log', async () => {
    const { webhookId, secret } = await registerWebhook(api, admin, `${receiver.url}/secret`, ['SecretCheck']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const events = await api.app.get<EventStore>(EVENT_STORE, { strict: false }).readStream(webhookStream(webhookId));
    expect(events.map((event) => event.type)).toEqual(['WebhookRegistered']);
    expect(JSON.stringify(events.map(({ data, metadata }) => ({ data, metadata })))).not.toContain(
      secret.slice('whsec_'.length),
    );
    expect((events[0].data as { secret: string }).secret).toMatch(/^pd1\./);
  });

  it('delivers a published message once, signed, with the Standard Webhooks headers and a Slack body', async () => {
    const { webhookId, secret } = await registerWebhook(api, admin, `${receiver.url}/once`, ['AnnouncementPublished']);
    const publisher = workerPublisher(api);
    const message = {
      id: 'msg_once_1',
      type: 'AnnouncementPublished',
      text: '*Customer Service Week* starts today',
      data: { campaignId: 'c1' },
    };
    await publisher.publish(message);
    await publisher.publish(message); // the same message again: the same job id, nothing new
    await publisher.publish({ ...message, id: 'msg_other_1', type: 'SomethingElse' }); // nobody subscribes to it

    const request = await eventually('a delivery', async () => receiver.received('/once')[0]);
    await settle(1_000);
    expect(receiver.received('/once')).toHaveLength(1);
    expect(request.headers['webhook-id']).toBe('msg_once_1');
    expect(request.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(request.headers['content-type']).toBe('application/json');
    // Verified by the Standard Webhooks library, over the raw body as received.
    expect(new Webhook(secret).verify(request.rawBody, request.headers as Record<string, string>)).toMatchObject({
      text: message.text,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: message.text } }],
      type: 'AnnouncementPublished',
      data: { campaignId: 'c1' },
    });
    // A signature under another secret does not verify: the check above can fail.
    const other = new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`);
    expect(() => other.verify(request.rawBody, request.headers as Record<string, string>)).toThrow(
      WebhookVerificationError,
    );

    await eventually('the outcome recorded', async () => (await deliveryAttempts(api, webhookId)).length === 1);
    expect(await deliveryAttempts(api, webhookId)).toEqual([
      { webhookId, messageId: 'msg_once_1', attempt: 1, status: 200, outcome: 'delivered' },
    ]);
  });

  it('retries with backoff until the receiver takes it, and records every attempt', async () => {
    const { webhookId, secret } = await registerWebhook(api, admin, `${receiver.url}/flaky`, ['CareAlertRaised']);
    await workerPublisher(api).publish({ id: 'msg_flaky_1', type: 'CareAlertRaised', text: 'Alert', data: {} });

    await eventually('three attempts', async () => receiver.received('/flaky').length >= 3);
    await eventually('three outcomes', async () => (await deliveryAttempts(api, webhookId)).length >= 3);
    await settle(800);
    const requests = receiver.received('/flaky');
    expect(requests.map((request) => request.status)).toEqual([500, 500, 200]);
    expect(new Set(requests.map((request) => request.headers['webhook-id']))).toEqual(new Set(['msg_flaky_1']));
    expect(requests[1].receivedAt - requests[0].receivedAt).toBeGreaterThanOrEqual(150);
    expect(() =>
      new Webhook(secret).verify(requests[2].rawBody, requests[2].headers as Record<string, string>),
    ).not.toThrow();
    expect(
      (await deliveryAttempts(api, webhookId)).map(({ attempt, status, outcome }) => [attempt, status, outcome]),
    ).toEqual([
      [1, 500, 'failed'],
      [2, 500, 'failed'],
      [3, 200, 'delivered'],
    ]);
  });

  it('signs with both secrets while a rotation overlaps, each signature valid', async () => {
    const { webhookId, secret: oldSecret } = await registerWebhook(api, admin, `${receiver.url}/rotating`, ['Rotated']);
    const rotated = await api.request({ method: 'POST', url: `/v1/webhooks/${webhookId}/rotate`, as: admin });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.secret as string;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);

    await workerPublisher(api).publish({ id: 'msg_rotated_1', type: 'Rotated', text: 'Rotated', data: {} });
    const request = await eventually('a delivery', async () => receiver.received('/rotating')[0]);
    const signatures = String(request.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    const verifyOne = (secret: string, signature: string) =>
      new Webhook(secret).verify(request.rawBody, {
        ...(request.headers as Record<string, string>),
        'webhook-signature': signature,
      });
    expect(() => verifyOne(newSecret, signatures[0])).not.toThrow();
    expect(() => verifyOne(oldSecret, signatures[1])).not.toThrow();
    expect(() => verifyOne(oldSecret, signatures[0])).toThrow(WebhookVerificationError);
  });

  it('never follows a redirect: a 302 is a failed delivery, and its target gets nothing', async () => {
    const { webhookId } = await registerWebhook(api, admin, `${receiver.url}/redirect`, ['Redirected']);
    await workerPublisher(api).publish({ id: 'msg_redirect_1', type: 'Redirected', text: 'x', data: {} });
    await eventually('an attempt recorded', async () => (await deliveryAttempts(api, webhookId))[0]);
    await settle(500);
    expect(receiver.received('/redirect').length).toBeGreaterThanOrEqual(1);
    expect(receiver.received('/redirect-target')).toHaveLength(0);
    expect((await deliveryAttempts(api, webhookId))[0]).toMatchObject({ attempt: 1, status: 302, outcome: 'failed' });
  });

  it('delivers nothing more to a disabled webhook', async () => {
    const { webhookId } = await registerWebhook(api, admin, `${receiver.url}/disabled`, ['Disabled']);
    expect((await api.request({ method: 'DELETE', url: `/v1/webhooks/${webhookId}`, as: admin })).status).toBe(200);
    const subscriptions = api.worker.get(WebhookSubscriptions, { strict: false });
    await eventually('unindexed', async () => !(await subscriptions.subscribersOf('Disabled')).includes(webhookId));
    await workerPublisher(api).publish({ id: 'msg_disabled_1', type: 'Disabled', text: 'x', data: {} });
    await settle(1_000);
    expect(receiver.received('/disabled')).toHaveLength(0);
    const rotate = await api.request({ method: 'POST', url: `/v1/webhooks/${webhookId}/rotate`, as: admin });
    expect(rotate.status).toBe(409);
  });

  it("lists the webhooks a page at a time with where each posts and its state, never a secret or the url's path", async () => {
    const { webhookId, secret } = await registerWebhook(api, admin, `${receiver.url}/listed/T000/token`, ['Listed']);
    expect((await api.request({ method: 'DELETE', url: `/v1/webhooks/${webhookId}`, as: admin })).status).toBe(200);
    const listed = await eventually('listed as disabled', async () => {
      const all: Record<string, unknown>[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = await api.request({ method: 'GET', url: `/v1/webhooks?limit=2${query}`, as: admin });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        all.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const found = all.find((webhook) => webhook.webhookId === webhookId);
      return found?.status === 'disabled' ? { all, found } : undefined;
    });
    expect(listed.found).toEqual({
      webhookId,
      target: new URL(receiver.url).origin,
      eventTypes: ['Listed'],
      status: 'disabled',
      registeredAt: expect.any(String),
    });
    expect(new Set(listed.all.map((webhook) => webhook.webhookId)).size).toBe(listed.all.length);
    const text = JSON.stringify(listed.all);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('token');
    expect((await api.request({ method: 'GET', url: '/v1/webhooks', as: person(['hr']) })).status).toBe(403);
  });

  it('lets only admins manage webhooks, and answers 404 for an unknown one', async () => {
    const agent = person(['agent']);
    const body = { url: `${receiver.url}/x`, eventTypes: ['X'] };
    expect((await api.request({ method: 'POST', url: '/v1/webhooks', as: agent, body })).status).toBe(403);
    const unknown = '00000000-0000-4000-8000-00000000beef';
    expect((await api.request({ method: 'POST', url: `/v1/webhooks/${unknown}/rotate`, as: admin })).status).toBe(404);
    expect((await api.request({ method: 'DELETE', url: `/v1/webhooks/${unknown}`, as: admin })).status).toBe(404);
  });
});
