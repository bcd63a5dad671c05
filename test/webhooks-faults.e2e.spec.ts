import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { WebhookSubscriptions } from '@frontline/notifications';
import { WEBHOOK_PUBLISHER, type WebhookPublisher } from '@frontline/platform';
import { testEnvironment } from '@frontline/testing';
import { type TestApi, person, startTestApi } from './support/test-api';
import { WebhookReceiver } from './support/webhook-receiver';
import { eventually } from './support/webhooks';

// Needs the dist build: `npm run -s build` (or `npx nest build worker`) first.
const ROOT = join(__dirname, '..');

/** The worker as deployed: `node dist/apps/worker/src/main.js`, on the test api's database and Redis prefix. */
function startWorker(env: Record<string, string>): ChildProcess {
  return spawn('node', ['dist/apps/worker/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

describe('webhook delivery when the worker is killed -9 in the middle of a job', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  let worker: ChildProcess | undefined;
  const admin = person(['admin']);

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    api = await startTestApi('webhooks_faults', { WEBHOOK_ALLOW_PRIVATE: 'true' });
  });
  afterAll(async () => {
    if (worker) await kill(worker, 'SIGTERM');
    await api?.close();
    await receiver?.stop();
  });

  it('ends with exactly one effective delivery per webhook-id, every request of a message carrying the same id', async () => {
    const env = testEnvironment(api.database.url, {
      REDIS_KEY_PREFIX: api.config.REDIS_KEY_PREFIX,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_DELAY_MS: '300',
    });
    worker = startWorker(env);
    const registered = await api.request({
      method: 'POST',
      url: '/v1/webhooks',
      as: admin,
      body: { url: `${receiver.url}/faults`, eventTypes: ['AnnouncementPublished'] },
    });
    expect(registered.status).toBe(201);
    const { webhookId } = registered.body as { webhookId: string };
    const subscriptions = api.app.get(WebhookSubscriptions, { strict: false });
    await eventually(
      'the worker indexing the webhook',
      async () => (await subscriptions.subscribersOf('AnnouncementPublished')).includes(webhookId),
      30_000,
    );

    // The receiver holds its first answer long enough for the worker to die mid-request.
    receiver.delayAnswers(5_000);
    const publisher = api.app.get<WebhookPublisher>(WEBHOOK_PUBLISHER, { strict: false });
    const ids = ['msg_fault_1', 'msg_fault_2', 'msg_fault_3'];
    for (const id of ids) await publisher.publish({ id, type: 'AnnouncementPublished', text: id, data: {} });
    await receiver.waitForRequests(1, 20_000);
    await kill(worker, 'SIGKILL');
    receiver.delayAnswers(0);
    const killedMidRequest = receiver.requests[0];
    worker = startWorker(env);

    await eventually('every message delivered', async () => receiver.delivered('/faults').length >= ids.length, 45_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(killedMidRequest.answered).toBe(false);
    const deliveredIds = receiver.delivered('/faults').map((request) => request.headers['webhook-id']);
    expect(deliveredIds.toSorted()).toEqual(ids);
    // The message in flight at the kill was sent again, under the same webhook-id, for the receiver to dedupe on.
    const ofKilled = receiver
      .received('/faults')
      .filter((r) => r.headers['webhook-id'] === killedMidRequest.headers['webhook-id']);
    expect(ofKilled.length).toBeGreaterThanOrEqual(2);
    const events = ofKilled.map((request) => JSON.parse(request.rawBody) as { type: string; text: string });
    expect(new Set(events.map(({ type, text }) => `${type}/${text}`))).toEqual(
      new Set([`${events[0].type}/${events[0].text}`]),
    );
  }, 90_000);
});
