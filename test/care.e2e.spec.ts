import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { CARE_STEPS, CareProcessor, abuseIncidentStream, careJobId } from '@frontline/abuse';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@frontline/event-store';
import { WebhookSubscriptions } from '@frontline/notifications';
import { type Actor, QUEUES, type Role, WORKER_ID } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';
import { threatReport } from './support/incidents';
import { WebhookReceiver } from './support/webhook-receiver';

const SLA_MS = 1_500;
const CHECK_IN_MS = 2_500;

describe('post-incident care (worker)', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  const admin = person(['admin']);
  const teamId = randomUUID();
  let agent: Actor;
  let lead: Actor;
  let officer: Actor;

  const post = (url: string, as: Actor, body?: unknown) => api.request({ method: 'POST', url, as, body });
  const store = () => api.app.get<EventStore>(EVENT_STORE);
  const careQueue = () => api.worker.get<Queue>(getQueueToken(QUEUES.care));
  const webhookQueue = () => api.worker.get<Queue>(getQueueToken(QUEUES.webhooks));
  const eventsOf = async (incidentId: string) => store().readStream(abuseIncidentStream(incidentId));
  const typesOf = async (incidentId: string) => (await eventsOf(incidentId)).map((event) => event.type);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    for (const deadline = Date.now() + timeoutMs; ; await sleep(50)) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    }
  }
  const untilEvent = (incidentId: string, type: string) =>
    until<RecordedEvent>(`${type} on ${incidentId}`, async () =>
      (await eventsOf(incidentId)).find((event) => event.type === type),
    );

  const people: Actor[] = [admin];
  const enrol = async (roles: Role[]) => {
    const enrolled = await api.enrol(roles, teamId);
    people.push(enrolled);
    return enrolled;
  };

  async function report({ as = agent, ...overrides }: Record<string, unknown> & { as?: Actor } = {}): Promise<string> {
    const response = await post('/v1/incidents', as, threatReport(overrides));
    expect(response.status).toBe(201);
    return response.body.incidentId as string;
  }

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    api = await startTestApi(
      'care',
      { CARE_ACK_SLA_MS: String(SLA_MS), CARE_CHECK_IN_MS: String(CHECK_IN_MS), WEBHOOK_ALLOW_PRIVATE: 'true' },
      { projector: true, worker: true },
    );
    const created = await post('/v1/teams', admin, { teamId, name: 'Leeds voice' });
    if (created.status !== 201) throw new Error(`Team not created: ${JSON.stringify(created.body)}`);
    agent = await enrol(['agent']);
    lead = await enrol(['team_lead']);
    officer = await enrol(['wellbeing_officer']);
    const webhook = await post('/v1/webhooks', admin, {
      url: `${receiver.url}/care`,
      eventTypes: ['CareAlertRaised', 'IncidentEscalated', 'CareCheckIn'],
    });
    if (webhook.status !== 201) throw new Error(`Webhook not registered: ${JSON.stringify(webhook.body)}`);
    // The worker learns of the webhook through its own reactor.
    const subscriptions = api.worker.get(WebhookSubscriptions);
    await until('the webhook subscription', async () =>
      (await subscriptions.subscribersOf('CareAlertRaised')).length > 0 ? true : undefined,
    );
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.stop();
  });

  it('alerts the lead, offers a break, escalates an unacknowledged critical incident after the SLA, then checks in', async () => {
    const incidentId = await report();

    const escalated = await untilEvent(incidentId, 'IncidentEscalated');
    expect(escalated.data).toMatchObject({ incidentId, reason: 'sla_breach', teamId, severity: 'critical' });
    await untilEvent(incidentId, 'AgentCheckInSent');
    expect(await typesOf(incidentId)).toEqual([
      'AbuseIncidentReported',
      'SupportOffered',
      'IncidentAcknowledgementDue',
      'IncidentEscalated',
      'AgentCheckInSent',
    ]);

    const seen = await api.request({ method: 'GET', url: `/v1/incidents/${incidentId}`, as: officer });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      status: 'open',
      escalations: ['sla_breach'],
      supportOffers: [{ kind: 'recovery_break', by: WORKER_ID, status: 'offered' }],
    });
    await api.projectionsCaughtUp();
    const queue = await api.request({ method: 'GET', url: '/v1/incidents?status=escalated', as: officer });
    expect(queue.body.items.map((item: { incidentId: string }) => item.incidentId)).toContain(incidentId);

    // The loopback webhook hears the alert and the escalation — not the check-in, which is the agent's alone.
    const messages = await until('two care webhooks', async () => {
      const mine = receiver.requests
        .map((request) => ({ id: request.headers['webhook-id'], body: JSON.parse(request.rawBody) }))
        .filter(({ body }) => body.data?.incidentId === incidentId);
      return mine.length >= 2 ? mine : undefined;
    });
    expect(messages.map(({ body }) => body.type).sort()).toEqual(['CareAlertRaised', 'IncidentEscalated']);
    const alert = messages.find(({ body }) => body.type === 'CareAlertRaised')!;
    expect(alert.id).toBe(careJobId('alert', incidentId));
    expect(alert.body.data).toEqual({ incidentId, teamId, severity: 'critical', link: `/v1/incidents/${incidentId}` });
    for (const { body } of messages) {
      expect(JSON.stringify(body)).not.toMatch(/where I live|caller@example\.com|cust_/);
    }
  });

  it('does not escalate an incident acknowledged in time', async () => {
    const incidentId = await report();
    expect((await post(`/v1/incidents/${incidentId}/acknowledge`, lead)).status).toBe(200);

    // The check-in is due after the SLA: once it is sent, the escalation would have run too.
    await untilEvent(incidentId, 'AgentCheckInSent');
    await sleep(300);
    expect(await typesOf(incidentId)).not.toContain('IncidentEscalated');
    expect(await careQueue().getJob(careJobId('escalate', incidentId))).toBeUndefined();
  });

  it('gives no care at all to a low incident without support requested', async () => {
    const low = await report({ severity: 'low', supportRequested: false });
    // Reactors read the log in order: once a later incident has its jobs, the low one was seen.
    const later = await report({ severity: 'moderate', supportRequested: true });
    await until('the later incident’s care', async () => careQueue().getJob(careJobId('alert', later)));
    await untilEvent(later, 'AgentCheckInSent');

    for (const step of CARE_STEPS) {
      expect(await careQueue().getJob(careJobId(step, low))).toBeUndefined();
    }
    expect(await typesOf(low)).toEqual(['AbuseIncidentReported']);
    expect(receiver.requests.filter((request) => JSON.parse(request.rawBody).data?.incidentId === low)).toEqual([]);
  });

  it('offers the recovery break once, however often the offer job runs', async () => {
    const incidentId = await report({ severity: 'moderate', supportRequested: true });
    await untilEvent(incidentId, 'SupportOffered');

    const processor = api.worker.get(CareProcessor);
    const jobId = careJobId('offer', incidentId);
    await processor.run('offer', incidentId, jobId);
    await processor.run('offer', incidentId, jobId);
    // Adding the job again with its id adds nothing: BullMQ keeps the completed one.
    await careQueue().add('offer', { incidentId }, { jobId });
    await sleep(300);

    const offers = (await eventsOf(incidentId)).filter((event) => event.type === 'SupportOffered');
    expect(offers.map((event) => event.data)).toEqual([
      expect.objectContaining({ incidentId, kind: 'recovery_break', by: WORKER_ID }),
    ]);
  });

  it('tells the shared channel nobody who reported: no delivered body names a person or the report they made', async () => {
    const reporter = await enrol(['agent']);
    const incidentId = await report({ as: reporter, severity: 'high', supportRequested: true });
    // The check-in job publishes before it completes: once it has, every delivery it could cause is queued.
    await until('the check-in job', async () =>
      (await careQueue().getJobState(careJobId('check-in', incidentId))) === 'completed' ? true : undefined,
    );
    await until('every webhook delivery to settle', async () => {
      const { waiting, active, delayed } = await webhookQueue().getJobCounts('waiting', 'active', 'delayed');
      return waiting + active + delayed === 0 ? true : undefined;
    });

    // The check-in is kept for the agent's inbox; the alert still reaches the leads' channel.
    expect(await typesOf(incidentId)).toContain('AgentCheckInSent');
    const bodies = receiver.requests.map((request) => request.rawBody);
    expect(bodies.some((body) => body.includes(incidentId))).toBe(true);
    for (const body of bodies) {
      for (const { personId } of people) {
        expect(body).not.toContain(personId);
        expect(body).not.toContain(`Person ${personId.slice(0, 8)}`);
      }
      expect(body).not.toMatch(/you reported|agentId|reporter/i);
    }
  });

  it('runs no care for an incident closed before its steps are due', async () => {
    const incidentId = await report({ severity: 'high' });
    expect((await post(`/v1/incidents/${incidentId}/close`, lead, { outcome: 'resolved' })).status).toBe(200);
    await sleep(CHECK_IN_MS + 500);
    const types = await typesOf(incidentId);
    expect(types).not.toContain('IncidentEscalated');
    expect(types).not.toContain('AgentCheckInSent');
  });
});
