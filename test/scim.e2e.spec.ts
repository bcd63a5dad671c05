import { DirectoryStandings, teamDecider, teamStream } from '@frontline/directory';
import { CommandExecutor } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { type TestApi, person, startTestApi } from './support/test-api';

const DEV_SCIM_TOKEN = 'local-development-only-scim-token-00000000';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const TEAM = 'urn:frontline:params:scim:schemas:extension:team:2.0:Group';

describe('SCIM 2.0 provisioning at /scim/v2', () => {
  let api: TestApi;
  let token = DEV_SCIM_TOKEN;

  beforeAll(async () => (api = await startTestApi('scim_e2e', {}, { projector: true })));
  afterAll(async () => api?.close());

  const scim = (method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, body?: object, bearer = token) =>
    api.app
      .inject({
        method,
        url: `/scim/v2${url}`,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body ? { 'content-type': 'application/scim+json' } : {}),
        },
        payload: body ? JSON.stringify(body) : undefined,
      })
      .then((response) => ({
        status: response.statusCode,
        headers: response.headers,
        body: response.body ? response.json() : undefined,
      }));
  const patch = (url: string, ...Operations: object[]) => scim('PATCH', url, { schemas: [PATCH_OP], Operations });
  const standing = (personId: string) => api.app.get(DirectoryStandings).standingOf(personId);
  const teamMembers = async (teamId: string) => {
    await api.projectionsCaughtUp();
    const readModels = api.app.get(ReadModels);
    return readModels.redis.smembers((await readModels.keys('directory')).key('team', teamId, 'members'));
  };
  const groupNamed = async (displayName: string) =>
    (await scim('GET', `/Groups?filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`)).body.Resources[0];

  it('takes its own token and no other, and answers in SCIM error bodies', async () => {
    const admin = await api.tokenFor(person(['admin']));
    for (const bearer of ['', 'not-the-token', admin]) {
      const refused = await scim('GET', '/Users', undefined, bearer);
      expect(refused.status).toBe(401);
      expect(refused.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(refused.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    }
    expect((await scim('GET', '/Users')).status).toBe(200);
  });

  it('describes itself: service provider configuration, resource types and schemas', async () => {
    expect((await scim('GET', '/ServiceProviderConfig')).body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      etag: { supported: true },
    });
    const types = (await scim('GET', '/ResourceTypes')).body.Resources.map((type: { id: string }) => type.id);
    expect(types).toEqual(expect.arrayContaining(['User', 'Group']));
    const schemas = (await scim('GET', '/Schemas')).body.Resources.map((schema: { id: string }) => schema.id);
    expect(schemas).toEqual(expect.arrayContaining([USER, GROUP]));
  });

  it("replays Okta's sequence: look up, create, group, update, move, deactivate, reactivate, delete", async () => {
    const userName = 'ana.lopez@okta.example';
    const lookup = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`,
    );
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim('POST', '/Users', {
      schemas: [USER],
      userName,
      name: { givenName: 'Ana', familyName: 'Lopez' },
      emails: [{ primary: true, value: userName, type: 'work' }],
      active: true,
      password: 'ignored-by-frontline',
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.headers.location).toBe(`/scim/v2/Users/${id}`);
    expect(created.body).toMatchObject({
      userName,
      displayName: 'Ana Lopez',
      active: true,
      meta: { version: expect.stringMatching(/^W\/"\d+"$/) },
    });
    expect(await standing(id)).toMatchObject({ status: 'active', roles: ['agent'] });
    // Matched without regard to case, as SCIM's userName is.
    const found = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "ANA.LOPEZ@okta.example"`)}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    const site = (await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Lyon' })).body;
    const chat = (
      await scim('POST', '/Groups', {
        schemas: [GROUP],
        displayName: 'Lyon chat',
        members: [{ value: id }],
        [TEAM]: { parentTeamId: site.id },
      })
    ).body;
    expect((await api.app.get(CommandExecutor).load(teamStream(chat.id), teamDecider)).state).toMatchObject({
      name: 'Lyon chat',
      parentTeamId: site.id,
    });
    expect(chat).toMatchObject({ displayName: 'Lyon chat', id: expect.any(String) });
    expect(await standing(id)).toMatchObject({ teamId: chat.id });
    const voice = (await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Lyon voice' })).body;

    // Okta's profile push: a PUT of the whole user; the same PUT again changes nothing.
    const put = { schemas: [USER], id, userName, name: { givenName: 'Ana', familyName: 'López' }, active: true };
    const renamed = await scim('PUT', `/Users/${id}`, put);
    expect(renamed.body).toMatchObject({ displayName: 'Ana López' });
    expect(renamed.headers.etag).toBe(renamed.body.meta.version);
    expect((await scim('PUT', `/Users/${id}`, put)).body.meta.version).toBe(renamed.body.meta.version);

    // Moved between groups: out of one, into the other.
    expect((await patch(`/Groups/${chat.id}`, { op: 'remove', path: `members[value eq "${id}"]` })).status).toBe(204);
    expect((await patch(`/Groups/${voice.id}`, { op: 'add', path: 'members', value: [{ value: id }] })).status).toBe(
      204,
    );
    expect(await standing(id)).toMatchObject({ status: 'active', teamId: voice.id });
    expect(await teamMembers(voice.id)).toEqual([id]);
    expect(await teamMembers(chat.id)).toEqual([]);

    // HR's dashboards list the teams where SCIM placed people: chat under its site, voice a site of its own.
    const hr = (await scim('POST', '/Users', { schemas: [USER], userName: 'hugo@okta.example', displayName: 'Hugo' }))
      .body.id;
    await patch(`/Groups/${(await groupNamed('Frontline HR')).id}`, {
      op: 'add',
      path: 'members',
      value: [{ value: hr }],
    });
    const listed = async (query: string) => {
      await api.projectionsCaughtUp();
      const { status, body } = await api.request({
        method: 'GET',
        url: `/v1/dashboards/wellbeing?${query}`,
        as: { personId: hr, roles: [] },
      });
      expect(status).toBe(200);
      return body.periods[0].groups.map((group: { site?: string; team?: string }) => group.team ?? group.site);
    };
    expect(await listed(`groupBy=team&site=${site.id}`)).toEqual([chat.id]);
    expect(await listed('groupBy=site')).toEqual(expect.arrayContaining([site.id, voice.id]));

    // The team's lead, provisioned too, sees Ana among their team's people not recognised lately, under her new name.
    const leads = await groupNamed('Frontline team leads');
    const lead = (await scim('POST', '/Users', { schemas: [USER], userName: 'lea@okta.example', displayName: 'Lea' }))
      .body.id;
    await patch(`/Groups/${voice.id}`, { op: 'add', path: 'members', value: [{ value: lead }] });
    await patch(`/Groups/${leads.id}`, { op: 'add', path: 'members', value: [{ value: lead }] });
    const unrecognised = async () => {
      await api.projectionsCaughtUp();
      const { body } = await api.request({
        method: 'GET',
        url: `/v1/teams/${voice.id}/recognition-gaps`,
        as: { personId: lead, roles: [], teamId: voice.id },
      });
      return body.items;
    };
    expect(await unrecognised()).toEqual([{ personId: id, displayName: 'Ana López' }]);

    // A role group gives a role, and taking them out of it takes it away.
    await patch(`/Groups/${leads.id}`, { op: 'add', path: 'members', value: [{ value: id }] });
    expect((await standing(id))!.roles).toEqual(expect.arrayContaining(['agent', 'team_lead']));
    expect((await scim('GET', `/Users/${id}`)).body.groups).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: leads.id, display: 'Frontline team leads' })]),
    );
    await patch(`/Groups/${leads.id}`, { op: 'remove', path: `members[value eq "${id}"]` });
    expect((await standing(id))!.roles).toEqual(['agent']);

    // Deactivated, reactivated.
    expect((await patch(`/Users/${id}`, { op: 'replace', value: { active: false } })).body).toMatchObject({
      active: false,
    });
    expect(await standing(id)).toMatchObject({ status: 'offboarded' });
    expect(await unrecognised()).toEqual([]);
    expect((await patch(`/Users/${id}`, { op: 'replace', value: { active: true } })).body).toMatchObject({
      active: true,
    });
    expect(await standing(id)).toMatchObject({ status: 'active', teamId: voice.id });
    expect(await unrecognised()).toEqual([{ personId: id, displayName: 'Ana López' }]);

    // Deleted: gone from SCIM, offboarded in the directory, their user name free for someone new.
    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${id}`)).body).toMatchObject({ status: '404' });
    expect(await standing(id)).toMatchObject({ status: 'offboarded' });
    const again = await scim('POST', '/Users', { schemas: [USER], userName, active: true });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(id);
  });

  it("replays Entra ID's sequence: externalId, capitalised operations, string booleans, batched members", async () => {
    const externalId = 'f3c1a2b0-0000-4000-8000-00000000e1d1';
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`)).body,
    ).toMatchObject({ totalResults: 0 });
    const user = (userName: string, external: string) =>
      scim('POST', '/Users', {
        schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
        externalId: external,
        userName,
        active: true,
        displayName: userName.split('@')[0],
        emails: [{ primary: true, type: 'work', value: userName }],
        name: { formatted: userName.split('@')[0], familyName: 'N', givenName: 'O' },
      });
    const ola = (await user('ola@contoso.com', externalId)).body.id;
    const sam = (await user('sam@contoso.com', 'f3c1a2b0-0000-4000-8000-00000000e1d2')).body.id;
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`)).body,
    ).toMatchObject({
      totalResults: 1,
      Resources: [{ id: ola, externalId }],
    });

    const renamedAndDisabled = await patch(
      `/Users/${ola}`,
      { op: 'Replace', path: 'displayName', value: 'Ola Nordmann' },
      { op: 'Replace', path: 'active', value: 'False' },
    );
    expect(renamedAndDisabled.body).toMatchObject({ displayName: 'Ola Nordmann', active: false });
    expect(await standing(ola)).toMatchObject({ status: 'offboarded' });
    await patch(`/Users/${ola}`, { op: 'Replace', path: 'active', value: 'True' });
    expect(await standing(ola)).toMatchObject({ status: 'active' });

    expect(
      (await scim('GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Paris"')}`))
        .body,
    ).toMatchObject({ totalResults: 0 });
    const paris = (
      await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Paris', externalId: 'g1', members: [] })
    ).body;
    const oslo = (await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Oslo' })).body;
    expect(
      (await patch(`/Groups/${paris.id}`, { op: 'Add', path: 'members', value: [{ value: ola }, { value: sam }] }))
        .status,
    ).toBe(204);
    expect(await teamMembers(paris.id)).toEqual(expect.arrayContaining([ola, sam]));

    // Entra moves Sam: into Oslo, then out of Paris, which leaves Sam where they are.
    await patch(`/Groups/${oslo.id}`, { op: 'Add', path: 'members', value: [{ value: sam }] });
    await patch(`/Groups/${paris.id}`, { op: 'Remove', path: 'members', value: [{ value: sam }] });
    expect(await standing(sam)).toMatchObject({ teamId: oslo.id });
    expect(await teamMembers(paris.id)).toEqual([ola]);

    // A renamed group keeps its id.
    await patch(`/Groups/${paris.id}`, { op: 'Replace', path: 'displayName', value: 'Paris chat' });
    expect((await scim('GET', `/Groups/${paris.id}`)).body).toMatchObject({ displayName: 'Paris chat' });

    expect((await scim('DELETE', `/Users/${sam}`)).status).toBe(204);
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "f3c1a2b0-0000-4000-8000-00000000e1d2"')}`))
        .body,
    ).toMatchObject({ totalResults: 0 });
    expect(await standing(sam)).toMatchObject({ status: 'offboarded' });
  });

  it('pages the users with startIndex and count', async () => {
    for (const userName of ['p1@example.com', 'p2@example.com', 'p3@example.com'])
      expect((await scim('POST', '/Users', { schemas: [USER], userName })).status).toBe(201);
    await api.projectionsCaughtUp();
    const { totalResults } = (await scim('GET', '/Users?count=0')).body;
    expect(totalResults).toBeGreaterThanOrEqual(4);
    const all = (await scim('GET', `/Users?startIndex=1&count=${totalResults}`)).body.Resources.map(
      (u: { id: string }) => u.id,
    );
    const second = (await scim('GET', '/Users?startIndex=2&count=2')).body;
    expect(second).toMatchObject({ startIndex: 2, itemsPerPage: 2, totalResults });
    expect(second.Resources.map((u: { id: string }) => u.id)).toEqual(all.slice(1, 3));
  });

  it('answers bad requests with the SCIM error they are', async () => {
    const taken = await scim('POST', '/Users', { schemas: [USER], userName: 'dup@example.com' });
    expect(taken.status).toBe(201);
    expect((await scim('POST', '/Users', { schemas: [USER], userName: 'DUP@example.com' })).body).toMatchObject({
      status: '409',
      scimType: 'uniqueness',
    });
    expect((await scim('GET', '/Users?filter=emails.value co "x"')).body).toMatchObject({
      status: '400',
      scimType: 'invalidFilter',
    });
    expect(
      (await scim('POST', '/Users', { schemas: [USER], userName: 'x@example.com', active: 'maybe' })).body,
    ).toMatchObject({ status: '400', scimType: 'invalidValue' });
    expect((await scim('POST', '/Users', { schemas: [USER] })).body).toMatchObject({ status: '400' });
    expect((await scim('GET', '/Users/00000000-0000-4000-8000-000000000000')).body).toMatchObject({ status: '404' });
    expect((await patch(`/Users/${taken.body.id}`, { op: 'explode', path: 'active' })).body).toMatchObject({
      status: '400',
    });
    const tooMany = Array.from({ length: 1_001 }, (_, i) => ({
      value: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    const paris = await groupNamed('Paris chat');
    expect((await patch(`/Groups/${paris.id}`, { op: 'add', path: 'members', value: tooMany })).body).toMatchObject({
      status: '400',
      scimType: 'tooMany',
    });
  });

  it('takes a new token once an admin rotates it, and refuses the one before at once', async () => {
    const admin = person(['admin']);
    const rotated = await api.request({ method: 'POST', url: '/v1/directory/scim-token', as: admin });
    expect(rotated.status).toBe(200);
    expect(rotated.body.token).toMatch(/^scim_/);
    const agent = await api.request({ method: 'POST', url: '/v1/directory/scim-token', as: person(['agent']) });
    expect(agent.status).toBe(403);

    expect((await scim('GET', '/Users')).status).toBe(401);
    token = rotated.body.token;
    expect((await scim('GET', '/Users')).status).toBe(200);
    // The token works on /scim/v2 only.
    const elsewhere = await api.request({
      method: 'GET',
      url: '/v1/me/wellbeing',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(elsewhere.status).toBe(401);
  });
});
