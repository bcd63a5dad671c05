import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Actor, ROLES, type Role, TokenVerifier } from '@frontline/platform';
import { createApiApp } from '../apps/api/src/api.app';
import { type TestApi, type TestResponse, person, startTestApi } from './support/test-api';

/**
 * The token says who someone is; the directory says what they may do. On every route of the
 * api, a token whose `roles` or `teamId` disagree with the directory gets exactly what the
 * directory grants: everyone below is enrolled with one role in team A, and tries objects of
 * an agent of team B with their honest token, with a token claiming every role and team B,
 * and with one claiming nothing.
 */
interface World {
  teamA: string;
  teamB: string;
  /** An agent of team B, who reported an incident (narrative shared with the lead) and sent kudos. */
  owner: Actor;
  colleague: Actor;
  /** Someone of team B the admin rows move, offboard and erase. */
  subject: Actor;
  incidentId: string;
  kudos: Record<'private' | 'team' | 'public', string>;
  webhookId: string;
  campaignId: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route as the OpenAPI document names it, so the table can be checked against the document. */
  route: string;
  url: (w: World) => string;
  body?: (w: World) => unknown;
  headers?: Record<string, string>;
  /** Directory roles that may do this to objects of someone in another team; 'everyone' for one's own things. */
  allowed: Role[] | 'everyone';
  /** A read whose answer moves on its own (lag, checkpoints): compared by status, not body. */
  statusOnly?: boolean;
}

/** Open without a token: the directory is not asked. */
// The health probes are left out of the OpenAPI document, as /metrics is.
const PUBLIC_ROUTES = ['POST /v1/dev/tokens'];
/** Live streams never end under inject; their guard is the one every route has, and test/live-streams and the authorization matrix open them over a socket. */
const STREAM_ROUTES = ['GET /v1/me/stream', 'GET /v1/walls/org/stream', 'GET /v1/walls/campaigns/{id}/stream'];

const RANGE = 'from=2026-01-01&to=2026-03-31&interval=month';
const incident = (w: World, action = '') => `/v1/incidents/${w.incidentId}${action}`;
const kudos = (w: World, which: keyof World['kudos'], action = '') => `/v1/kudos/${w.kudos[which]}${action}`;

