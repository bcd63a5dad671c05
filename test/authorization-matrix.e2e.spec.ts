import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { inboxStream } from '@frontline/inbox';
import { type Actor, ROLES, type Role } from '@frontline/platform';
import { SseClient } from '@frontline/testing';
import { type TestApi, startTestApi } from './support/test-api';

/**
 * Every write and object read, tried by every role against objects of another person in
 * another team: wherever the rules say no, the answer is 403 or 404 and nothing leaks.
 */
interface World {
  admin: Actor;
  /** Someone in team B, and the objects they own. */
  owner: Actor;
  ownerTeamId: string;
  /** Team A: the team of every actor who tries. */
  teamId: string;
  objects: Record<string, string>;
  /** In team B with the owner: the kudos' recipient, so the one with items in their inbox. */
  colleague: Actor;
}

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: (world: World) => string;
  body?: (world: World) => unknown;
  headers?: Record<string, string>;
  /** Roles that may do this to an object of another person in another team. */
  allowed: Role[];
}

const incident = (w: World, action = '') => `/v1/incidents/${w.objects.incident}${action}`;
const kudos = (w: World, which: string, action = '') => `/v1/kudos/${w.objects[which]}${action}`;

const rows: Row[] = [
  // Incidents of an agent in another team: only the wellbeing officer works them; only the reporter acts as reporter.
  { name: 'read an incident', method: 'GET', url: (w) => incident(w), allowed: ['wellbeing_officer'] },
  // Who was given the incident is for its reporter alone, even for the officer who may read the incident.
  {
    name: "read another person's incident access log",
    method: 'GET',
    url: (w) => `/v1/me/incidents/${w.objects.incident}/access-log`,
    allowed: [],
  },
  {
    name: 'acknowledge an incident',
    method: 'POST',
    url: (w) => incident(w, '/acknowledge'),
    allowed: ['wellbeing_officer'],
  },
  {
    name: 'offer support',
    method: 'POST',
    url: (w) => incident(w, '/support-offers'),
    body: () => ({ kind: 'debrief' }),
    allowed: ['wellbeing_officer'],
  },
  { name: 'accept support', method: 'POST', url: (w) => incident(w, '/support-offers/debrief/accept'), allowed: [] },
  { name: 'decline support', method: 'POST', url: (w) => incident(w, '/support-offers/debrief/decline'), allowed: [] },
  {
    name: 'take a recovery break',
    method: 'POST',
    url: (w) => incident(w, '/recovery-break'),
    body: () => ({ minutes: 15 }),
    allowed: [],
  },
  {
    name: 'record a customer action',
    method: 'POST',
    url: (w) => incident(w, '/customer-actions'),
    body: () => ({ action: 'warning_sent' }),
    allowed: ['wellbeing_officer'],
  },
  { name: 'withdraw an incident', method: 'POST', url: (w) => incident(w, '/withdraw'), allowed: [] },
  {
    name: 'close an incident',
    method: 'POST',
    url: (w) => incident(w, '/close'),
    body: () => ({ outcome: 'resolved' }),
    allowed: ['wellbeing_officer'],
  },
  {
    name: 'import contact volumes',
    method: 'PUT',
    url: () => '/v1/contact-volumes',
    body: (w) => ({ rows: [{ teamId: w.ownerTeamId, date: '2025-01-06', channel: 'phone', contacts: 10 }] }),
    allowed: ['admin'],
  },
  // Kudos between two people of another team.
  {
    name: 'react to a private kudos',
    method: 'POST',
    url: (w) => kudos(w, 'privateKudos', '/reactions'),
    body: () => ({ emoji: '🎉' }),
    allowed: [],
  },
  {
    name: 'unreact on a private kudos',
    method: 'DELETE',
    url: (w) => kudos(w, 'privateKudos', '/reactions/%F0%9F%8E%89'),
    allowed: [],
  },
  {
    name: 'react to a team kudos',
    method: 'POST',
    url: (w) => kudos(w, 'teamKudos', '/reactions'),
    body: () => ({ emoji: '🎉' }),
    allowed: [],
  },
  { name: 'retract a kudos', method: 'POST', url: (w) => kudos(w, 'publicKudos', '/retract'), allowed: [] },
  {
    name: 'hide a kudos',
    method: 'POST',
    url: (w) => kudos(w, 'publicKudos', '/hide'),
    body: () => ({ reason: 'off-topic' }),
    allowed: ['admin'],
  },
  {
    name: 'record customer praise',
    method: 'POST',
    url: () => '/v1/praise',
    body: (w) => ({ agentId: w.owner.personId, source: 'call', quote: 'She sorted it in minutes' }),
    allowed: ['team_lead', 'admin'],
  },
  // Queues, dashboards and gaps: aggregates for HR and admins, a team's queue and gaps for its own lead.
  {
    name: "read another team's incident queue",
    method: 'GET',
    url: (w) => `/v1/incidents?teamId=${w.ownerTeamId}`,
    allowed: ['wellbeing_officer'],
  },
  ...(['abuse', 'wellbeing', 'recognition'] as const).map((dashboard): Row => ({
    name: `read the ${dashboard} dashboard`,
    method: 'GET',
    url: () => `/v1/dashboards/${dashboard}?from=2026-01-01&to=2026-03-31&interval=month&groupBy=team`,
    allowed: ['hr', 'admin'],
  })),
  // Campaigns are the organisation's: HR and admins list them (HR alone plans them).
  { name: 'list campaigns', method: 'GET', url: () => '/v1/campaigns?limit=5', allowed: ['hr', 'admin'] },
  {
    name: "read another team's recognition gaps",
    method: 'GET',
    url: (w) => `/v1/teams/${w.ownerTeamId}/recognition-gaps`,
    allowed: [],
  },
  { name: 'read projection status', method: 'GET', url: () => '/v1/projections', allowed: ['admin'] },
  {
    name: 'import teams and people (dry run)',
    method: 'POST',
    url: () => '/v1/directory/imports?dryRun=true',
    body: () => 'userName,displayName,team,roles,timezone\nnew@example.com,New Person,Team C,agent,UTC',
    headers: { 'content-type': 'text/csv' },
    allowed: ['admin'],
  },
  {
    name: 'import teams and people',
    method: 'POST',
    url: () => '/v1/directory/imports',
    body: () => 'userName,displayName,team,roles,timezone\nnew@example.com,New Person,Team C,agent,UTC',
    headers: { 'content-type': 'text/csv' },
    allowed: ['admin'],
  },
  { name: 'list the teams', method: 'GET', url: () => '/v1/teams', allowed: ['admin'] },
  { name: 'list the webhooks', method: 'GET', url: () => '/v1/webhooks', allowed: ['admin'] },
  {
    name: "list another team's members",
    method: 'GET',
    url: (w) => `/v1/teams/${w.ownerTeamId}/members`,
    allowed: ['admin'],
  },
  { name: 'rotate the SCIM token', method: 'POST', url: () => '/v1/directory/scim-token', allowed: ['admin'] },
  {
    name: 'create a wall token',
    method: 'POST',
    url: () => '/v1/walls/tokens',
    body: () => ({ wall: 'org', expiresInHours: 1 }),
    allowed: ['hr', 'admin'],
  },
  {
    name: 'revoke a wall token',
    method: 'DELETE',
    url: (w) => `/v1/walls/tokens/${w.objects.incident}`,
    allowed: ['hr', 'admin'],
  },
  // The directory: admins only. Last, because they move, offboard and erase the owner.
  {
    name: 'create a team',
    method: 'POST',
    url: () => '/v1/teams',
    body: () => ({ name: 'New team' }),
    allowed: ['admin'],
  },
  {
    name: 'enrol a person',
    method: 'POST',
    url: () => '/v1/people',
    body: (w) => ({ displayName: 'New Person', teamId: w.teamId, roles: ['agent'], timezone: 'UTC' }),
    allowed: ['admin'],
  },
  {
    name: 'move a person',
    method: 'POST',
    url: (w) => `/v1/people/${w.owner.personId}/move`,
    body: (w) => ({ teamId: w.teamId }),
    allowed: ['admin'],
  },
  {
    name: 'offboard a person',
    method: 'POST',
    url: (w) => `/v1/people/${w.owner.personId}/offboard`,
    allowed: ['admin'],
  },
  { name: 'erase a person', method: 'POST', url: (w) => `/v1/people/${w.owner.personId}/erase`, allowed: ['admin'] },
];

