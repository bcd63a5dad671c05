import { ERASED } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';

describe("the directory's lists for admins", () => {
  let api: TestApi;
  const admin = person(['admin']);

  beforeAll(async () => (api = await startTestApi('directory_lists', {}, { projector: true })));
  afterAll(async () => api?.close());

  const post = async (url: string, body?: object) => (await api.request({ method: 'POST', url, as: admin, body })).body;
  const get = (url: string, as = admin) => api.request({ method: 'GET', url, as });

  it('pages through the teams in a stable order, each once', async () => {
    const names = ['North', 'South', 'East', 'West', 'Centre'];
    const site = await post('/v1/teams', { name: 'Lyon' });
    for (const name of names) await post('/v1/teams', { name, parentTeamId: site.teamId });
    await api.projectionsCaughtUp();

    const seen: { name: string; parentTeamId: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/v1/teams?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map(({ name }) => name).sort()).toEqual([...names, 'Lyon'].sort());
    expect(seen.find(({ name }) => name === 'North')?.parentTeamId).toBe(site.teamId);
    expect(seen.find(({ name }) => name === 'Lyon')?.parentTeamId).toBeNull();
  });

  it("lists a team's active members with their names and roles, and not those who left", async () => {
    const team = await post('/v1/teams', { name: 'Chat' });
    const enrol = (displayName: string, roles: string[]) =>
      post('/v1/people', { displayName, teamId: team.teamId, roles, timezone: 'UTC' });
    const amal = await enrol('Amal Haddad', ['agent']);
    const bo = await enrol('Bo Stein', ['team_lead']);
    const gone = await enrol('Cy Left', ['agent']);
    await post(`/v1/people/${gone.personId}/offboard`);
    await post(`/v1/people/${bo.personId}/erase`);
    await api.projectionsCaughtUp();

    const first = await get(`/v1/teams/${team.teamId}/members?limit=1`);
    const second = await get(`/v1/teams/${team.teamId}/members?limit=1&cursor=${first.body.nextCursor}`);
    const members = [...first.body.items, ...second.body.items];
    expect(second.body.nextCursor).toBeNull();
    expect(members).toEqual(
      expect.arrayContaining([
        { personId: amal.personId, displayName: 'Amal Haddad', roles: ['agent'] },
        { personId: bo.personId, displayName: ERASED, roles: ['team_lead'] },
      ]),
    );
    expect(members).toHaveLength(2);
  });

  it('refuses a limit over 100, a malformed team and a cursor of another list', async () => {
    const teams = await get('/v1/teams?limit=1');
    expect((await get('/v1/teams?limit=101')).status).toBe(400);
    expect((await get('/v1/teams/not-a-team/members')).status).toBe(400);
    const team = await post('/v1/teams', { name: 'Email' });
    const foreign = await get(`/v1/teams/${team.teamId}/members?cursor=${teams.body.nextCursor}`);
    expect(foreign.body).toMatchObject({ status: 400, type: '/problems/invalid-cursor' });
    expect((await get('/v1/teams', person(['hr']))).status).toBe(403);
  });
});
