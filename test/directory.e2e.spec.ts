import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ERASED, PersonalData } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';

describe('directory over HTTP', () => {
  let api: TestApi;
  const admin = person(['admin']);

  beforeAll(async () => (api = await startTestApi('directory_e2e')));
  afterAll(async () => api?.close());

  const createTeam = (body: object, as = admin, headers?: Record<string, string>) =>
    api.request({ method: 'POST', url: '/v1/teams', as, body, headers });
  const enrol = (body: object, headers?: Record<string, string>) =>
    api.request({ method: 'POST', url: '/v1/people', as: admin, body, headers });
  const enrolment = (teamId: string) => ({
    displayName: 'Amal Haddad',
    teamId,
    roles: ['agent'],
    timezone: 'Europe/Paris',
  });

  async function storedEvents(stream: string) {
    const db = new Client({ connectionString: api.database.url });
    await db.connect();
    try {
      const { rows } = await db.query(
        'SELECT event_type, data FROM eventstore.events WHERE stream_name = $1 ORDER BY stream_revision',
        [stream],
      );
      return rows as { event_type: string; data: Record<string, unknown> }[];
    } finally {
      await db.end();
    }
  }

  it('lets an admin create teams under a site, and nobody else', async () => {
    const site = await createTeam({ name: 'Lyon' });
    expect(site).toMatchObject({ status: 201, body: { teamId: expect.any(String) } });
    const team = await createTeam({ name: 'Lyon chat', parentTeamId: site.body.teamId });
    expect(team.status).toBe(201);

    expect((await createTeam({ name: 'x' }, person(['team_lead']))).body).toMatchObject({
      status: 403,
      type: '/problems/forbidden',
    });
    expect((await api.request({ method: 'POST', url: '/v1/teams', body: { name: 'x' } })).status).toBe(401);
    expect((await createTeam({ name: 'x', parentTeamId: randomUUID() })).body).toMatchObject({
      status: 404,
      type: '/problems/unknown-team',
    });
    expect((await createTeam({ teamId: team.body.teamId, name: 'again' })).body).toMatchObject({
      status: 409,
      type: '/problems/team-already-exists',
    });
  });

  it('names every bad field and stores nothing', async () => {
    const response = await enrol({
      displayName: '',
      teamId: 'not-a-uuid',
      roles: ['boss'],
      timezone: 'Mars/Olympus',
      shoeSize: 44,
    });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
      ['displayName', 'roles', 'shoeSize', 'teamId', 'timezone'].sort(),
    );
  });

  it('enrols a person with their name encrypted, moves, offboards and erases them', async () => {
    const { body: team } = await createTeam({ name: 'Leeds voice' });
    const { body: other } = await createTeam({ name: 'Leeds chat' });
    const enrolled = await enrol(enrolment(team.teamId));
    expect(enrolled).toMatchObject({ status: 201, body: { personId: expect.any(String) } });
    const { personId } = enrolled.body;
    const stream = `person-${personId}`;
    expect(JSON.stringify(await storedEvents(stream))).not.toContain('Amal Haddad');

    expect((await enrol({ ...enrolment(team.teamId), personId })).body).toMatchObject({
      status: 409,
      type: '/problems/person-already-enrolled',
    });
    const move = (teamId: string) =>
      api.request({ method: 'POST', url: `/v1/people/${personId}/move`, as: admin, body: { teamId } });
    expect((await move(randomUUID())).body).toMatchObject({ status: 404, type: '/problems/unknown-team' });
    expect((await move(other.teamId)).status).toBe(200);
    expect((await api.request({ method: 'POST', url: `/v1/people/${personId}/offboard`, as: admin })).status).toBe(200);
    expect((await move(team.teamId)).body).toMatchObject({ status: 409, type: '/problems/person-not-active' });

    const displayName = (await storedEvents(stream))[0].data.displayName as string;
    const personalData = api.app.get(PersonalData);
    expect(await personalData.decrypt(displayName)).toBe('Amal Haddad');
    expect((await api.request({ method: 'POST', url: `/v1/people/${personId}/erase`, as: admin })).status).toBe(200);
    expect(await personalData.decrypt(displayName)).toBe(ERASED);
    expect((await storedEvents(stream)).map((event) => event.event_type)).toEqual([
      'PersonEnrolled',
      'PersonMovedTeam',
      'PersonOffboarded',
      'PersonalDataErased',
    ]);
  });

  it('records the site of every team, and where and when each person joins, moves and leaves', async () => {
    const { body: lyon } = await createTeam({ name: 'Lyon' });
    const { body: chat } = await createTeam({ name: 'Lyon chat', parentTeamId: lyon.teamId });
    const { body: chatB } = await createTeam({ name: 'Lyon chat B', parentTeamId: chat.teamId });
    const { body: porto } = await createTeam({ name: 'Porto' });
    const siteOf = async (teamId: string) => (await storedEvents(`team-${teamId}`))[0].data.siteId;
    expect(await Promise.all([lyon, chat, chatB, porto].map((team) => siteOf(team.teamId)))).toEqual([
      lyon.teamId,
      lyon.teamId,
      lyon.teamId,
      porto.teamId,
    ]);

    // Written as it happened, as the demo writes its history.
    const [enrolledAt, movedAt, leftAt] = [20, 10, 5].map((n) => new Date(Date.now() - n * 86_400_000).toISOString());
    const asOf = (at: string) => ({ 'x-frontline-as-of': at });
    const { personId } = (await enrol(enrolment(chatB.teamId), asOf(enrolledAt))).body;
    const change = (action: string, at: string, body?: object) =>
      api.request({ method: 'POST', url: `/v1/people/${personId}/${action}`, as: admin, body, headers: asOf(at) });
    expect((await change('move', movedAt, { teamId: porto.teamId })).status).toBe(200);
    expect((await change('offboard', leftAt)).status).toBe(200);

    expect((await storedEvents(`person-${personId}`)).map(({ data }) => data)).toEqual([
      expect.objectContaining({ teamId: chatB.teamId, siteId: lyon.teamId, at: enrolledAt }),
      expect.objectContaining({
        fromTeamId: chatB.teamId,
        fromSiteId: lyon.teamId,
        toTeamId: porto.teamId,
        toSiteId: porto.teamId,
        at: movedAt,
      }),
      expect.objectContaining({ teamId: porto.teamId, siteId: porto.teamId, at: leftAt }),
    ]);
  });

  it('answers a retried request with the first answer and appends nothing new', async () => {
    const key = { 'idempotency-key': randomUUID() };
    const { body: team } = await createTeam({ name: 'Porto email' });

    const first = await enrol(enrolment(team.teamId), key);
    const retry = await enrol(enrolment(team.teamId), key);
    const misuse = await enrol({ ...enrolment(team.teamId), displayName: 'Someone else' }, key);

    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(await storedEvents(`person-${first.body.personId}`)).toHaveLength(1);
    expect(misuse.status).toBe(422);
  });

  it('refuses unknown people with 404', async () => {
    const response = await api.request({ method: 'POST', url: `/v1/people/${randomUUID()}/offboard`, as: admin });
    expect(response.body).toMatchObject({ status: 404, type: '/problems/unknown-person' });
  });
});
