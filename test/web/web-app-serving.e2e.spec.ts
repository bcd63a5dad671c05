import { type TestApi, startTestApi } from '../support/test-api';

const ISSUER = 'http://127.0.0.1:9';

/** The api serves the built browser app (dist/web, `npm run build`) beside its own routes. */
describe('the browser app, as the api serves it', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(
      'web_serving',
      { AUTH_MODE: 'oidc', OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: 'urn:test' },
      {
        projector: true,
      },
    );
  });
  afterAll(() => api?.close());

  const get = (url: string) => api.request({ method: 'GET', url });

  it('opens the app at / and at any page the app routes itself, with an SPA’s security headers', async () => {
    for (const url of ['/', '/agent/report', '/agent/incidents/3f0c1d8e-0000-4000-8000-000000000000?tab=log']) {
      const page = await get(url);
      expect({ url, status: page.status, type: page.headers['content-type'] }).toEqual({
        url,
        status: 200,
        type: expect.stringMatching(/^text\/html/),
      });
      expect(page.body).toContain('<div id="root">');
      expect(page.headers).toMatchObject({
        'content-security-policy': expect.stringContaining(`connect-src 'self' ${ISSUER}`),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-cache',
      });
      expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    }
  });

  it('serves the built assets for good, and a missing one as a 404', async () => {
    const html = (await get('/')).body as string;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect(await get(script)).toMatchObject({
      status: 200,
      headers: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect((await get('/assets/nothing-here.js')).status).toBe(404);
  });

  it("leaves the api's own paths to the api: an unknown one is its problem+json 404, never the app", async () => {
    for (const url of ['/v1/nothing-here', '/v1', '/scim/v2/nothing', '/health/nothing', '/docs/nothing.html']) {
      const answer = await get(url);
      expect({ url, status: answer.status, html: String(answer.body).includes('id="root"') }).toEqual({
        url,
        status: 404,
        html: false,
      });
    }
    expect((await get('/v1/nothing-here')).headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await get('/health/live')).status).toBe(200);
    expect((await get('/docs-json')).body).toMatchObject({ openapi: expect.any(String) });
  });

  it('tells the app where and how to sign in', async () => {
    expect((await get('/app-config.json')).body).toEqual({
      authMode: 'oidc',
      issuer: ISSUER,
      clientId: 'frontline-web',
      audience: 'urn:test',
      scope: 'openid profile',
    });
  });

  it('tells a signed-in person who they are, as the directory has them', async () => {
    const admin = { personId: '00000000-0000-4000-8000-0000000000ad', roles: ['admin' as const] };
    const team = await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Chat' } });
    const agent = await api.enrol(['agent', 'team_lead'], team.body.teamId);
    await api.projectionsCaughtUp();
    const me = await api.request({ method: 'GET', url: '/v1/me', as: agent });
    expect(me).toMatchObject({
      status: 200,
      body: {
        personId: agent.personId,
        displayName: `Person ${agent.personId.slice(0, 8)}`,
        roles: ['agent', 'team_lead'],
        teamId: team.body.teamId,
        teamName: 'Chat',
      },
    });
    expect((await get('/v1/me')).status).toBe(401);
  });

  it('finds active colleagues by name for anyone, a few at a time, and refuses a search too short', async () => {
    const admin = { personId: '00000000-0000-4000-8000-0000000000ad', roles: ['admin' as const] };
    const team = (await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Mail' } })).body;
    const enrol = async (displayName: string) =>
      (
        await api.request({
          method: 'POST',
          url: '/v1/people',
          as: admin,
          body: { displayName, teamId: team.teamId, roles: ['agent'], timezone: 'Europe/Paris' },
        })
      ).body.personId as string;
    const chloe = await enrol('Chloé Martin');
    const marc = await enrol('Jean-Marc Dubois');
    const leaving = await enrol('Martine Leroy');
    await api.request({ method: 'POST', url: `/v1/people/${leaving}/offboard`, as: admin });
    await api.projectionsCaughtUp();
    const agent = { personId: chloe, roles: ['agent' as const], teamId: team.teamId };

    const found = await api.request({ method: 'GET', url: '/v1/people?q=mar', as: agent });
    expect(found).toMatchObject({
      status: 200,
      body: {
        items: [
          { personId: chloe, displayName: 'Chloé Martin', teamId: team.teamId, teamName: 'Mail' },
          { personId: marc, displayName: 'Jean-Marc Dubois', teamName: 'Mail' },
        ],
      },
    });
    expect((await api.request({ method: 'GET', url: '/v1/people?q=m', as: agent })).body).toMatchObject({
      status: 400,
      errors: [{ field: 'q' }],
    });
    expect((await api.request({ method: 'GET', url: '/v1/people?q=chloe' })).status).toBe(401);
  });
});
