import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import {
  WebhookSubscriptions,
  newWebhookSecret,
  webhookDecider,
  webhookSecretSubject,
  webhookStream,
} from '@frontline/notifications';
import { CommandExecutor, PersonalData, jobContext } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';
import { WebhookReceiver } from './support/webhook-receiver';
import { deliveryAttempts, eventually, workerPublisher } from './support/webhooks';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhooks refuse loopback, private, link-local and non-HTTP targets (WEBHOOK_ALLOW_PRIVATE=false)', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  const admin = person(['admin']);

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    api = await startTestApi('webhooks_ssrf', { WEBHOOK_RETRY_DELAY_MS: '100' }, { worker: true });
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.stop();
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://[::1]/hook',
    'http://10.0.0.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://2130706433/hook',
    'http://0x7f.1/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://localhost/hook',
    'ftp://hooks.example.com/hook',
  ])('refuses to register %s with a 400 that names url, and records nothing', async (url) => {
    const webhookId = randomUUID();
    const response = await api.request({
      method: 'POST',
      url: '/v1/webhooks',
      as: admin,
      body: { webhookId, url, eventTypes: ['AnnouncementPublished'] },
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'url', messages: [expect.any(String)] }]);
    const store = api.app.get<EventStore>(EVENT_STORE, { strict: false });
    expect(await store.readStream(webhookStream(webhookId))).toEqual([]);
  });

  it('checks again at send time: a name that now resolves to loopback is refused without connecting', async () => {
    // As if `localhost` had resolved to a public address at registration (DNS rebinding): the event is written directly.
    const webhookId = randomUUID();
    const personalData = api.worker.get(PersonalData, { strict: false });
    const secret = await personalData.encrypt(webhookSecretSubject(webhookId), newWebhookSecret());
    const url = `http://localhost:${receiver.port}/rebound`;
    await api.worker
      .get(CommandExecutor, { strict: false })
      .execute(
        webhookStream(webhookId),
        webhookDecider,
        { type: 'RegisterWebhook', webhookId, url, eventTypes: ['Rebound'], secret },
        jobContext(`rebind-${webhookId}`),
      );
    const subscriptions = api.worker.get(WebhookSubscriptions, { strict: false });
    await eventually('indexed', async () => (await subscriptions.subscribersOf('Rebound')).includes(webhookId));

    await workerPublisher(api).publish({ id: 'msg_rebound_1', type: 'Rebound', text: 'x', data: {} });
    await eventually('an attempt recorded', async () => (await deliveryAttempts(api, webhookId))[0]);
    await settle(800);
    expect(receiver.requests).toHaveLength(0);
    // Refused for good: no retries of a target that is not allowed.
    const attempts = await deliveryAttempts(api, webhookId);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ attempt: 1, outcome: 'refused', reason: expect.stringMatching(/loopback/) });
  });
});
