import { Client } from 'pg';
import { DirectoryStandings, IdentityLinks, teamDecider, teamStream } from '@frontline/directory';
import { CommandExecutor } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';

const HEADER = 'userName,displayName,team,parentTeam,roles,timezone,externalId';
const GOOD = [
  HEADER,
  'ana@example.com,Ana Lopez,Lyon chat,Lyon,agent,Europe/Paris,',
  'bo@example.com,"Stein, Bo",Lyon chat,Lyon,team_lead;agent,Europe/Paris,00u1abcd',
  'cy@example.com,Cy Martin,Lyon,,hr,Europe/Paris,',
].join('\n');

describe('the CSV import of teams and people (POST /v1/directory/imports)', () => {
  let api: TestApi;
  const admin = person(['admin']);

  beforeAll(async () => (api = await startTestApi('directory_import_e2e', {}, { projector: true })));
  afterAll(async () => api?.close());

  const post = (csv: string, { dryRun = false, as = admin } = {}) =>
    api.request({
      method: 'POST',
      url: `/v1/directory/imports${dryRun ? '?dryRun=true' : ''}`,
      as,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
  const holder = (userName: string) => api.app.get(IdentityLinks).holderOf('userName', userName);
  const eventCount = async () => {
    const db = new Client({ connectionString: api.database.url });
    await db.connect();
    try {
      return (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM eventstore.events')).rows[0].count;
    } finally {
      await db.end();
    }
  };

  it('is for admins only', async () => {
    expect((await post(GOOD, { as: person(['hr']) })).status).toBe(403);
    expect((await post(GOOD, { dryRun: true, as: person(['team_lead']) })).status).toBe(403);
  });

  it('reports every bad row and writes nothing, in a dry run and in a real one', async () => {
    const before = await eventCount();
    const bad = [
      GOOD,
      'dy@example.com,,Lyon chat,Lyon,boss,Mars/Olympus,',
      'ANA@example.com,Ana Again,Lyon,,agent,UTC,',
    ].join('\n');
    for (const dryRun of [true, false]) {
      const response = await post(bad, { dryRun });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ type: '/problems/invalid-request' });
      expect(response.body.errors.map(({ field }: { field: string }) => field)).toEqual([
        'rows[5].displayName',
        'rows[5].roles',
        'rows[5].timezone',
        'rows[6].userName',
      ]);
    }
    expect(await eventCount()).toBe(before);
    expect(await holder('ana@example.com')).toBeUndefined();
  });

  it('refuses what is not the CSV it expects', async () => {
    expect((await post('userName,shoeSize\nana@example.com,38')).body).toMatchObject({
      status: 400,
      errors: [{ field: 'body', messages: [expect.stringMatching(/unknown columns shoeSize/)] }],
    });
    expect((await post(`${HEADER}\n"unterminated,x`)).status).toBe(400);
  });

  it('says what it would do in a dry run, then does it, once per row however often it runs', async () => {
    const before = await eventCount();
    expect((await post(GOOD, { dryRun: true })).body).toEqual({
      dryRun: true,
      teams: { created: 2, existing: 0 },
      people: { enrolled: 3, updated: 0 },
    });
    expect(await eventCount()).toBe(before);

    expect((await post(GOOD)).body).toEqual({
      dryRun: false,
      teams: { created: 2, existing: 0 },
      people: { enrolled: 3, updated: 0 },
    });
    const bo = (await holder('bo@example.com'))!;
    const standing = await api.app.get(DirectoryStandings).standingOf(bo);
    expect(standing).toMatchObject({ status: 'active', roles: ['team_lead', 'agent'] });
    const executor = api.app.get(CommandExecutor);
    const { state: team } = await executor.load(teamStream(standing!.teamId), teamDecider);
    expect(team).toMatchObject({ name: 'Lyon chat', parentTeamId: expect.any(String) });
    expect(await holder('00u1abcd')).toBeUndefined();
    expect(await api.app.get(IdentityLinks).holderOf('externalId', '00u1abcd')).toBe(bo);

    await api.projectionsCaughtUp();
    const written = await eventCount();
    expect((await post(GOOD)).body).toEqual({
      dryRun: false,
      teams: { created: 0, existing: 2 },
      people: { enrolled: 0, updated: 3 },
    });
    expect(await eventCount()).toBe(written);

    // A changed row changes that person: Ana moves to Lyon and leads it.
    await post(
      GOOD.replace('ana@example.com,Ana Lopez,Lyon chat,Lyon,agent', 'ana@example.com,Ana Lopez,Lyon,,team_lead'),
    );
    const ana = await api.app.get(DirectoryStandings).standingOf((await holder('ana@example.com'))!);
    const cy = await api.app.get(DirectoryStandings).standingOf((await holder('cy@example.com'))!);
    expect(ana).toMatchObject({ teamId: cy!.teamId, roles: ['team_lead'] });
  });
});
