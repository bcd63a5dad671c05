import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { type Actor, TokenVerifier } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A route that needs a token and whose answer, once past authentication, is 403 not-enrolled for a stranger. */
const PROTECTED = '/v1/wellbeing/pulse';
const PULSE = { mood: 3, energy: 3, workload: 3 };

function tokenSignedWith(key: CryptoKey, actor: Actor, claims: { iss: string; aud: string; exp?: string }) {
  return new SignJWT({ roles: actor.roles })
    .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
    .setSubject(actor.personId)
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '10m')
    .sign(key);
}

describe('bearer tokens', () => {
  let api: TestApi;
  const agent = person(['agent']);

  beforeAll(async () => (api = await startTestApi('auth_e2e')));
  afterAll(async () => api?.close());

  const callWith = (token: string | undefined, target = api) =>
    target.request({
      method: 'POST',
      url: PROTECTED,
      body: PULSE,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });

  const UNAUTHENTICATED = { status: 401, type: '/problems/unauthenticated', bodyStatus: 401 };
  const problemOf = (response: { status: number; body: { status?: number; type?: string } }) => ({
    status: response.status,
    type: response.body.type,
    bodyStatus: response.body.status,
  });

  it('lets a real dev token through (the control for every refusal below)', async () => {
    const response = await callWith(await api.tokenFor(agent));
    // Past authentication: the stranger is then refused by the wellbeing rules, not by the guard.
    expect(response.body).toMatchObject({ status: 403, type: '/problems/not-enrolled' });
  });

  it('refuses a request without a token, or with another scheme', async () => {
    expect(problemOf(await callWith(undefined))).toEqual(UNAUTHENTICATED);
    const basic = await api.request({
      method: 'POST',
      url: PROTECTED,
      body: PULSE,
      headers: { authorization: `Basic ${base64url('agent:secret')}` },
    });
    expect(problemOf(basic)).toEqual(UNAUTHENTICATED);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      sub: agent.personId,
      roles: ['admin'],
      iss: 'frontline-dev',
      aud: 'frontline',
      iat: now,
      exp: now + 600,
    };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    expect(problemOf(await callWith(unsigned))).toEqual(UNAUTHENTICATED);
  });

  it('refuses a token signed by another key, with the right issuer and audience', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    expect(
      problemOf(await callWith(await tokenSignedWith(privateKey, agent, { iss: 'frontline-dev', aud: 'frontline' }))),
    ).toEqual(UNAUTHENTICATED);
    expect(
      problemOf(await callWith(await tokenSignedWith(privateKey, agent, { iss: 'someone-else', aud: 'frontline' }))),
    ).toEqual(UNAUTHENTICATED);
    expect(
      problemOf(await callWith(await tokenSignedWith(privateKey, agent, { iss: 'frontline-dev', aud: 'other' }))),
    ).toEqual(UNAUTHENTICATED);
  });

  it('refuses a real token whose payload was changed', async () => {
    const [header, payload, signature] = (await api.tokenFor(agent)).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = `${header}.${base64url({ ...claims, roles: ['admin'] })}.${signature}`;
    expect(problemOf(await callWith(promoted))).toEqual(UNAUTHENTICATED);

    // One character changed in place.
    const flipped = payload[5] === 'A' ? 'B' : 'A';
    expect(
      problemOf(await callWith(`${header}.${payload.slice(0, 5)}${flipped}${payload.slice(6)}.${signature}`)),
    ).toEqual(UNAUTHENTICATED);
  });

  it('refuses an expired token', async () => {
    const expired = await api.app.get(TokenVerifier).signDevToken(agent, '-1s');
    expect(JSON.parse(Buffer.from(expired.split('.')[1], 'base64url').toString()).exp * 1000).toBeLessThan(Date.now());
    expect(problemOf(await callWith(expired))).toEqual(UNAUTHENTICATED);
  });

  describe('in AUTH_MODE=jwks', () => {
    let jwksApi: TestApi;
    let jwks: Server;
    let issuerKey: CryptoKey;
    const issuer = 'https://issuer.example';
    /** The configured first admin, unknown to the directory at first. */
    const bootstrap = person([]);

    // A JWKS of our own, so that the issuer and audience checks are shown with a key the api trusts.
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256', { extractable: true });
      issuerKey = pair.privateKey;
      const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
      jwks = createServer((_, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ keys: [publicJwk] }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      const { port } = jwks.address() as AddressInfo;
      jwksApi = await startTestApi('auth_jwks_e2e', {
        AUTH_MODE: 'jwks',
        JWKS_URL: `http://127.0.0.1:${port}/jwks`,
        JWT_ISSUER: issuer,
        JWT_AUDIENCE: 'frontline',
        PSEUDONYM_SECRET: 'a-test-secret-that-is-long-enough-000000',
        API_MAC_SECRET: 'another-test-secret-that-is-long-enough-0',
        BOOTSTRAP_ADMIN_ID: bootstrap.personId,
      });
    });
    afterAll(async () => {
      await jwksApi?.close();
      await new Promise((resolve) => jwks?.close(resolve));
    });

    it('has no dev token endpoint', async () => {
      const response = await jwksApi.request({
        method: 'POST',
        url: '/v1/dev/tokens',
        body: { sub: agent.personId, roles: ['admin'] },
      });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ type: '/problems/not-found' });
    });

    it("accepts the issuer's token and refuses a wrong issuer, a wrong audience, or an expired one", async () => {
      const good = await tokenSignedWith(issuerKey, agent, { iss: issuer, aud: 'frontline' });
      expect((await callWith(good, jwksApi)).body).toMatchObject({ status: 403, type: '/problems/not-enrolled' });

      const wrongIssuer = await tokenSignedWith(issuerKey, agent, { iss: 'https://evil.example', aud: 'frontline' });
      expect(problemOf(await callWith(wrongIssuer, jwksApi))).toEqual(UNAUTHENTICATED);
      const wrongAudience = await tokenSignedWith(issuerKey, agent, { iss: issuer, aud: 'another-api' });
      expect(problemOf(await callWith(wrongAudience, jwksApi))).toEqual(UNAUTHENTICATED);
      const expired = await tokenSignedWith(issuerKey, agent, { iss: issuer, aud: 'frontline', exp: '-1s' });
      expect(problemOf(await callWith(expired, jwksApi))).toEqual(UNAUTHENTICATED);
    });

    it('lets the bootstrap admin set the organisation up until enrolled, and nobody else the directory does not know', async () => {
      const as = async (actor: Actor) => ({
        authorization: `Bearer ${await tokenSignedWith(issuerKey, actor, { iss: issuer, aud: 'frontline' })}`,
      });
      const post = async (actor: Actor, url: string, body: object) =>
        jwksApi.request({ method: 'POST', url, body, headers: await as(actor) });
      const teamBy = async (actor: Actor) => post(actor, '/v1/teams', { name: 'Phones' });

      // A stranger's token claiming admin is refused: the directory does not know them.
      expect((await teamBy(person(['admin']))).body).toMatchObject({ status: 403, type: '/problems/not-enrolled' });
      const { body: team } = await teamBy(bootstrap);
      expect(team).toMatchObject({ teamId: expect.any(String) });
      const enrol = (actor: Actor, roles: string[]) =>
        post(bootstrap, '/v1/people', {
          personId: actor.personId,
          displayName: 'Someone',
          teamId: team.teamId,
          roles,
          timezone: 'UTC',
        });
      const newcomer = person(['admin']);
      expect((await enrol(newcomer, ['agent'])).status).toBe(201);
      // The directory enrols the newcomer as an agent: their token's admin claim counts for nothing.
      expect((await teamBy(newcomer)).body).toMatchObject({ status: 403, type: '/problems/forbidden' });
      expect((await post(newcomer, PROTECTED, PULSE)).status).toBe(201);
      // Once enrolled, the bootstrap admin is what the directory says too.
      expect((await enrol(bootstrap, ['agent'])).status).toBe(201);
      expect((await teamBy(bootstrap)).body).toMatchObject({ status: 403, type: '/problems/forbidden' });
    });

    it('refuses dev tokens and unsigned tokens', async () => {
      expect(problemOf(await callWith(await api.tokenFor(agent), jwksApi))).toEqual(UNAUTHENTICATED);
      const now = Math.floor(Date.now() / 1000);
      const payload = { sub: agent.personId, roles: ['admin'], iss: issuer, aud: 'frontline', exp: now + 600 };
      expect(
        problemOf(await callWith(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`, jwksApi)),
      ).toEqual(UNAUTHENTICATED);
    });
  });
});