// Reads first, while the log stands still after the set-up, so that answers can be compared whole.
const reads: Row[] = [
  { method: 'GET', route: '/v1/incidents/{id}', url: (w) => incident(w), allowed: ['wellbeing_officer'] },
  { method: 'GET', route: '/v1/incidents', url: () => '/v1/incidents', allowed: ['team_lead', 'wellbeing_officer'] },
  {
    method: 'GET',
    route: '/v1/incidents',
    url: (w) => `/v1/incidents?teamId=${w.teamB}`,
    allowed: ['wellbeing_officer'],
  },
  { method: 'GET', route: '/v1/me/incidents', url: () => '/v1/me/incidents', allowed: 'everyone' },
  // The reporter's alone: the officer who may read the incident may not read who else did.
  {
    method: 'GET',
    route: '/v1/me/incidents/{id}/access-log',
    url: (w) => `/v1/me/incidents/${w.incidentId}/access-log`,
    allowed: [],
  },
  { method: 'GET', route: '/v1/repeat-abusers', url: () => '/v1/repeat-abusers', allowed: ['wellbeing_officer'] },
  ...(['abuse', 'wellbeing', 'recognition'] as const).map((dashboard): Row => ({
    method: 'GET',
    route: `/v1/dashboards/${dashboard}`,
    url: () => `/v1/dashboards/${dashboard}?${RANGE}${dashboard === 'recognition' ? '' : '&groupBy=team'}`,
    allowed: ['hr', 'admin'],
  })),
  { method: 'GET', route: '/v1/me', url: () => '/v1/me', allowed: 'everyone' },
  { method: 'GET', route: '/v1/me/inbox', url: () => '/v1/me/inbox', allowed: 'everyone', statusOnly: true },
  { method: 'GET', route: '/v1/campaigns', url: () => '/v1/campaigns', allowed: ['hr', 'admin'], statusOnly: true },
  { method: 'GET', route: '/v1/teams', url: () => '/v1/teams', allowed: ['admin'] },
  {
    method: 'GET',
    route: '/v1/teams/{teamId}/members',
    url: (w) => `/v1/teams/${w.teamB}/members`,
    allowed: ['admin'],
  },
  { method: 'GET', route: '/v1/webhooks', url: () => '/v1/webhooks', allowed: ['admin'], statusOnly: true },
  { method: 'GET', route: '/v1/people', url: () => '/v1/people?q=pe', allowed: 'everyone' },
  { method: 'GET', route: '/v1/me/wellbeing', url: () => '/v1/me/wellbeing', allowed: 'everyone' },
  { method: 'GET', route: '/v1/me/recognition', url: () => '/v1/me/recognition', allowed: 'everyone' },
  { method: 'GET', route: '/v1/feeds/org', url: () => '/v1/feeds/org', allowed: 'everyone' },
  // Everyone may open a team's feed; what is in it for them (team kudos) is compared whole.
  { method: 'GET', route: '/v1/feeds/teams/{teamId}', url: (w) => `/v1/feeds/teams/${w.teamB}`, allowed: 'everyone' },
  {
    method: 'GET',
    route: '/v1/feeds/people/{personId}',
    url: (w) => `/v1/feeds/people/${w.owner.personId}`,
    allowed: 'everyone',
  },
  {
    method: 'GET',
    route: '/v1/teams/{teamId}/recognition-gaps',
    url: (w) => `/v1/teams/${w.teamA}/recognition-gaps`,
    allowed: ['team_lead'],
  },
  {
    method: 'GET',
    route: '/v1/teams/{teamId}/recognition-gaps',
    url: (w) => `/v1/teams/${w.teamB}/recognition-gaps`,
    allowed: [],
  },
  // A campaign still being planned is for HR and admins.
  { method: 'GET', route: '/v1/campaigns/{id}', url: (w) => `/v1/campaigns/${w.campaignId}`, allowed: ['hr', 'admin'] },
  { method: 'GET', route: '/v1/projections', url: () => '/v1/projections', allowed: ['admin'], statusOnly: true },
  // Bull Board's routes are Fastify's, outside the document and Nest's guards.
  { method: 'GET', route: '/queues', url: () => '/queues', allowed: ['admin'], statusOnly: true },
];

