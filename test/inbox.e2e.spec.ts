import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { careJobId } from '@frontline/abuse';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { inboxStream } from '@frontline/inbox';
import { WebhookSubscriptions } from '@frontline/notifications';
import { type Actor, ERASED, QUEUES, type Role } from '@frontline/platform';
import { SseClient } from '@frontline/testing';
import { type TestApi, person, startTestApi } from './support/test-api';
import { threatReport } from './support/incidents';
import { WebhookReceiver } from './support/webhook-receiver';

const SLA_MS = 1_500;
const CHECK_IN_MS = 2_500;

type Item = { id: string; kind: string; read: boolean } & Record<string, unknown>;

/**
 * Each person's own inbox: a reporter hears what happened to their report, a lead what needs them
 * in their team and nothing of another, the care check-in reaches the agent and no webhook, and
 * marking read is recorded once.
 */
describe('inbox', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  const admin = person(['admin']);
  const team = randomUUID();
  const otherTeam = randomUUID();
  let reporter: Actor;
  let lead: Actor;
  let otherLead: Actor;
  let officer: Actor;

  const post = (url: string, as: Actor, body?: unknown) => api.request({ method: 'POST', url, as, body });
  const inboxOf = async (as: Actor, query = '') => {
    const response = await api.request({ method: 'GET', url: `/v1/me/inbox${query}`, as });
    expect(response.status).toBe(200);
    return response.body as { items: Item[]; unread: number; nextCursor: string | null };
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
    for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    }
  }
  /** The viewer's items about one incident, oldest first, once `kinds` are all there. */
  const untilItems = (as: Actor, incidentId: string, kinds: string[]) =>
    until(`${kinds.join(', ')} in the inbox`, async () => {
      const items = (await inboxOf(as, '?limit=100')).items.filter((item) => item.incidentId === incidentId);
      return kinds.every((kind) => items.some((item) => item.kind === kind)) ? items.reverse() : undefined;
    });

  async function report(as: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await post('/v1/incidents', as, threatReport(overrides));
    expect(response.status).toBe(201);
    return response.body.incidentId as string;
  }

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    api = await startTestApi(
      'inbox',
      { CARE_ACK_SLA_MS: String(SLA_MS), CARE_CHECK_IN_MS: String(CHECK_IN_MS), WEBHOOK_ALLOW_PRIVATE: 'true' },
      { projector: true, worker: true },
    );
    for (const [teamId, name] of [
      [team, 'Leeds voice'],
      [otherTeam, 'York chat'],
    ]) {
      const created = await post('/v1/teams', admin, { teamId, name });
      if (created.status !== 201) throw new Error(`Team not created: ${JSON.stringify(created.body)}`);
    }
    const enrol = (roles: Role[], teamId = team) => api.enrol(roles, teamId);
    reporter = await enrol(['agent']);
    lead = await enrol(['team_lead']);
    otherLead = await enrol(['team_lead'], otherTeam);
    officer = await enrol(['wellbeing_officer'], otherTeam);
    const webhook = await post('/v1/webhooks', admin, {
      url: `${receiver.url}/care`,
      eventTypes: ['CareAlertRaised', 'IncidentEscalated', 'CareCheckIn', 'AgentCheckInSent'],
    });
    if (webhook.status !== 201) throw new Error(`Webhook not registered: ${JSON.stringify(webhook.body)}`);
    const subscriptions = api.worker.get(WebhookSubscriptions);
    await until('the webhook subscription', async () =>
      (await subscriptions.subscribersOf('CareAlertRaised')).length > 0 ? true : undefined,
    );
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await receiver?.stop();
  });

  it("shows the reporter their report's acknowledgement, support offer and closure, in order", async () => {
    // Moderate and no support asked: no care workflow, only what the lead does.
    const incidentId = await report(reporter, { severity: 'moderate' });
    expect((await post(`/v1/incidents/${incidentId}/acknowledge`, lead)).status).toBe(200);
    expect((await post(`/v1/incidents/${incidentId}/support-offers`, lead, { kind: 'debrief' })).status).toBe(200);
    expect((await post(`/v1/incidents/${incidentId}/close`, lead, { outcome: 'support_given' })).status).toBe(200);

    const items = await untilItems(reporter, incidentId, ['incident_closed']);

    expect(items).toMatchObject([
      {
        kind: 'incident_acknowledged',
        by: { personId: lead.personId, displayName: `Person ${lead.personId.slice(0, 8)}` },
      },
      { kind: 'support_offered', supportKind: 'debrief' },
      { kind: 'incident_closed', outcome: 'support_given' },
    ]);
    expect(items.map((item) => item.id)).toEqual(items.map((item) => item.id).sort());
    expect(JSON.stringify(items)).not.toMatch(/where I live|caller@example|cust_|customerPseudonym/);
    // Nobody else hears of it: the lead acted, the other team's lead has no part in it.
    expect((await inboxOf(otherLead)).items.filter((item) => item.incidentId === incidentId)).toEqual([]);
  });

  it("alerts the team's lead to a new critical incident, and not another team's lead; then the SLA reminder and escalation", async () => {
    const incidentId = await report(reporter);

    const leadItems = await untilItems(lead, incidentId, ['incident_needs_care', 'acknowledgement_due']);
    expect(leadItems[0]).toMatchObject({ kind: 'incident_needs_care', incidentId, teamId: team, severity: 'critical' });
    expect(leadItems[1]).toMatchObject({ kind: 'acknowledgement_due', incidentId, teamId: team });
    for (const item of leadItems) {
      expect(JSON.stringify(item)).not.toMatch(/where I live|caller@example|cust_/);
      expect(JSON.stringify(item)).not.toContain(reporter.personId);
    }
    const officerItems = await untilItems(officer, incidentId, ['incident_escalated']);
    expect(officerItems).toMatchObject([{ kind: 'incident_escalated', teamId: team, reason: 'sla_breach' }]);
    expect(JSON.stringify(officerItems)).not.toContain(reporter.personId);
    await api.projectionsCaughtUp();
    expect((await inboxOf(otherLead, '?limit=100')).items.filter((item) => item.incidentId === incidentId)).toEqual([]);
  });

  it("delivers the care check-in to the agent's inbox, and to no webhook", async () => {
    const agent = await api.enrol(['agent'], team);
    const incidentId = await report(agent, { severity: 'high', supportRequested: true });

    const items = await untilItems(agent, incidentId, ['care_check_in']);
    expect(items.map((item) => item.kind)).toEqual(
      expect.arrayContaining(['support_offered', 'incident_escalated', 'care_check_in']),
    );
    expect(items.find((item) => item.kind === 'support_offered')).toMatchObject({ by: null });
    // The check-in job has run: every webhook it could have caused is queued; let them settle.
    const webhookQueue = api.worker.get<Queue>(getQueueToken(QUEUES.webhooks));
    const careQueue = api.worker.get<Queue>(getQueueToken(QUEUES.care));
    expect(await careQueue.getJobState(careJobId('check-in', incidentId))).toBe('completed');
    await until('every webhook delivery to settle', async () => {
      const { waiting, active, delayed } = await webhookQueue.getJobCounts('waiting', 'active', 'delayed');
      return waiting + active + delayed === 0 ? true : undefined;
    });
    const mine = receiver.requests.map((request) => request.rawBody).filter((body) => body.includes(incidentId));
    expect(mine.map((body) => JSON.parse(body).type).sort()).toEqual(['CareAlertRaised', 'IncidentEscalated']);
    for (const body of receiver.requests.map((request) => request.rawBody)) {
      expect(body).not.toContain(agent.personId);
      expect(body).not.toMatch(/check-?in/i);
    }
  });

  it('shows a kudos received with its sender by name, and the name as erased once the sender is erased', async () => {
    const sender = await api.enrol(['agent'], team);
    const recipient = await api.enrol(['agent'], team);
    const sent = await post('/v1/kudos', sender, {
      to: [recipient.personId],
      message: 'Thank you for taking that call',
      values: ['empathy'],
      visibility: 'private',
    });
    expect(sent.status).toBe(201);
    const kudosItem = async () =>
      (await inboxOf(recipient)).items.find((item) => item.kind === 'kudos_received' && item.from);
    const item = await until('the kudos in the inbox', kudosItem);
    expect(item).toMatchObject({
      from: { personId: sender.personId, displayName: `Person ${sender.personId.slice(0, 8)}` },
      values: ['empathy'],
      message: 'Thank you for taking that call',
    });

    expect((await post(`/v1/people/${sender.personId}/erase`, admin)).status).toBeLessThan(300);
    await api.projectionsCaughtUp();
    expect(await kudosItem()).toMatchObject({ from: { personId: sender.personId, displayName: ERASED } });
  });

  it('lowers the unread count when read up to an item, and changes nothing when marked again', async () => {
    await api.projectionsCaughtUp();
    const before = await inboxOf(reporter, '?limit=100');
    expect(before.unread).toBe(before.items.length);
    expect(before.unread).toBeGreaterThan(1);
    const upTo = before.items[1].id;

    const marked = await post('/v1/me/inbox/read', reporter, { upTo });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ upTo, unread: 1 });
    await api.projectionsCaughtUp();
    const after = await inboxOf(reporter, '?limit=100');
    expect(after.unread).toBe(1);
    expect(after.items.map((item) => item.read)).toEqual(before.items.map((_, i) => i >= 1));

    const again = await post('/v1/me/inbox/read', reporter, { upTo });
    expect(again.body).toEqual({ upTo, unread: 1 });
    const older = await post('/v1/me/inbox/read', reporter, { upTo: before.items[2].id });
    expect(older.body).toEqual({ upTo, unread: 1 });
    const store = api.app.get<EventStore>(EVENT_STORE);
    expect((await store.readStream(inboxStream(reporter.personId))).map((event) => event.data)).toEqual([
      expect.objectContaining({ personId: reporter.personId, upTo }),
    ]);
    await api.projectionsCaughtUp();
    expect((await inboxOf(reporter, '?limit=100')).unread).toBe(1);
  });

  it('pages newest first with a signed cursor', async () => {
    const all = (await inboxOf(reporter, '?limit=100')).items.map((item) => item.id);
    const first = await inboxOf(reporter, '?limit=2');
    const second = await inboxOf(reporter, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.slice(0, 4));
    const forged = await api.request({ method: 'GET', url: '/v1/me/inbox?cursor=eyJ4Ijp9.abc', as: reporter });
    expect(forged.status).toBe(400);
  });

  it("streams the reporter's new items live, and resumes after the last one it gave", async () => {
    await api.app.listen(0, '127.0.0.1');
    const url = `${await api.app.getUrl()}/v1/me/stream`;
    const bearer = { authorization: `Bearer ${await api.tokenFor(reporter)}` };
    const inboxEvents = (client: SseClient) => client.events.filter((event) => event.event === 'inbox');
    const stream = await SseClient.open(url, bearer);
    try {
      expect(stream.status).toBe(200);
      const incidentId = await report(reporter, { severity: 'high' });
      expect((await post(`/v1/incidents/${incidentId}/acknowledge`, lead)).status).toBe(200);
      await stream.until(() =>
        inboxEvents(stream).some((event) => JSON.parse(event.data).kind === 'incident_acknowledged'),
      );
      const acknowledged = inboxEvents(stream).map((event) => JSON.parse(event.data) as Item);
      expect(acknowledged).toEqual([
        expect.objectContaining({
          kind: 'incident_acknowledged',
          incidentId,
          by: expect.objectContaining({ personId: lead.personId }),
        }),
      ]);
      const lastEventId = stream.lastEventId!;
      stream.close();

      // Missed while away: the closure, and nothing given before.
      expect((await post(`/v1/incidents/${incidentId}/close`, lead, { outcome: 'support_given' })).status).toBe(200);
      await api.projectionsCaughtUp();
      const resumed = await SseClient.open(url, { ...bearer, 'last-event-id': lastEventId });
      try {
        await resumed.until(() =>
          inboxEvents(resumed).some((event) => JSON.parse(event.data).kind === 'incident_closed'),
        );
        // Exactly what the inbox holds after the last item given, once each, in log order.
        const missed = (await inboxOf(reporter, '?limit=100')).items
          .filter((item) => item.id > acknowledged[0].id)
          .reverse();
        expect(missed.map((item) => item.kind)).toContain('incident_closed');
        expect(inboxEvents(resumed).map((event) => JSON.parse(event.data).id)).toEqual(missed.map((item) => item.id));
      } finally {
        resumed.close();
      }
    } finally {
      stream.close();
    }
  });

  it('answers a malformed or unknown upTo with problem+json, and records nothing', async () => {
    const malformed = await post('/v1/me/inbox/read', lead, { upTo: 'not an id' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(malformed.body)).toContain('upTo');

    // A real item, but the reporter's: not one of the lead's.
    const reportersItem = (await inboxOf(reporter)).items.find((item) => item.kind === 'incident_acknowledged')!;
    const unknown = await post('/v1/me/inbox/read', lead, { upTo: reportersItem.id });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body).toMatchObject({ type: expect.stringContaining('unknown-inbox-item') });
    const missing = await post('/v1/me/inbox/read', lead, {});
    expect(missing.status).toBe(400);

    const store = api.app.get<EventStore>(EVENT_STORE);
    expect(await store.readStream(inboxStream(lead.personId))).toEqual([]);
  });
});
