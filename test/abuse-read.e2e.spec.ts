import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@frontline/platform';
import { isoWeek, monthOfPeriod, utcDateOf } from '@frontline/decider';
import { type TestApi, atEndOfMonthOf, person, startTestApi } from './support/test-api';

/**
 * Three teams: Leeds (6 reporting agents), York (5) and Hull (2). In the dashboard Hull is under
 * the privacy threshold, and York is hidden with it, or the total minus Leeds and York would give Hull away.
 */
describe('abuse read models over HTTP', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const leeds = randomUUID();
  const york = randomUUID();
  const hull = randomUUID();
  // Every incident happened a minute ago, so one ISO week and one day hold them all.
  const moment = new Date(Date.now() - 60_000);
  const day = utcDateOf(moment);
  const agents: Record<string, Actor[]> = {};
  const leads: Record<string, Actor> = {};
  const incidents: Record<string, string[]> = { [leeds]: [], [york]: [], [hull]: [] };
  let officer: Actor;
  let hr: Actor;
  let closed: string;
  let withdrawn: string;

  const get = (url: string, as: Actor) => api.request({ method: 'GET', url, as });
  async function write(method: 'POST' | 'PUT', url: string, as: Actor, body?: unknown) {
    const response = await api.request({ method, url, as, body });
    // Also runs in beforeAll, where `expect` is out of place.
    if (response.status >= 300) throw new Error(`${method} ${url}: ${JSON.stringify(response.body)}`);
    return response.body;
  }
  async function enrol(roles: Role[], teamId: string): Promise<Actor> {
    const actor = person(roles, teamId);
    const displayName = `Person ${actor.personId.slice(0, 8)}`;
    await write('POST', '/v1/people', admin, { ...actor, displayName, timezone: 'Europe/London' });
    return actor;
  }
  async function report(agent: Actor, channel: string, severity: string): Promise<string> {
    const { incidentId } = await write('POST', '/v1/incidents', agent, {
      channel,
      kinds: ['insult'],
      severity,
      occurredAt: moment.toISOString(),
      customerRef: 'angry@example.com',
      narrative: 'The customer called me names.',
      supportRequested: false,
      shareNarrativeWithLead: false,
    });
    incidents[agent.teamId!].push(incidentId);
    return incidentId;
  }

  beforeAll(async () => {
    api = await startTestApi('abuse_read', {}, { projector: true });
    for (const [teamId, name, size] of [
      [leeds, 'Leeds voice', 6],
      [york, 'York voice', 5],
      [hull, 'Hull chat', 2],
    ] as const) {
      await write('POST', '/v1/teams', admin, { teamId, name });
      leads[teamId] = await enrol(['team_lead'], teamId);
      agents[teamId] = [];
      for (let i = 0; i < size; i += 1) agents[teamId].push(await enrol(['agent'], teamId));
    }
    officer = await enrol(['wellbeing_officer'], york);
    hr = await enrol(['hr'], york);

    await write('PUT', '/v1/contact-volumes', admin, {
      rows: [
        { teamId: leeds, date: day, channel: 'phone', contacts: 2_000 },
        { teamId: leeds, date: day, channel: 'chat', contacts: 1_000 },
        { teamId: york, date: day, channel: 'phone', contacts: 1_000 },
        { teamId: hull, date: day, channel: 'chat', contacts: 400 },
      ],
    });
    // A corrected import replaces the count: Leeds handled 2,500 + 1,000 contacts.
    await write('PUT', '/v1/contact-volumes', admin, {
      rows: [{ teamId: leeds, date: day, channel: 'phone', contacts: 2_500 }],
    });

    // Leeds: 7 incidents by 6 people; York: 5 by 5; Hull: 2 by 2.
    for (const [i, agent] of agents[leeds].entries()) await report(agent, i < 3 ? 'phone' : 'chat', 'high');
    await report(agents[leeds][0], 'phone', 'critical');
    for (const agent of agents[york]) await report(agent, 'phone', 'moderate');
    for (const agent of agents[hull]) await report(agent, 'chat', 'low');

    // Leeds' lead acknowledges three and offers support twice, taken up once; one incident closes, one is withdrawn.
    const [first, second, third, fourth] = incidents[leeds];
    for (const incidentId of [first, second, third]) {
      await write('POST', `/v1/incidents/${incidentId}/acknowledge`, leads[leeds]);
    }
    await write('POST', `/v1/incidents/${first}/support-offers`, leads[leeds], { kind: 'debrief' });
    await write('POST', `/v1/incidents/${second}/support-offers`, leads[leeds], { kind: 'debrief' });
    await write('POST', `/v1/incidents/${first}/support-offers/debrief/accept`, agents[leeds][0]);
    closed = third;
    await write('POST', `/v1/incidents/${closed}/close`, leads[leeds], { outcome: 'resolved' });
    withdrawn = fourth;
    await write('POST', `/v1/incidents/${withdrawn}/withdraw`, agents[leeds][3]);
    await api.projectionsCaughtUp();
  }, 60_000);
  afterAll(async () => api?.close());

  describe('incident queues', () => {
    it("shows a team lead their own team's open incidents, oldest due first, with the SLA clock and nothing personal", async () => {
      const response = await get('/v1/incidents', leads[leeds]);

      expect(response.status).toBe(200);
      const open = incidents[leeds].filter((id) => id !== closed && id !== withdrawn);
      expect(response.body.items.map((item: { incidentId: string }) => item.incidentId)).toEqual(open);
      expect(response.body.nextCursor).toBeNull();
      for (const item of response.body.items) {
        expect(Object.keys(item).sort()).toEqual(
          [
            'acknowledgedAt',
            'ackDueAt',
            'channel',
            'incidentId',
            'kinds',
            'occurredAt',
            'overdue',
            'reportedAt',
            'severity',
            'status',
            'supportRequested',
            'teamId',
          ].sort(),
        );
        expect(item).toMatchObject({ teamId: leeds, overdue: false });
        expect(Date.parse(item.ackDueAt) - Date.parse(item.reportedAt)).toBe(4 * 60 * 60 * 1000);
      }
      expect(response.body.items[0]).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });
      expect(response.body.items[2]).toMatchObject({ status: 'open', acknowledgedAt: null });
      expect(JSON.stringify(response.body)).not.toMatch(/names|angry|cust_/);
    });

    it('filters by status, and pages with a cursor', async () => {
      const acknowledged = await get('/v1/incidents?status=acknowledged', leads[leeds]);
      expect(acknowledged.body.items.map((item: { incidentId: string }) => item.incidentId)).toEqual(
        incidents[leeds].slice(0, 2),
      );

      const seen: string[] = [];
      let url = '/v1/incidents?limit=2';
      for (let pages = 0; pages < 10; pages += 1) {
        const { status, body } = await get(url, officer);
        expect(status).toBe(200);
        expect(body.items.length).toBeLessThanOrEqual(2);
        seen.push(...body.items.map((item: { incidentId: string }) => item.incidentId));
        if (!body.nextCursor) break;
        url = `/v1/incidents?limit=2&cursor=${body.nextCursor}`;
      }
      const all = await get('/v1/incidents?limit=100', officer);
      expect(seen).toEqual(all.body.items.map((item: { incidentId: string }) => item.incidentId));
      expect((await get('/v1/incidents?cursor=not-a-cursor', officer)).status).toBe(400);
    });

    it("refuses a team lead another team's queue", async () => {
      expect((await get(`/v1/incidents?teamId=${leeds}`, leads[leeds])).status).toBe(200);
      const other = await get(`/v1/incidents?teamId=${hull}`, leads[leeds]);
      expect(other.status).toBe(403);
      expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('shows the wellbeing officer every team, or one', async () => {
      const everyone = await get('/v1/incidents?limit=100', officer);
      expect(everyone.status).toBe(200);
      expect(everyone.body.items).toHaveLength(14 - 2);
      expect(new Set(everyone.body.items.map((item: { teamId: string }) => item.teamId))).toEqual(
        new Set([leeds, york, hull]),
      );

      const hullOnly = await get(`/v1/incidents?teamId=${hull}`, officer);
      expect(hullOnly.body.items.map((item: { incidentId: string }) => item.incidentId)).toEqual(incidents[hull]);
    });

    it('is closed to agents and HR', async () => {
      expect((await get('/v1/incidents', agents[leeds][0])).status).toBe(403);
      expect((await get('/v1/incidents', hr)).status).toBe(403);
    });

    it('shows an agent their own incidents, newest first, closed and withdrawn too', async () => {
      const first = await get('/v1/me/incidents', agents[leeds][0]);
      expect(first.status).toBe(200);
      const [critical, high] = [incidents[leeds][6], incidents[leeds][0]];
      expect(first.body).toMatchObject({
        items: [
          { incidentId: critical, severity: 'critical', status: 'open' },
          { incidentId: high, severity: 'high', status: 'acknowledged' },
        ],
        nextCursor: null,
      });

      const fourth = await get('/v1/me/incidents', agents[leeds][3]);
      expect(fourth.body.items).toEqual([expect.objectContaining({ incidentId: withdrawn, status: 'withdrawn' })]);
      const third = await get('/v1/me/incidents', agents[leeds][2]);
      expect(third.body.items).toEqual([expect.objectContaining({ incidentId: closed, status: 'closed' })]);
      expect((await get('/v1/me/incidents', hr)).body.items).toEqual([]);
    });
  });

  describe('abuse dashboard', () => {
    const url = (query: string) => `/v1/dashboards/abuse?from=${day}&to=${day}&${query}`;
    const suppressed = { value: null, suppressed: true, reason: expect.any(String) };
    let backToNow: () => void;
    beforeAll(() => (backToNow = atEndOfMonthOf(api, moment)));
    afterAll(() => backToNow());
    const visible = (value: unknown) => ({ value, suppressed: false });

    it('rates incidents per 1,000 contacts by team, hiding the small team and the one that would give it away', async () => {
      const response = await get(url('interval=week&groupBy=team'), hr);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ interval: 'week', groupBy: 'team', minGroup: 5 });
      expect(response.body.periods).toHaveLength(1);
      const [period] = response.body.periods;
      expect(period.period).toBe(isoWeek(moment));
      const byTeam = new Map(period.groups.map((group: { team: string }) => [group.team, group]));
      expect(byTeam.get(leeds)).toEqual({
        team: leeds,
        name: 'Leeds voice',
        incidents: visible(7),
        distinctReporters: visible(6),
        ratePer1000Contacts: visible(2), // 7 ÷ 3,500 × 1,000, after the corrected import
        medianMinutesToAcknowledge: visible(expect.any(Number)),
        supportUptake: visible(0.5),
      });
      // Hull has 2 reporters; York's 5 would be enough, but total − Leeds − York would be Hull.
      for (const team of [hull, york]) {
        expect(byTeam.get(team)).toEqual({
          team,
          name: expect.stringMatching(/^(Hull chat|York voice)$/),
          incidents: suppressed,
          distinctReporters: suppressed,
          ratePer1000Contacts: suppressed,
          medianMinutesToAcknowledge: suppressed,
          supportUptake: suppressed,
        });
      }
      expect(period.total).toMatchObject({
        incidents: visible(14),
        distinctReporters: visible(13),
        ratePer1000Contacts: visible(2.86), // 14 ÷ 4,900 × 1,000
        supportUptake: visible(0.5),
      });
    });

    it('groups by channel, kind or severity, by month too, and names nobody', async () => {
      const byChannel = await get(url('interval=month&groupBy=channel'), admin);
      expect(byChannel.status).toBe(200);
      const [month] = byChannel.body.periods;
      expect(month.period).toBe(monthOfPeriod(isoWeek(moment)));
      // Phone: 3 + 1 Leeds, 5 York = 9 incidents by 8 people over 3,500 contacts; chat: 3 Leeds + 2 Hull, by 5.
      expect(month.groups).toEqual([
        expect.objectContaining({ channel: 'chat', incidents: visible(5), ratePer1000Contacts: visible(3.57) }),
        expect.objectContaining({ channel: 'phone', incidents: visible(9), distinctReporters: visible(8) }),
      ]);

      const bySeverity = await get(url('interval=week&groupBy=severity'), hr);
      const severities = bySeverity.body.periods[0].groups;
      expect(severities.map((group: { severity: string }) => group.severity)).toEqual([
        'critical',
        'high',
        'low',
        'moderate',
      ]);
      expect(severities.find((group: { severity: string }) => group.severity === 'high').incidents).toEqual(visible(6));

      const everything = JSON.stringify([byChannel.body, bySeverity.body]);
      for (const someone of [...Object.values(agents).flat(), ...Object.values(leads)]) {
        expect(everything).not.toContain(someone.personId);
      }
    });

    it('is for HR and admins only, and checks its range', async () => {
      expect((await get(url('interval=week'), agents[leeds][0])).status).toBe(403);
      expect((await get(url('interval=week'), leads[leeds])).status).toBe(403);
      expect((await get(url('interval=week'), officer)).status).toBe(403);
      expect((await get(`/v1/dashboards/abuse?from=${day}&to=2020-01-01`, hr)).status).toBe(400);
      expect((await get(`/v1/dashboards/abuse?from=${day}&to=${day}&groupBy=agent`, hr)).status).toBe(400);
    });
  });
});