const writes: Row[] = [
  {
    method: 'POST',
    route: '/v1/incidents',
    url: () => '/v1/incidents',
    body: () => ({
      channel: 'chat',
      kinds: ['insult'],
      severity: 'low',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      supportRequested: false,
      shareNarrativeWithLead: false,
    }),
    allowed: 'everyone',
  },
  {
    method: 'POST',
    route: '/v1/incidents/{id}/acknowledge',
    url: (w) => incident(w, '/acknowledge'),
    allowed: ['wellbeing_officer'],
  },
  {
    method: 'POST',
    route: '/v1/incidents/{id}/support-offers',
    url: (w) => incident(w, '/support-offers'),
    body: () => ({ kind: 'debrief' }),
    allowed: ['wellbeing_officer'],
  },
  {
    method: 'POST',
    route: '/v1/incidents/{id}/support-offers/{kind}/accept',
    url: (w) => incident(w, '/support-offers/debrief/accept'),
    allowed: [],
  },
  {
    method: 'POST',
    route: '/v1/incidents/{id}/support-offers/{kind}/decline',
    url: (w) => incident(w, '/support-offers/debrief/decline'),
    allowed: [],
  },
  {
    method: 'POST',
    route: '/v1/incidents/{id}/recovery-break',
    url: (w) => incident(w, '/recovery-break'),
    body: () => ({ minutes: 15 }),
    allowed: [],
  },
  {
    method: 'POST',
    route: '/v1/incidents/{id}/customer-actions',
    url: (w) => incident(w, '/customer-actions'),
    body: () => ({ action: 'warning_sent' }),
    allowed: ['wellbeing_officer'],
  },
  { method: 'POST', route: '/v1/incidents/{id}/withdraw', url: (w) => incident(w, '/withdraw'), allowed: [] },
  {
    method: 'POST',
    route: '/v1/incidents/{id}/close',
    url: (w) => incident(w, '/close'),
    body: () => ({ outcome: 'resolved' }),
    allowed: ['wellbeing_officer'],
  },
  {
    method: 'PUT',
    route: '/v1/contact-volumes',
    url: () => '/v1/contact-volumes',
    body: (w) => ({ rows: [{ teamId: w.teamB, date: '2026-01-05', channel: 'phone', contacts: 10 }] }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/kudos',
    url: () => '/v1/kudos',
    body: (w) => ({ to: [w.owner.personId], message: 'Thank you', values: ['teamwork'], visibility: 'public' }),
    allowed: 'everyone',
  },
  {
    method: 'POST',
    route: '/v1/kudos/{id}/reactions',
    url: (w) => kudos(w, 'team', '/reactions'),
    body: () => ({ emoji: '🎉' }),
    allowed: [],
  },
  {
    method: 'DELETE',
    route: '/v1/kudos/{id}/reactions/{emoji}',
    url: (w) => kudos(w, 'private', '/reactions/%F0%9F%8E%89'),
    allowed: [],
  },
  { method: 'POST', route: '/v1/kudos/{id}/retract', url: (w) => kudos(w, 'team', '/retract'), allowed: [] },
  {
    method: 'POST',
    route: '/v1/kudos/{id}/hide',
    url: (w) => kudos(w, 'public', '/hide'),
    body: () => ({ reason: 'off-topic' }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/praise',
    url: () => '/v1/praise',
    body: (w) => ({ agentId: w.owner.personId, source: 'call', quote: 'Sorted it in minutes' }),
    allowed: ['team_lead', 'admin'],
  },
  {
    method: 'POST',
    route: '/v1/wellbeing/activities',
    url: () => '/v1/wellbeing/activities',
    body: () => ({ kind: 'walk', minutes: 10, occurredOn: new Date().toISOString().slice(0, 10) }),
    allowed: 'everyone',
  },
  {
    method: 'POST',
    route: '/v1/wellbeing/pulse',
    url: () => '/v1/wellbeing/pulse',
    body: () => ({ mood: 3, energy: 3, workload: 3 }),
    allowed: 'everyone',
  },
  {
    method: 'POST',
    route: '/v1/campaigns',
    url: () => '/v1/campaigns',
    body: () => ({ kind: 'customer_service_week', name: 'CSW', year: 2031, timezone: 'UTC' }),
    allowed: ['hr'],
  },
  {
    method: 'POST',
    route: '/v1/campaigns/{id}/cancel',
    url: (w) => `/v1/campaigns/${w.campaignId}/cancel`,
    allowed: ['hr'],
  },
  {
    method: 'POST',
    route: '/v1/webhooks',
    url: () => '/v1/webhooks',
    body: () => ({ url: 'http://127.0.0.1:9/hook', eventTypes: ['AnnouncementPublished'] }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/webhooks/{id}/rotate',
    url: (w) => `/v1/webhooks/${w.webhookId}/rotate`,
    allowed: ['admin'],
  },
  { method: 'DELETE', route: '/v1/webhooks/{id}', url: (w) => `/v1/webhooks/${w.webhookId}`, allowed: ['admin'] },
  {
    method: 'POST',
    route: '/v1/me/inbox/read',
    url: () => '/v1/me/inbox/read',
    // Nobody's item: a 400 for everyone, never a refusal.
    body: () => ({ upTo: 'pg:00000000000000000001-00000000000000000001.00' }),
    allowed: 'everyone',
  },
  {
    method: 'POST',
    route: '/v1/walls/tokens',
    url: () => '/v1/walls/tokens',
    body: () => ({ wall: 'org', expiresInHours: 1 }),
    allowed: ['hr', 'admin'],
  },
  {
    method: 'DELETE',
    route: '/v1/walls/tokens/{tokenId}',
    url: (w) => `/v1/walls/tokens/${w.incidentId}`,
    allowed: ['hr', 'admin'],
  },
  {
    method: 'POST',
    route: '/v1/teams',
    url: () => '/v1/teams',
    body: () => ({ name: 'New team' }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/directory/imports',
    url: () => '/v1/directory/imports?dryRun=true',
    body: () => 'userName,displayName,team,roles,timezone\nnew@example.com,New Person,Team Z,agent,UTC',
    headers: { 'content-type': 'text/csv' },
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/directory/scim-token',
    url: () => '/v1/directory/scim-token',
    allowed: ['admin'],
    statusOnly: true,
  },
  {
    method: 'POST',
    route: '/v1/people',
    url: () => '/v1/people',
    body: (w) => ({ displayName: 'New Person', teamId: w.teamA, roles: ['agent'], timezone: 'UTC' }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/people/{id}/move',
    url: (w) => `/v1/people/${w.subject.personId}/move`,
    body: (w) => ({ teamId: w.teamA }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/people/{id}/offboard',
    url: (w) => `/v1/people/${w.subject.personId}/offboard`,
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/people/{id}/erase',
    url: (w) => `/v1/people/${w.subject.personId}/erase`,
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/v1/projections/{name}/rebuild',
    url: () => '/v1/projections/repeatAbusers/rebuild',
    allowed: ['admin'],
  },
];

/** Names the objects in test titles, which are written before the world exists. */
const EXAMPLE: World = {
  teamA: '{teamA}',
  teamB: '{teamB}',
  owner: { personId: '{owner}', roles: ['agent'] },
  colleague: { personId: '{colleague}', roles: ['agent'] },
  subject: { personId: '{subject}', roles: ['agent'] },
  incidentId: '{incident}',
  kudos: { private: '{privateKudos}', team: '{teamKudos}', public: '{publicKudos}' },
  webhookId: '{webhook}',
  campaignId: '{campaign}',
};

/** A read either answers, or refuses without telling more (403 or 404). */
const outcomeOf = (status: number) =>
  status >= 200 && status < 300 ? 'granted' : [403, 404].includes(status) ? 'refused' : `answered ${status}`;

const mayDo = (row: Row, role: Role) => row.allowed === 'everyone' || row.allowed.includes(role);

/** Tokens for someone enrolled as `role` in team A: honest, claiming everything and team B, claiming nothing. */
const tokensOf = (enrolled: Actor, world: World) => ({
  honest: enrolled,
  'every role and team B': { personId: enrolled.personId, roles: [...ROLES], teamId: world.teamB },
  'no role and no team': { personId: enrolled.personId, roles: [] },
});

// Many people and a projector to catch up, on a machine that may be busy with other suites.
const SET_UP_MS = 120_000;

describe('the directory is the one authority for roles and team', () => {
  let api: TestApi;
  const world = {} as World;
  let enrolled: Record<Role, Actor>;

  beforeAll(async () => {
    api = await startTestApi(
      'directory_authority',
      { WRITE_RATE_LIMIT_PER_MINUTE: '1000000', WEBHOOK_ALLOW_PRIVATE: 'true' },
      { projector: true },
    );
    // Unknown to the directory: in dev mode their token's roles stand (README, design notes).
    const root = person(['admin']);
    const created = async (response: Promise<TestResponse>, field: string): Promise<string> => {
      const { status, body } = await response;
      if (!body?.[field]) throw new Error(`Set-up failed (${status}): ${JSON.stringify(body)}`);
      return body[field];
    };
    const post = (as: Actor, url: string, body?: unknown) => api.request({ method: 'POST', url, as, body });
    world.teamA = await created(post(root, '/v1/teams', { name: 'Team A' }), 'teamId');
    world.teamB = await created(post(root, '/v1/teams', { name: 'Team B' }), 'teamId');
    const enrol = async (roles: Role[], teamId: string): Promise<Actor> => {
      const body = { displayName: `Person ${roles.join(' ')}`, teamId, roles, timezone: 'UTC' };
      return { personId: await created(post(root, '/v1/people', body), 'personId'), roles, teamId };
    };
    world.owner = await enrol(['agent'], world.teamB);
    world.colleague = await enrol(['agent'], world.teamB);
    world.subject = await enrol(['agent'], world.teamB);
    enrolled = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await enrol([role], world.teamA)])),
    ) as Record<Role, Actor>;

    world.incidentId = await created(
      post(world.owner, '/v1/incidents', {
        channel: 'phone',
        kinds: ['insult'],
        severity: 'high',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        narrative: 'He kept shouting',
        supportRequested: true,
        shareNarrativeWithLead: true,
      }),
      'incidentId',
    );
    const send = (visibility: string) =>
      created(
        post(world.owner, '/v1/kudos', {
          to: [world.colleague.personId],
          message: 'Thanks',
          values: ['teamwork'],
          visibility,
        }),
        'kudosId',
      );
    world.kudos = { private: await send('private'), team: await send('team'), public: await send('public') };
    world.webhookId = await created(
      post(root, '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes: ['AnnouncementPublished'] }),
      'webhookId',
    );
    world.campaignId = await created(
      post(enrolled.hr, '/v1/campaigns', { kind: 'customer_service_week', name: 'CSW', year: 2030, timezone: 'UTC' }),
      'campaignId',
    );
    await api.projectionsCaughtUp();
  }, SET_UP_MS);
  afterAll(async () => {
    // The write rows keep the projector busy, and one starts a rebuild: closing the projector
    // under them rejects its pending Redis commands, which jest then reports against every test.
    await api?.projectionsCaughtUp();
    await rebuildsFinished();
    await api?.close();
  });

  it('has a row for every operation of the OpenAPI document, and no row for one it lacks', async () => {
    const { body: document } = await api.request({ method: 'GET', url: '/docs-json' });
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const tabled = [...reads, ...writes]
      .filter((row) => row.route !== '/queues')
      .map((row) => `${row.method} ${row.route}`);
    expect([...new Set([...tabled, ...PUBLIC_ROUTES, ...STREAM_ROUTES])].sort()).toEqual(
      [...new Set(documented)].sort(),
    );
  });

  const cases = (rows: Row[]) =>
    rows.flatMap((row) => ROLES.map((role) => [`${row.method} ${row.url(EXAMPLE)}`, role, row] as const));

  async function rebuildsFinished(deadline = Date.now() + 30_000): Promise<void> {
    const admin = enrolled?.admin;
    if (!admin) return;
    while (Date.now() < deadline) {
      const { body } = await api.request({ method: 'GET', url: '/v1/projections', as: admin });
      if (!body.projections?.some((projection: { rebuilding?: unknown }) => projection.rebuilding)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const ask = (row: Row, as: Actor) =>
    api.request({ method: row.method, url: row.url(world), as, body: row.body?.(world), headers: row.headers });

  it.each(cases(reads))(
    '%s: whatever their token claims, an enrolled %s reads what the directory grants',
    async (_, role, row) => {
      const tokens = tokensOf(enrolled[role], world);
      const answers = [];
      for (const [token, as] of Object.entries(tokens)) {
        const { status, body } = await ask(row, as);
        answers.push({ token, status, ...(row.statusOnly ? {} : { body }) });
      }
      const honest = answers[0];
      expect(answers).toEqual(Object.keys(tokens).map((token) => ({ ...honest, token })));
      expect(outcomeOf(honest.status)).toBe(mayDo(row, role) ? 'granted' : 'refused');
    },
  );

  it.each(cases(writes))(
    '%s: whatever their token claims, an enrolled %s does what the directory grants',
    async (_, role, row) => {
      for (const [token, as] of Object.entries(tokensOf(enrolled[role], world))) {
        const { status, headers } = await ask(row, as);
        const refused = [401, 403, 404].includes(status);
        const asProblem = /^application\/problem\+json/.test(String(headers['content-type']));
        expect({ token, refused, refusedAsProblem: refused && asProblem }).toEqual({
          token,
          refused: !mayDo(row, role),
          refusedAsProblem: !mayDo(row, role),
        });
      }
    },
  );

  describe('a change to the directory counts from the next request, on every api instance', () => {
    let other: NestFastifyApplication;
    // A second api on the same database and Redis, as behind a load balancer; it signs its own dev tokens.
    beforeAll(async () => {
      other = await createApiApp(api.config);
      await other.init();
      await other.getHttpAdapter().getInstance().ready();
    });
    afterAll(async () => other?.close());

    const onBoth = async (as: Actor, url: string) => {
      const here = await api.request({ method: 'GET', url, as });
      const token = await other.get(TokenVerifier).signDevToken(as);
      const there = await other.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      return [here, { status: there.statusCode, body: there.json() }].map(({ status, body }) => ({
        status,
        type: body?.type,
      }));
    };
    const admin = () => enrolled.admin;

    it('refuses someone offboarded with a problem that says so', async () => {
      const leaving = { ...(await enrolAgent()), roles: ['admin' as const] };
      expect(await onBoth(leaving, '/v1/me/wellbeing')).toEqual([
        { status: 200, type: undefined },
        { status: 200, type: undefined },
      ]);
      await api.request({ method: 'POST', url: `/v1/people/${leaving.personId}/offboard`, as: admin() });
      expect(await onBoth(leaving, '/v1/me/wellbeing')).toEqual([
        { status: 403, type: '/problems/not-enrolled' },
        { status: 403, type: '/problems/not-enrolled' },
      ]);
      const { body } = await api.request({ method: 'GET', url: '/v1/me/wellbeing', as: leaving });
      expect(body.title).toMatch(/has left/);
    });

    it("gives a lead who moved the new team's queue, not the old one's", async () => {
      const { body } = await api.request({
        method: 'POST',
        url: '/v1/people',
        as: admin(),
        body: { displayName: 'Moving lead', teamId: world.teamA, roles: ['team_lead'], timezone: 'UTC' },
      });
      const lead: Actor = { personId: body.personId, roles: ['team_lead'], teamId: world.teamA };
      const queueOf = (teamId: string) => onBoth(lead, `/v1/incidents?teamId=${teamId}`);
      expect((await queueOf(world.teamA)).map(({ status }) => status)).toEqual([200, 200]);
      await api.request({
        method: 'POST',
        url: `/v1/people/${lead.personId}/move`,
        as: admin(),
        body: { teamId: world.teamB },
      });
      expect((await queueOf(world.teamA)).map(({ status }) => status)).toEqual([403, 403]);
      expect((await queueOf(world.teamB)).map(({ status }) => status)).toEqual([200, 200]);
    });

    async function enrolAgent(): Promise<Actor> {
      const { body } = await api.request({
        method: 'POST',
        url: '/v1/people',
        as: admin(),
        body: { displayName: 'Leaving soon', teamId: world.teamA, roles: ['agent'], timezone: 'UTC' },
      });
      return { personId: body.personId, roles: ['agent'], teamId: world.teamA };
    }
  });
});
