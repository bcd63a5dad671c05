import { randomUUID } from 'node:crypto';
import { customerStream } from '@frontline/abuse';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import type { Actor, Role } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';

describe('repeat-abuser matching (worker)', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const teamId = randomUUID();

  const post = (url: string, as: Actor, body?: unknown) => api.request({ method: 'POST', url, as, body });
  const get = (url: string, as: Actor) => api.request({ method: 'GET', url, as });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const customerEvents = (pseudonym: string) =>
    api.app.get<EventStore>(EVENT_STORE).readStream(customerStream(pseudonym));

  const enrol = (roles: Role[]) => api.enrol(roles, teamId);

  async function report(agent: Actor, customerRef: string): Promise<string> {
    const response = await post('/v1/incidents', agent, {
      channel: 'email',
      kinds: ['insult'],
      severity: 'low',
      occurredAt: new Date(Date.now() - 60 * 60_000).toISOString(),
      customerRef,
      supportRequested: false,
      shareNarrativeWithLead: false,
    });
    expect(response.status).toBe(201);
    return response.body.incidentId as string;
  }

  beforeAll(async () => {
    api = await startTestApi('matching', {}, { projector: true, worker: true });
    const created = await post('/v1/teams', admin, { teamId, name: 'Lyon chat' });
    if (created.status !== 201) throw new Error(`Team not created: ${JSON.stringify(created.body)}`);
  });
  afterAll(async () => api?.close());

  it('matches a customer reported by several agents once, for the wellbeing officer only', async () => {
    const [first, second, third] = [await enrol(['agent']), await enrol(['agent']), await enrol(['agent'])];
    const lead = await enrol(['team_lead']);
    const officer = await enrol(['wellbeing_officer']);
    const hr = await enrol(['hr']);

    // One customer, spelt three ways; and a different customer reported by the first agent twice.
    const incidents = [
      await report(first, ' Jane@Example.com '),
      await report(second, 'jane@example.com'),
      await report(third, 'JANE@example.com'),
    ];
    const sameAgentTwice = [
      await report(first, 'someone.else@example.com'),
      await report(first, 'Someone.Else@example.com'),
    ];

    const pseudonyms = await Promise.all(
      incidents.map(async (id) => (await get(`/v1/incidents/${id}`, officer)).body.customerPseudonym as string),
    );
    expect(new Set(pseudonyms).size).toBe(1);
    const [pseudonym] = pseudonyms;

    const other = (await get(`/v1/incidents/${sameAgentTwice[0]}`, officer)).body.customerPseudonym as string;
    for (const [customer, count] of [
      [pseudonym, 3],
      [other, 2],
    ] as const) {
      for (const deadline = Date.now() + 10_000; ; await sleep(50)) {
        const linked = (await customerEvents(customer)).filter((event) => event.type === 'CustomerIncidentLinked');
        if (linked.length === count) break;
        if (Date.now() > deadline) throw new Error(`Only ${linked.length} incidents linked to ${customer}`);
      }
    }
    // The same agent twice is no repeat abuser.
    expect((await customerEvents(other)).map((event) => event.type)).toEqual([
      'CustomerIncidentLinked',
      'CustomerIncidentLinked',
    ]);
    const matches = (await customerEvents(pseudonym)).filter((event) => event.type === 'RepeatAbuserMatched');
    expect(matches.map((event) => event.data)).toEqual([
      {
        customerPseudonym: pseudonym,
        incidentIds: incidents.slice(0, 2),
        distinctAgents: 2,
        matchedAt: expect.any(String),
      },
    ]);

    await api.projectionsCaughtUp();
    const seen = await get('/v1/repeat-abusers', officer);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({
      items: [
        {
          matchId: matches[0].id,
          customerPseudonym: pseudonym,
          incidentIds: incidents.slice(0, 2),
          distinctAgents: 2,
          matchedAt: (matches[0].data as { matchedAt: string }).matchedAt,
        },
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(seen.body)).not.toMatch(/jane|example/i);

    for (const someone of [first, third, lead, hr]) {
      expect((await get('/v1/repeat-abusers', someone)).status).toBe(403);
    }
  });
});
