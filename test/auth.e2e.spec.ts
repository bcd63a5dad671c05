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

  describe('in AUTH_MODE=oidc, in production', () => {
    let oidcApi: TestApi;
    let provider: Server;
    let issuerKey: CryptoKey;
    let issuer: string;
    /** The configured first admin, unknown to the directory at first: an identity, not a person id. */
    const bootstrap = 'first.admin@example.com';
    const identityOf = (sub: string): Actor => ({ personId: sub, roles: [] });

    // An OpenID Provider of our own (discovery document and JWKS), so that every check is shown with a key the api trusts.
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256', { extractable: true });
      issuerKey = pair.privateKey;
      const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
      provider = createServer((request, response) => {
        response.setHeader('content-type', 'application/json');
        if (request.url === '/.well-known/openid-configuration')
          response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
        else response.end(JSON.stringify({ keys: [publicJwk] }));
      });
      await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
      issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
      oidcApi = await startTestApi('auth_oidc_e2e', {
        FRONTLINE_ENV: 'production',
        PSEUDONYM_SECRET: 'a-test-secret-that-is-long-enough-000000',
        API_MAC_SECRET: 'another-test-secret-that-is-long-enough-0',
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'frontline',
        BOOTSTRAP_ADMIN_ID: bootstrap,
      });
    });
    afterAll(async () => {
      await oidcApi?.close();
      await new Promise((resolve) => provider?.close(resolve));
    });

    const tokenFor = (sub: string, claims: { iss?: string; aud?: string; exp?: string } = {}) =>
      tokenSignedWith(issuerKey, identityOf(sub), { iss: issuer, aud: 'frontline', ...claims });
    const post = async (sub: string, url: string, body: object) =>
      oidcApi.request({ method: 'POST', url, body, headers: { authorization: `Bearer ${await tokenFor(sub)}` } });

    it('has no dev token endpoint', async () => {
      const response = await oidcApi.request({
        method: 'POST',
        url: '/v1/dev/tokens',
        body: { sub: agent.personId, roles: ['admin'] },
      });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ type: '/problems/not-found' });
    });

    it("accepts the issuer's token and refuses a wrong issuer, a wrong audience, or an expired one", async () => {
      const good = await tokenFor('nobody@example.com');
      expect((await callWith(good, oidcApi)).body).toMatchObject({
        status: 403,
        type: '/problems/not-enrolled',
        title: expect.stringMatching(/does not know you/),
      });
      const wrongIssuer = await tokenFor('nobody@example.com', { iss: 'https://evil.example' });
      expect(problemOf(await callWith(wrongIssuer, oidcApi))).toEqual(UNAUTHENTICATED);
      const wrongAudience = await tokenFor('nobody@example.com', { aud: 'another-api' });
      expect(problemOf(await callWith(wrongAudience, oidcApi))).toEqual(UNAUTHENTICATED);
      const expired = await tokenFor('nobody@example.com', { exp: '-1s' });
      expect(problemOf(await callWith(expired, oidcApi))).toEqual(UNAUTHENTICATED);
    });

    it('signs in whoever the directory links to the identity, with the roles and team the directory gives, until offboarded', async () => {
      const teamBy = async (sub: string) => post(sub, '/v1/teams', { name: 'Phones' });
      // A stranger is refused; the bootstrap identity sets the organisation up.
      expect((await teamBy('stranger@example.com')).body).toMatchObject({
        status: 403,
        type: '/problems/not-enrolled',
      });
      const { body: team } = await teamBy(bootstrap);
      expect(team).toMatchObject({ teamId: expect.any(String) });
      const enrol = (userName: string, roles: string[]) =>
        post(bootstrap, '/v1/people', {
          displayName: 'Someone',
          teamId: team.teamId,
          roles,
          timezone: 'UTC',
          userName,
        });

      // A provider's subject is any string, not a UUID; it is matched without regard to case.
      const subject = 'auth0|00u1abcd2EFGH3ijk4l5';
      const { body: newcomer } = await enrol(subject, ['agent']);
      expect(newcomer).toEqual({ personId: expect.any(String) });
      expect(newcomer.personId).not.toBe(subject);
      // The token's own roles count for nothing: the directory made them an agent.
      expect((await teamBy(subject)).body).toMatchObject({ status: 403, type: '/problems/forbidden' });
      expect((await post(subject.toUpperCase(), PROTECTED, PULSE)).status).toBe(201);

      // One identity, one person.
      expect((await enrol(subject, ['agent'])).body).toMatchObject({ status: 409, type: '/problems/identity-taken' });

      // Offboarding counts on the very next request.
      const token = await tokenFor(subject);
      expect(
        (
          await oidcApi.request({
            method: 'GET',
            url: '/v1/me/wellbeing',
            headers: { authorization: `Bearer ${token}` },
          })
        ).status,
      ).toBe(200);
      expect((await post(bootstrap, `/v1/people/${newcomer.personId}/offboard`, {})).status).toBe(200);
      const after = await oidcApi.request({
        method: 'GET',
        url: '/v1/me/wellbeing',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(after.body).toMatchObject({
        status: 403,
        type: '/problems/not-enrolled',
        title: expect.stringMatching(/has left/),
      });

      // Once enrolled, the bootstrap admin is what the directory says too.
      expect((await enrol(bootstrap, ['agent'])).status).toBe(201);
      expect((await teamBy(bootstrap)).body).toMatchObject({ status: 403, type: '/problems/forbidden' });
    });

    it('refuses dev tokens, unsigned tokens, and tokens without the identity claim', async () => {
      expect(problemOf(await callWith(await api.tokenFor(agent), oidcApi))).toEqual(UNAUTHENTICATED);
      const now = Math.floor(Date.now() / 1000);
      const payload = { sub: bootstrap, roles: ['admin'], iss: issuer, aud: 'frontline', exp: now + 600 };
      expect(
        problemOf(await callWith(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`, oidcApi)),
      ).toEqual(UNAUTHENTICATED);
      const noSubject = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setIssuer(issuer)
        .setAudience('frontline')
        .setExpirationTime('10m')
        .sign(issuerKey);
      expect(problemOf(await callWith(noSubject, oidcApi))).toEqual(UNAUTHENTICATED);
    });

    it('matches another claim to the external id when so configured (Entra ID: oid)', async () => {
      const entra = await startTestApi('auth_oidc_oid_e2e', {
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'frontline',
        OIDC_IDENTITY_CLAIM: 'oid',
        OIDC_IDENTITY_MATCHES: 'externalId',
        BOOTSTRAP_ADMIN_ID: bootstrap,
      });
      try {
        const signed = (claims: object) =>
          new SignJWT({ ...claims })
            .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
            .setIssuer(issuer)
            .setAudience('frontline')
            .setExpirationTime('10m')
            .sign(issuerKey);
        const as = async (claims: object) => ({ authorization: `Bearer ${await signed(claims)}` });
        const admin = await as({ sub: 'x', oid: bootstrap });
        const { body: team } = await entra.request({
          method: 'POST',
          url: '/v1/teams',
          body: { name: 'Chat' },
          headers: admin,
        });
        const oid = '8f3c1a2b-0000-4000-8000-00000000e1d1';
        const enrolled = await entra.request({
          method: 'POST',
          url: '/v1/people',
          headers: admin,
          body: {
            displayName: 'Ola',
            teamId: team.teamId,
            roles: ['agent'],
            timezone: 'UTC',
            userName: 'ola@contoso.com',
            externalId: oid,
          },
        });
        expect(enrolled.status).toBe(201);
        const pulse = (headers: Record<string, string>) =>
          entra.request({ method: 'POST', url: PROTECTED, body: PULSE, headers });
        expect((await pulse(await as({ sub: 'pairwise-subject', oid }))).status).toBe(201);
        // Their user name in the oid claim is not their external id.
        expect((await pulse(await as({ sub: oid, oid: 'ola@contoso.com' }))).body).toMatchObject({ status: 403 });
      } finally {
        await entra.close();
      }
    });
  });
});
