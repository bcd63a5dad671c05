import { spawnSync } from 'node:child_process';
import { CommandBus } from '@nestjs/cqrs';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { ChangePersonCommand, CreateTeamCommand, EnrolPersonCommand } from '@frontline/directory';
import { type CommandContext, jobContext } from '@frontline/platform';
import { testEnvironment } from '@frontline/testing';
import { type DevProvider, freePort, signInWithPkce, startDevProvider } from './support/dev-provider';
import { type TestApi, startTestApi } from './support/test-api';

const AUDIENCE = 'urn:frontline:api';

/** `npm start`'s sign-in: the api in AUTH_MODE=oidc against the development provider (built: `npm run build`). */
describe('the development OpenID Provider', () => {
  let api: TestApi;
  let provider: DevProvider;
  let issuer: string;
  let env: Record<string, string>;
  const context = (): CommandContext => jobContext(`setup-${Math.random()}`);
  const run = (command: object) => api.app.get(CommandBus).execute(command as never);
  const teamId = '11111111-1111-4111-8111-111111111111';
  const ana = { personId: '22222222-2222-4222-8222-222222222222', userName: 'Ana.Lopez@example.com' };
  const bo = { personId: '33333333-3333-4333-8333-333333333333', userName: 'bo@example.com' };

  beforeAll(async () => {
    issuer = `http://127.0.0.1:${await freePort()}`;
    const oidc = { AUTH_MODE: 'oidc', OIDC_ISSUER: issuer, OIDC_AUDIENCE: AUDIENCE };
    api = await startTestApi('dev_oidc_e2e', oidc, { projector: true });
    env = { ...oidc, DATABASE_URL: api.database.url, REDIS_KEY_PREFIX: api.config.REDIS_KEY_PREFIX };
    provider = await startDevProvider(env);
    await run(new CreateTeamCommand({ teamId, name: 'Chat' }, context()));
    for (const [person, displayName, roles] of [
      [ana, 'Ana Lopez', ['agent']],
      [bo, 'Bo Stein', ['team_lead']],
    ] as const)
      await run(
        new EnrolPersonCommand(
          {
            personId: person.personId,
            teamId,
            displayName,
            roles: [...roles],
            timezone: 'UTC',
            identity: { userName: person.userName },
          },
          context(),
        ),
      );
    await api.projectionsCaughtUp();
  });
  afterAll(async () => {
    await provider?.stop();
    await api?.close();
  });

  const get = (url: string, token: string) =>
    api.request({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it("signs in one of the directory's people with Authorization Code + PKCE, and the api takes the token", async () => {
    const signIn = await signInWithPkce(issuer, ana.userName);

    expect(signIn.page).toContain('Choose who you are');
    expect(signIn.page).toContain('Ana Lopez');
    expect(signIn.page).toContain('Bo Stein');
    const token = signIn.tokens!.access_token!;
    expect(decodeJwt(token)).toMatchObject({ iss: issuer, aud: AUDIENCE, sub: ana.userName });
    expect((await get('/v1/me/wellbeing', token)).status).toBe(200);
    // The directory made Ana an agent, and only that.
    expect((await get(`/v1/teams/${teamId}/recognition-gaps`, token)).body).toMatchObject({ status: 403 });
    const lead = (await signInWithPkce(issuer, bo.userName)).tokens!.access_token!;
    expect((await get(`/v1/teams/${teamId}/recognition-gaps`, lead)).status).toBe(200);
  });

  it('gives no token for a code without its PKCE verifier', async () => {
    const signIn = await signInWithPkce(issuer, ana.userName, { wrongVerifier: true });
    expect(signIn).toMatchObject({ status: 400, tokens: { error: 'invalid_grant' } });
  });

  it('signs in nobody the directory does not know', async () => {
    expect(await signInWithPkce(issuer, 'mallory@example.com')).toMatchObject({ error: 'access_denied' });
  });

  it("refuses a token from another issuer, even one for a known person's identity", async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(ana.userName)
      .setIssuer('http://127.0.0.1:1')
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await get('/v1/me/wellbeing', forged)).body).toMatchObject({
      status: 401,
      type: '/problems/unauthenticated',
    });
  });

  it('refuses an offboarded person on their next request, and signs them in no more', async () => {
    const token = (await signInWithPkce(issuer, bo.userName)).tokens!.access_token!;
    expect((await get('/v1/me/wellbeing', token)).status).toBe(200);
    await run(new ChangePersonCommand({ type: 'OffboardPerson', personId: bo.personId }, context()));

    expect((await get('/v1/me/wellbeing', token)).body).toMatchObject({ status: 403, type: '/problems/not-enrolled' });
    expect(await signInWithPkce(issuer, bo.userName)).toMatchObject({ error: 'access_denied' });
  });

  it("keeps the api's own dev tokens for scripts and tests, in development only", async () => {
    const token = await api.tokenFor({ personId: ana.personId, roles: ['admin'] });
    expect((await get('/v1/me/wellbeing', token)).status).toBe(200);
    // The directory's roles, not the token's.
    expect((await get('/v1/projections', token)).body).toMatchObject({ status: 403 });
  });

  it('refuses to start outside development', () => {
    const started = spawnSync(process.execPath, ['dist/apps/dev-oidc/src/main.js'], {
      env: {
        ...process.env,
        ...testEnvironment(env.DATABASE_URL, env),
        FRONTLINE_ENV: 'production',
        PSEUDONYM_SECRET: 'a-test-secret-that-is-long-enough-000000',
        API_MAC_SECRET: 'another-test-secret-that-is-long-enough-0',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/runs only with FRONTLINE_ENV=development/);
  });
});
