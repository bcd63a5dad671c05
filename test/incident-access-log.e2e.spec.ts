import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import type { Actor } from '@frontline/platform';
import { type TestApi, startTestApi } from './support/test-api';

/**
 * The reporter sees who was given their incident: its team lead and a wellbeing officer, opening it
 * or seeing it in their queue, with or without the narrative; never their own reads; and nobody but
 * the reporter sees that list.
 */
describe('who read my incident', () => {
  let api: TestApi;
  const team = randomUUID();
  const otherTeam = randomUUID();
  let reporter: Actor;
  let colleague: Actor;
  let lead: Actor;
  let otherLead: Actor;
  let officer: Actor;
  let hr: Actor;
  let admin: Actor;
  let incidentId: string;

  const get = (url: string, as: Actor) => api.request({ method: 'GET', url, as });
  const accessLog = (as: Actor, query = '') => get(`/v1/me/incidents/${incidentId}/access-log${query}`, as);
  const nameOf = (actor: Actor) => `Person ${actor.personId.slice(0, 8)}`;

  beforeAll(async () => {
    api = await startTestApi('incident_access', {}, { projector: true });
    admin = { personId: randomUUID(), roles: ['admin'] };
    for (const [teamId, name] of [
      [team, 'Leeds voice'],
      [otherTeam, 'York chat'],
    ]) {
      await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { teamId, name } });
    }
    reporter = await api.enrol(['agent'], team);
    colleague = await api.enrol(['agent'], team);
    lead = await api.enrol(['team_lead'], team);
    otherLead = await api.enrol(['team_lead'], otherTeam);
    officer = await api.enrol(['wellbeing_officer'], otherTeam);
    hr = await api.enrol(['hr'], otherTeam);
    const { body } = await api.request({
      method: 'POST',
      url: '/v1/incidents',
      as: reporter,
      body: {
        channel: 'phone',
        kinds: ['threat_of_violence'],
        severity: 'critical',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        narrative: 'He said he knew where I live.',
        supportRequested: true,
        shareNarrativeWithLead: false,
      },
    });
    incidentId = body.incidentId;
    if (!incidentId) throw new Error(`Not reported: ${JSON.stringify(body)}`);
  }, 60_000);
  afterAll(async () => api?.close());

  it("lists the officer's and the lead's reads, with names, roles and whether the narrative was seen, and not the reporter's own", async () => {
    expect((await get(`/v1/incidents/${incidentId}`, reporter)).status).toBe(200);
    const byOfficer = await get(`/v1/incidents/${incidentId}`, officer);
    expect(byOfficer.body).toMatchObject({ narrative: 'He said he knew where I live.' });
    const byLead = await get(`/v1/incidents/${incidentId}`, lead);
    expect(byLead.status).toBe(200);
    expect(byLead.body).not.toHaveProperty('narrative');
    // The lead works the queue: two pages, the same day, are one line of the log, at the later.
    for (let reload = 0; reload < 2; reload++) {
      const queue = await get('/v1/incidents', lead);
      expect(queue.body.items.map((item: { incidentId: string }) => item.incidentId)).toEqual([incidentId]);
    }
    expect((await get('/v1/me/incidents', reporter)).status).toBe(200);
    await api.projectionsCaughtUp();

    const { status, body } = await accessLog(reporter);

    expect(status).toBe(200);
    const entry = (reader: Actor, role: string, via: string, narrative: boolean) => ({
      readerId: reader.personId,
      displayName: nameOf(reader),
      role,
      via,
      narrative,
      at: expect.any(String),
    });
    expect(body).toEqual({
      items: [
        entry(lead, 'team_lead', 'queue', false),
        entry(lead, 'team_lead', 'incident', false),
        entry(officer, 'wellbeing_officer', 'incident', true),
      ],
      nextCursor: null,
    });
    const times = body.items.map(({ at }: { at: string }) => Date.parse(at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(JSON.stringify(body)).not.toContain(reporter.personId);
  });

  it('pages the log, newest first', async () => {
    const first = await accessLog(reporter, '?limit=2');
    expect(first.body.items).toHaveLength(2);
    const rest = await accessLog(reporter, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ readerId: officer.personId })], nextCursor: null });
  });

  it('is for the reporter only: the lead and the officer are refused it, anyone else learns nothing', async () => {
    for (const carer of [lead, officer]) {
      const response = await accessLog(carer);
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    for (const stranger of [colleague, otherLead, hr, admin]) {
      expect((await accessLog(stranger)).status).toBe(404);
    }
    expect((await get(`/v1/me/incidents/${randomUUID()}/access-log`, reporter)).status).toBe(404);
  });

  it('gives nobody the incident whose access could not be recorded', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const failing = jest.spyOn(store, 'appendToStream').mockRejectedValue(new Error('connection refused'));
    try {
      for (const url of [`/v1/incidents/${incidentId}`, '/v1/incidents']) {
        const response = await get(url, url === '/v1/incidents' ? lead : officer);
        expect(response.status).toBe(503);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.title).toMatch(/could not be recorded/);
        expect(JSON.stringify(response.body)).not.toMatch(/knew where|threat_of_violence|critical/);
      }
      // The reporter's own read records nothing, so it does not depend on recording.
      expect((await get(`/v1/incidents/${incidentId}`, reporter)).status).toBe(200);
    } finally {
      failing.mockRestore();
    }
  });

  it('shows an erased reader as erased, and keeps their reads', async () => {
    const erase = await api.request({ method: 'POST', url: `/v1/people/${officer.personId}/erase`, as: admin });
    expect(erase.status).toBeLessThan(300);

    const { body } = await accessLog(reporter);

    expect(body.items).toHaveLength(3);
    expect(body.items[2]).toMatchObject({ readerId: officer.personId, displayName: '[erased]', narrative: true });
    expect(body.items[0]).toMatchObject({ displayName: nameOf(lead) });
  });
});
