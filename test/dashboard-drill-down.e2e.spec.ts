import { randomUUID } from 'node:crypto';
import type { Actor } from '@frontline/platform';
import { utcDateOf } from '@frontline/decider';
import { type TestApi, atEndOfMonthOf, person, startTestApi } from './support/test-api';

/**
 * Two sites: Lyon with the teams Voice (6 agents) and Chat (5), and Nantes, a site of its own with
 * its 5 agents. HR reads each dashboard as a person would: the sites, then the teams of one site,
 * a page at a time.
 */
describe('dashboards, from sites down to teams', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const hr = person(['hr']);
  const [lyon, voice, chat, nantes] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const agents: Record<string, Actor[]> = {};
  const day = utcDateOf(new Date());
  let backToNow: () => void;

  async function write(url: string, as: Actor, body: unknown) {
    const response = await api.request({ method: 'POST', url, as, body });
    if (response.status >= 300) throw new Error(`POST ${url}: ${JSON.stringify(response.body)}`);
    return response.body;
  }
  const get = async (url: string) => {
    const response = await api.request({ method: 'GET', url, as: hr });
    expect(response.status).toBe(200);
    return response.body;
  };
  const range = `from=${day}&to=${day}&interval=month`;

  beforeAll(async () => {
    api = await startTestApi('dashboard_drill_down', {}, { projector: true });
    await write('/v1/teams', admin, { teamId: lyon, name: 'Lyon' });
    await write('/v1/teams', admin, { teamId: voice, name: 'Lyon voice', parentTeamId: lyon });
    await write('/v1/teams', admin, { teamId: chat, name: 'Lyon chat', parentTeamId: lyon });
    await write('/v1/teams', admin, { teamId: nantes, name: 'Nantes' });
    for (const [teamId, size] of [
      [voice, 6],
      [chat, 5],
      [nantes, 5],
    ] as const) {
      agents[teamId] = [];
      for (let i = 0; i < size; i += 1) {
        const agent = person(['agent'], teamId);
        await write('/v1/people', admin, { ...agent, displayName: `Agent ${i}`, timezone: 'UTC' });
        agents[teamId].push(agent);
      }
    }
    await write('/v1/people', admin, { ...hr, teamId: nantes, displayName: 'HR', timezone: 'UTC' });
    for (const agent of Object.values(agents).flat()) {
      await write('/v1/incidents', agent, {
        channel: 'phone',
        kinds: ['insult'],
        severity: 'low',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        supportRequested: false,
        shareNarrativeWithLead: false,
      });
      await write('/v1/wellbeing/activities', agent, { kind: 'walk', minutes: 10, occurredOn: day });
    }
    await write('/v1/kudos', agents[nantes][0], {
      to: agents[voice].map((agent) => agent.personId),
      message: 'Thank you for the cover',
      values: ['teamwork'],
      visibility: 'public',
    });
    await api.projectionsCaughtUp();
    backToNow = atEndOfMonthOf(api, new Date());
  }, 120_000);
  afterAll(async () => {
    backToNow?.();
    await api?.close();
  });

  it('shows the abuse of each site, then of the teams of one site', async () => {
    const sites = await get(`/v1/dashboards/abuse?${range}&groupBy=site`);
    const [period] = sites.periods;
    const bySite = Object.fromEntries(period.groups.map((group: { site: string }) => [group.site, group]));
    expect(Object.keys(bySite).sort()).toEqual([lyon, nantes].sort());
    expect(bySite[lyon]).toMatchObject({ name: 'Lyon', distinctReporters: { value: 11, suppressed: false } });
    expect(bySite[nantes].distinctReporters).toEqual({ value: 5, suppressed: false });
    expect(period.total.incidents).toEqual({ value: 16, suppressed: false });

    const teams = await get(`/v1/dashboards/abuse?${range}&groupBy=team&site=${lyon}`);
    const byTeam = Object.fromEntries(teams.periods[0].groups.map((group: { team: string }) => [group.team, group]));
    expect(Object.keys(byTeam).sort()).toEqual([voice, chat].sort());
    expect(byTeam[voice]).toMatchObject({ name: 'Lyon voice', incidents: { value: 6, suppressed: false } });
    expect(byTeam[chat].incidents).toEqual({ value: 5, suppressed: false });
  });

  it('pages through the groups, one page after the other, each once', async () => {
    const first = await get(`/v1/dashboards/wellbeing?${range}&groupBy=team&limit=2`);
    expect(first.periods[0].groups).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await get(`/v1/dashboards/wellbeing?${range}&groupBy=team&limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.periods[0].groups, ...second.periods[0].groups].map((group: { team: string }) => group.team);
    expect(seen.sort()).toEqual([voice, chat, nantes].sort());
    // A cursor is for the list that gave it out.
    const elsewhere = await api.request({
      method: 'GET',
      url: `/v1/dashboards/wellbeing?${range}&groupBy=site&cursor=${first.nextCursor}`,
      as: hr,
    });
    expect(elsewhere.status).toBe(400);
  });

  it("rates wellbeing and recognition against each site's headcount, and names its teams", async () => {
    const wellbeing = await get(`/v1/dashboards/wellbeing?${range}&groupBy=site`);
    const lyonWellbeing = wellbeing.periods[0].groups.find((group: { site: string }) => group.site === lyon);
    expect(lyonWellbeing).toMatchObject({ name: 'Lyon', participants: { value: 11, suppressed: false } });
    expect(lyonWellbeing.participationRate).toEqual({ value: 1, suppressed: false });

    const recognition = await get(`/v1/dashboards/recognition?${range}&groupBy=team&site=${lyon}`);
    const byTeam = Object.fromEntries(
      recognition.periods[0].groups.map((group: { team: string }) => [group.team, group]),
    );
    // All six of Voice were thanked; nobody in Chat, a zero about nobody.
    expect(byTeam[voice]).toMatchObject({ name: 'Lyon voice', coverage: { value: 1, suppressed: false } });
    expect(byTeam[chat].kudos).toEqual({ value: 0, suppressed: false });
  });

  it('lists the teams of a site only when asked for teams', async () => {
    const response = await api.request({
      method: 'GET',
      url: `/v1/dashboards/abuse?${range}&groupBy=channel&site=${lyon}`,
      as: hr,
    });
    expect(response.status).toBe(400);
    expect(response.body.detail ?? JSON.stringify(response.body)).toMatch(/groupBy=team/);
  });
});
