import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Actor, Role } from '@frontline/platform';
import { type TestApi, type TestRequest, person, startTestApi } from './support/test-api';

describe('abuse incidents and contact volumes', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const teamId = randomUUID();
  const otherTeamId = randomUUID();
  let agent: Actor;
  let colleague: Actor;
  let lead: Actor;
  let otherLead: Actor;
  let officer: Actor;
  let hr: Actor;

  const call = (options: TestRequest) => api.request(options);
  const post = (url: string, as: Actor, body?: unknown) => call({ method: 'POST', url, as, body });
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  async function enrol(roles: Role[], team = teamId): Promise<Actor> {
    const actor = person(roles, team);
    const enrolled = await post('/v1/people', admin, {
      personId: actor.personId,
      displayName: `Person ${actor.personId.slice(0, 8)}`,
      teamId: team,
      roles,
      timezone: 'Europe/London',
    });
    // Also runs in beforeAll, where `expect` is out of place.
    if (enrolled.status !== 201) throw new Error(`Not enrolled: ${JSON.stringify(enrolled.body)}`);
    return actor;
  }

  async function report(as: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await post('/v1/incidents', as, {
      channel: 'phone',
      kinds: ['shouting', 'insult'],
      severity: 'high',
      occurredAt: minutesAgo(10),
      narrative: 'The caller shouted at me for ten minutes.',
      supportRequested: true,
      shareNarrativeWithLead: false,
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body.incidentId as string;
  }

  beforeAll(async () => {
    api = await startTestApi('abuse');
    for (const [id, name] of [
      [teamId, 'Leeds voice'],
      [otherTeamId, 'Lyon chat'],
    ]) {
      const created = await post('/v1/teams', admin, { teamId: id, name });
      if (created.status !== 201) throw new Error(`Team not created: ${JSON.stringify(created.body)}`);
    }
    agent = await enrol(['agent']);
    colleague = await enrol(['agent']);
    lead = await enrol(['team_lead']);
    otherLead = await enrol(['team_lead'], otherTeamId);
    officer = await enrol(['wellbeing_officer'], otherTeamId);
    hr = await enrol(['hr'], otherTeamId);
  });
  afterAll(async () => api?.close());

  it('follows the happy lifecycle: report, acknowledge, offer, accept, break, close', async () => {
    const incidentId = await report(agent);
    const url = `/v1/incidents/${incidentId}`;

    expect(await post(`${url}/acknowledge`, lead)).toMatchObject({ status: 200, body: { incidentId, status: 'open' } });
    expect((await post(`${url}/support-offers`, lead, { kind: 'debrief' })).status).toBe(200);
    expect((await post(`${url}/support-offers/debrief/accept`, agent)).status).toBe(200);
    expect((await post(`${url}/recovery-break`, agent, { minutes: 15 })).status).toBe(200);
    expect((await post(`${url}/customer-actions`, officer, { action: 'contact_blocked' })).status).toBe(200);
    expect(await post(`${url}/close`, lead, { outcome: 'support_given' })).toMatchObject({
      status: 200,
      body: { status: 'closed' },
    });

    const seen = await call({ method: 'GET', url, as: agent });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      incidentId,
      status: 'closed',
      agentId: agent.personId,
      teamId,
      channel: 'phone',
      kinds: ['shouting', 'insult'],
      severity: 'high',
      narrative: 'The caller shouted at me for ten minutes.',
      acknowledged: { by: lead.personId },
      supportOffers: [{ kind: 'debrief', by: lead.personId, status: 'accepted' }],
      recoveryBreaks: [15],
      customerActions: [{ action: 'contact_blocked', by: officer.personId }],
      closed: { outcome: 'support_given', by: lead.personId },
    });
  });

  it('acknowledges once: the second acknowledge is a 409', async () => {
    const url = `/v1/incidents/${await report(agent)}`;
    expect((await post(`${url}/acknowledge`, officer)).status).toBe(200);
    const again = await post(`${url}/acknowledge`, lead);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ type: '/problems/incident-already-acknowledged', status: 409 });
  });

  it('refuses every lifecycle command after withdrawal with incident-closed', async () => {
    const url = `/v1/incidents/${await report(agent)}`;
    expect((await post(`${url}/withdraw`, agent)).status).toBe(200);
    for (const [path, as, body] of [
      ['acknowledge', lead, undefined],
      ['support-offers', lead, { kind: 'counselling' }],
      ['recovery-break', agent, { minutes: 10 }],
      ['customer-actions', officer, { action: 'warning_sent' }],
      ['close', officer, { outcome: 'resolved' }],
      ['withdraw', agent, undefined],
    ] as const) {
      const refused = await post(`${url}/${path}`, as, body);
      expect({ path, status: refused.status, type: refused.body.type }).toEqual({
        path,
        status: 409,
        type: '/problems/incident-closed',
      });
    }
  });

  it('answers each broken rule with its problem+json', async () => {
    const incidentId = await report(agent);
    const url = `/v1/incidents/${incidentId}`;
    const cases: [string, Promise<{ status: number; body: { type: string } }>, number, string][] = [
      [
        'future occurredAt',
        post('/v1/incidents', agent, reportBody({ occurredAt: minutesAgo(-5) })),
        400,
        'occurred-at-out-of-range',
      ],
      [
        '91 days back',
        post('/v1/incidents', agent, reportBody({ occurredAt: minutesAgo(91 * 24 * 60) })),
        400,
        'occurred-at-out-of-range',
      ],
      [
        'reporting for someone else',
        post('/v1/incidents', agent, reportBody({ agentId: colleague.personId })),
        400,
        'invalid-request',
      ],
      ['not offered', post(`${url}/support-offers/counselling/accept`, agent), 409, 'support-not-offered'],
      ['unknown support kind', post(`${url}/support-offers/massage/accept`, agent), 400, 'bad-request'],
      ['break too long', post(`${url}/recovery-break`, agent, { minutes: 61 }), 400, 'invalid-request'],
      ['lead takes the break', post(`${url}/recovery-break`, lead, { minutes: 10 }), 403, 'forbidden'],
      ['lead withdraws', post(`${url}/withdraw`, lead), 403, 'forbidden'],
      ['agent acknowledges own', post(`${url}/acknowledge`, agent), 403, 'forbidden'],
      ['other team lead', post(`${url}/acknowledge`, otherLead), 404, 'incident-not-found'],
      ['colleague withdraws', post(`${url}/withdraw`, colleague), 404, 'incident-not-found'],
      ['unknown incident', post(`/v1/incidents/${randomUUID()}/acknowledge`, lead), 404, 'incident-not-found'],
      ['unknown outcome', post(`${url}/close`, lead, { outcome: 'whatever' }), 400, 'invalid-request'],
    ];
    for (const [name, response, status, type] of cases) {
      const { status: actual, body } = await response;
      expect({ name, status: actual, type: body.type }).toEqual({ name, status, type: `/problems/${type}` });
    }
  });

  it('lets nobody report who is not enrolled and active', async () => {
    const stranger = person(['agent'], teamId);
    const refused = await post('/v1/incidents', stranger, reportBody());
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: '/problems/not-enrolled' });

    const leaver = await enrol(['agent']);
    expect((await post(`/v1/people/${leaver.personId}/offboard`, admin)).status).toBe(200);
    expect((await post('/v1/incidents', leaver, reportBody())).status).toBe(403);
  });

  it('files the incident under the team the directory knows, not the token', async () => {
    const incidentId = await report({ ...agent, teamId: otherTeamId });
    const seen = await call({ method: 'GET', url: `/v1/incidents/${incidentId}`, as: officer });
    expect(seen.body).toMatchObject({ teamId });
  });

  it("files incidents and contact volumes under the site of the team, with the incident's later events", async () => {
    const { teamId: chat } = (await post('/v1/teams', admin, { name: 'Leeds chat', parentTeamId: teamId })).body;
    const chatAgent = await enrol(['agent'], chat);
    const incidentId = await report(chatAgent);
    expect((await post(`/v1/incidents/${incidentId}/acknowledge`, officer)).status).toBe(200);
    expect(
      (
        await call({
          method: 'PUT',
          url: '/v1/contact-volumes',
          as: admin,
          body: { rows: [{ teamId: chat, date: '2025-10-07', channel: 'chat', contacts: 30 }] },
        })
      ).status,
    ).toBe(200);

    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ event_type: string; data: Record<string, unknown> }>(
        `SELECT event_type, data FROM eventstore.events WHERE stream_name = ANY($1) ORDER BY position`,
        [[`abuseIncident-${incidentId}`, `contactVolume-${chat}_2025-10-07`]],
      );
      expect(rows.map(({ event_type, data }) => [event_type, data.teamId, data.siteId])).toEqual([
        ['AbuseIncidentReported', chat, teamId],
        ['IncidentAcknowledged', chat, teamId],
        ['ContactVolumeRecorded', chat, teamId],
      ]);
    } finally {
      await client.end();
    }
  });

  it('filters fields by who reads', async () => {
    const customerRef = `someone-${randomUUID()}@example.com`;
    const incidentId = await report(agent, { customerRef, contactRef: 'call-123' });
    const url = `/v1/incidents/${incidentId}`;

    const asOfficer = await call({ method: 'GET', url, as: officer });
    expect(asOfficer.body).toMatchObject({
      narrative: 'The caller shouted at me for ten minutes.',
      customerPseudonym: expect.stringMatching(/^cust_[0-9a-f]{32}$/),
      contactRef: 'call-123',
    });
    expect(JSON.stringify(asOfficer.body)).not.toContain(customerRef);

    const asLead = await call({ method: 'GET', url, as: lead });
    expect(asLead.status).toBe(200);
    expect(asLead.body).not.toHaveProperty('narrative');
    expect(asLead.body).not.toHaveProperty('customerPseudonym');

    const shared = await report(agent, { shareNarrativeWithLead: true });
    const sharedView = await call({ method: 'GET', url: `/v1/incidents/${shared}`, as: lead });
    expect(sharedView.body).toMatchObject({ narrative: 'The caller shouted at me for ten minutes.' });

    for (const outsider of [hr, admin, otherLead, colleague]) {
      const refused = await call({ method: 'GET', url, as: outsider });
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).not.toMatch(/narrative|cust_|shouted/);
    }
  });

  it('keeps no narrative or customer reference in the clear, and shows the narrative erased after erasure', async () => {
    const reporter = await enrol(['agent']);
    const canary = `canary-${randomUUID()}`;
    const customerCanary = `canary-customer-${randomUUID()}@example.com`;
    const incidentId = await report(reporter, {
      narrative: `He said ${canary} twice.`,
      customerRef: customerCanary,
    });

    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ data: string; metadata: string }>(
        'SELECT data::text, metadata::text FROM eventstore.events',
      );
      const reported = rows.filter((row) => row.data.includes(incidentId));
      expect(reported.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const text of [row.data, row.metadata]) {
          expect(text).not.toContain(canary);
          expect(text.toLowerCase()).not.toContain(customerCanary.toLowerCase());
        }
      }
    } finally {
      await client.end();
    }

    const url = `/v1/incidents/${incidentId}`;
    expect((await call({ method: 'GET', url, as: officer })).body.narrative).toBe(`He said ${canary} twice.`);
    expect((await post(`/v1/people/${reporter.personId}/erase`, admin)).status).toBe(200);
    const erased = await call({ method: 'GET', url, as: officer });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ incidentId, narrative: '[erased]', severity: 'high' });
  });

  describe('contact volumes', () => {
    const date = '2025-10-06';
    const put = (rows: unknown[], as: Actor = admin) =>
      call({ method: 'PUT', url: '/v1/contact-volumes', as, body: { rows } });

    it('records, then leaves the same counts alone and corrects changed ones', async () => {
      const rows = [
        { teamId, date, channel: 'phone', contacts: 120 },
        { teamId, date, channel: 'chat', contacts: 80 },
        { teamId: otherTeamId, date, channel: 'phone', contacts: 0 },
      ];
      expect(await put(rows)).toMatchObject({ status: 200, body: { recorded: 3, corrected: 0, unchanged: 0 } });
      expect(await put(rows)).toMatchObject({ status: 200, body: { recorded: 0, corrected: 0, unchanged: 3 } });
      const changed = [{ ...rows[0], contacts: 125 }, rows[1], { ...rows[2], channel: 'email', contacts: 4 }];
      expect(await put(changed)).toMatchObject({ status: 200, body: { recorded: 1, corrected: 1, unchanged: 1 } });

      const client = new Client({ connectionString: api.database.url });
      await client.connect();
      try {
        const { rows: events } = await client.query<{ data: Record<string, unknown> }>(
          `SELECT data FROM eventstore.events WHERE event_type = 'ContactVolumeCorrected'`,
        );
        // A team without a parent is its own site.
        expect(events.map((e) => e.data)).toEqual([
          { teamId, siteId: teamId, date, channel: 'phone', contacts: 125, previous: 120 },
        ]);
      } finally {
        await client.end();
      }
    });

    it('names every bad row and writes nothing', async () => {
      const response = await put([
        { teamId, date: '2025-10-07', channel: 'phone', contacts: 10 },
        { teamId, date: '2025-13-01', channel: 'phone', contacts: 10 },
        { teamId, date: '2025-10-07', channel: 'fax', contacts: 10 },
        { teamId, date: '2025-10-07', channel: 'chat', contacts: -1 },
        { teamId, date: '2025-10-07', channel: 'chat', contacts: 1.5, extra: true },
      ]);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('/problems/invalid-request');
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        ['rows.1.date', 'rows.2.channel', 'rows.3.contacts', 'rows.4.contacts', 'rows.4.extra'].sort(),
      );
      const again = await put([{ teamId, date: '2025-10-07', channel: 'phone', contacts: 10 }]);
      expect(again.body).toEqual({ recorded: 1, corrected: 0, unchanged: 0 });
    });

    it('refuses an unknown team by name, writing nothing', async () => {
      const unknownTeam = randomUUID();
      const response = await put([
        { teamId, date: '2025-10-08', channel: 'phone', contacts: 1 },
        { teamId: unknownTeam, date: '2025-10-08', channel: 'phone', contacts: 1 },
      ]);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        type: '/problems/unknown-team',
        title: expect.stringContaining(unknownTeam),
      });
      expect((await put([{ teamId, date: '2025-10-08', channel: 'phone', contacts: 1 }])).body.recorded).toBe(1);
    });

    it('imports a full batch of 5,000 rows in one request', async () => {
      const bulkTeam = await call({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Bulk import' } });
      const channels = ['phone', 'chat', 'email', 'social', 'video'];
      const rows = Array.from({ length: 5_000 }, (_, i) => ({
        teamId: bulkTeam.body.teamId,
        date: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / channels.length))).toISOString().slice(0, 10),
        channel: channels[i % channels.length],
        contacts: 100 + (i % 50),
      }));
      const response = await put(rows);
      expect(response).toMatchObject({ status: 200, body: { recorded: 5_000, corrected: 0, unchanged: 0 } });
    }, 60_000);

    it('is for admins only, and takes no more than 5,000 rows', async () => {
      expect((await put([{ teamId, date, channel: 'phone', contacts: 1 }], hr)).status).toBe(403);
      const tooMany = Array.from({ length: 5_001 }, () => ({}));
      const response = await call({
        method: 'PUT',
        url: '/v1/contact-volumes',
        as: admin,
        // Compact rows, so the array size rule is reached before the body size limit.
        body: JSON.stringify({ rows: tooMany }),
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'rows' })]));
    });
  });

  function reportBody(overrides: Record<string, unknown> = {}) {
    return {
      channel: 'chat',
      kinds: ['profanity'],
      severity: 'low',
      occurredAt: minutesAgo(5),
      supportRequested: false,
      shareNarrativeWithLead: false,
      ...overrides,
    };
  }
});