describe('authorisation matrix', () => {
  let api: TestApi;
  const world = {} as World;

  beforeAll(async () => {
    api = await startTestApi('authz_matrix', { WRITE_RATE_LIMIT_PER_MINUTE: '1000000' }, { projector: true });
    world.admin = { personId: randomUUID(), roles: ['admin'] };
    const team = async (name: string) =>
      (await api.request({ method: 'POST', url: '/v1/teams', as: world.admin, body: { name } })).body.teamId;
    world.teamId = await team('Team A');
    world.ownerTeamId = await team('Team B');
    const enrol = async (roles: Role[], teamId: string): Promise<Actor> => {
      const { body } = await api.request({
        method: 'POST',
        url: '/v1/people',
        as: world.admin,
        body: { displayName: `Person ${roles.join(' ')}`, teamId, roles, timezone: 'UTC' },
      });
      return { personId: body.personId, roles, teamId };
    };
    world.owner = await enrol(['agent'], world.ownerTeamId);
    const colleague = await enrol(['agent'], world.ownerTeamId);
    world.colleague = colleague;
    const post = (url: string, body: object) => api.request({ method: 'POST', url, as: world.owner, body });
    const sendKudos = async (visibility: string) =>
      (await post('/v1/kudos', { to: [colleague.personId], message: 'Thank you', values: ['teamwork'], visibility }))
        .body.kudosId;
    const report = await post('/v1/incidents', {
      channel: 'phone',
      kinds: ['insult'],
      severity: 'high',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      narrative: 'He kept shouting',
      supportRequested: true,
      shareNarrativeWithLead: false,
    });
    world.objects = {
      incident: report.body.incidentId,
      privateKudos: await sendKudos('private'),
      teamKudos: await sendKudos('team'),
      publicKudos: await sendKudos('public'),
    };
    const missing = Object.entries(world.objects).filter(([, id]) => !id);
    if (missing.length > 0) throw new Error(`Set-up failed to create ${missing.map(([name]) => name).join(', ')}`);
    actors = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await enrol([role], world.teamId)])),
    ) as Record<Role, Actor>;
  });
  afterAll(async () => api?.close());

  let actors: Record<Role, Actor>;
  const refusals = rows.flatMap((row) =>
    ROLES.filter((role) => !row.allowed.includes(role)).map((role) => [row.name, role, row] as const),
  );

  it.each(refusals)('refuses "%s" to %s', async (_, role, row) => {
    const response = await api.request({
      method: row.method,
      url: row.url(world),
      as: actors[role],
      body: row.body?.(world),
      headers: row.headers,
    });
    expect([403, 404]).toContain(response.status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  // The other side of each row, so a refusal cannot pass because the route itself is wrong.
  const grants = rows.flatMap((row) => row.allowed.map((role) => [row.name, role, row] as const));

  it.each(grants)('lets "%s" through for %s', async (_, role, row) => {
    const response = await api.request({
      method: row.method,
      url: row.url(world),
      as: actors[role],
      body: row.body?.(world),
      headers: row.headers,
    });
    expect({ status: response.status, body: response.body }).toMatchObject({
      status: expect.toBeWithinRange(200, 409),
    });
    expect([401, 403, 404]).not.toContain(response.status);
  });

  // The inbox is always the caller's own: no route names another person's, and no role reads it.
  const inboxOf = async (as: Actor) => {
    const response = await api.request({ method: 'GET', url: '/v1/me/inbox?limit=100', as });
    expect(response.status).toBe(200);
    return response.body.items as { id: string; kudosId?: string }[];
  };

  it.each(ROLES)("gives %s only their own inbox, and refuses to mark another person's item read", async (role) => {
    await api.projectionsCaughtUp();
    const theirs = await inboxOf(world.colleague);
    // The public kudos may be hidden by now (an admin's row above): the other two are the colleague's.
    const kudosIds = [world.objects.privateKudos, world.objects.teamKudos];
    expect(theirs.map((item) => item.kudosId)).toEqual(expect.arrayContaining(kudosIds));

    const own = await inboxOf(actors[role]);
    expect(own.filter((item) => theirs.some(({ id }) => id === item.id))).toEqual([]);
    const marked = await api.request({
      method: 'POST',
      url: '/v1/me/inbox/read',
      as: actors[role],
      body: { upTo: theirs[0].id },
    });
    expect(marked.status).toBe(400);
    expect(marked.headers['content-type']).toMatch(/^application\/problem\+json/);
    const store = api.app.get<EventStore>(EVENT_STORE);
    expect(await store.readStream(inboxStream(actors[role].personId))).toEqual([]);
  });

  // SCIM takes the SCIM token and nothing else: no person's token, whatever their role.
  const scim = (url: string, token: string) =>
    api.request({ method: 'GET', url: `/scim/v2${url}`, headers: { authorization: `Bearer ${token}` } });
  const SCIM_READS = ['/Users', '/Groups', '/ServiceProviderConfig', '/ResourceTypes', '/Schemas'];

  it.each(ROLES)('refuses /scim/v2 to the token of %s', async (role) => {
    const token = await api.tokenFor(actors[role]);
    for (const url of SCIM_READS) {
      const response = await scim(url, token);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
    }
    const write = await api.request({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${token}` },
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `${role}@example.com` },
    });
    expect(write.status).toBe(401);
  });

  it('lets the SCIM token through on /scim/v2, and nowhere else', async () => {
    const { token } = (await api.request({ method: 'POST', url: '/v1/directory/scim-token', as: world.admin })).body;
    for (const url of SCIM_READS) expect((await scim(url, token)).status).toBe(200);
    const elsewhere = await api.request({
      method: 'GET',
      url: '/v1/projections',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(elsewhere.status).toBe(401);
  });

  // Streams never end, so these go over a real socket: the wall opens to HR, admins and its own token only.
  describe('live streams', () => {
    let url: string;
    let campaignId: string;
    beforeAll(async () => {
      await api.app.listen({ port: 0, host: '127.0.0.1' });
      url = await api.app.getUrl();
      const planned = await api.request({
        method: 'POST',
        url: '/v1/campaigns',
        as: actors.hr,
        body: { kind: 'customer_service_week', name: 'Walls', year: 2031, timezone: 'UTC' },
      });
      campaignId = planned.body.campaignId;
      if (!campaignId) throw new Error(`Set-up failed to plan a campaign: ${JSON.stringify(planned.body)}`);
    });
    const open = async (path: string, as?: Actor) => {
      const client = await SseClient.open(
        `${url}${path}`,
        as ? { authorization: `Bearer ${await api.tokenFor(as)}` } : {},
      );
      client.close();
      return client.status;
    };
    const wallToken = async (wall: object) =>
      (await api.request({ method: 'POST', url: '/v1/walls/tokens', as: actors.hr, body: wall })).body;

    it.each(ROLES)('opens the walls with a bearer token only to HR and admins: %s', async (role) => {
      const expected = ['hr', 'admin'].includes(role) ? 200 : 403;
      expect(await open('/v1/walls/org/stream', actors[role])).toBe(expected);
      expect(await open(`/v1/walls/campaigns/${campaignId}/stream`, actors[role])).toBe(expected);
      expect(await open('/v1/walls/org/stream')).toBe(401);
    });

    it.each(ROLES)("gives %s their own stream and no parameter names another person's", async (role) => {
      expect(await open('/v1/me/stream', actors[role])).toBe(200);
      expect(await open(`/v1/me/stream?personId=${world.owner.personId}`, actors[role])).toBe(400);
      expect(await open('/v1/me/stream')).toBe(401);
    });

    it('lets a wall token open its own wall and nothing else: not the other wall, not the api', async () => {
      const org = await wallToken({ wall: 'org' });
      const campaign = await wallToken({ wall: 'campaign', campaignId });
      expect(await open(`/v1/walls/org/stream?token=${org.token}`)).toBe(200);
      expect(await open(`/v1/walls/campaigns/${campaignId}/stream?token=${campaign.token}`)).toBe(200);
      expect(await open(`/v1/walls/campaigns/${campaignId}/stream?token=${org.token}`)).toBe(403);
      expect(await open(`/v1/walls/org/stream?token=${campaign.token}`)).toBe(403);
      expect(await open(`/v1/me/stream?token=${org.token}`)).toBe(401);
      for (const path of ['/v1/feeds/org', '/v1/me/recognition', '/v1/projections', '/v1/walls/org/stream']) {
        const asBearer = await api.request({
          method: 'GET',
          url: path,
          headers: { authorization: `Bearer ${org.token}` },
        });
        expect({ path, status: asBearer.status }).toEqual({ path, status: 401 });
      }
      const minted = await api.request({
        method: 'POST',
        url: '/v1/walls/tokens',
        headers: { authorization: `Bearer ${org.token}` },
        body: { wall: 'org' },
      });
      expect(minted.status).toBe(401);
    });

    it('shuts a revoked wall token out, and refuses tokens for no campaign', async () => {
      const { tokenId, token } = await wallToken({ wall: 'org' });
      expect(
        (await api.request({ method: 'DELETE', url: `/v1/walls/tokens/${tokenId}`, as: actors.admin })).status,
      ).toBe(204);
      expect(await open(`/v1/walls/org/stream?token=${token}`)).toBe(401);
      const unknown = await api.request({
        method: 'POST',
        url: '/v1/walls/tokens',
        as: actors.hr,
        body: { wall: 'campaign', campaignId: randomUUID() },
      });
      expect(unknown.status).toBe(404);
      expect(
        (
          await api.request({
            method: 'POST',
            url: '/v1/walls/tokens',
            as: actors.hr,
            body: { wall: 'org', expiresInHours: 169 },
          })
        ).status,
      ).toBe(400);
    });
  });
});
