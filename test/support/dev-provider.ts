import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { testEnvironment } from '@frontline/testing';

export const DEV_CLIENT_ID = 'frontline-web';
export const DEV_REDIRECT_URI = 'http://127.0.0.1:5173/callback';

/** A free port on this machine, for a provider whose issuer must be known before the api starts. */
export { freePort } from './redis-server';

export interface DevProvider {
  issuer: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** The built development OpenID Provider (dist/, `npm run build`), on the database and Redis prefix of a test api. */
export async function startDevProvider(env: Record<string, string>): Promise<DevProvider> {
  let output = '';
  const child = spawn(process.execPath, ['dist/apps/dev-oidc/src/main.js'], {
    env: { ...process.env, ...testEnvironment(env.DATABASE_URL, env), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const issuer = env.OIDC_ISSUER;
  for (const deadline = Date.now() + 20_000; ;) {
    if (child.exitCode !== null) throw new Error(`The provider exited: ${output}`);
    const ready = await fetch(`${issuer}/.well-known/openid-configuration`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`The provider did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    issuer,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A browser's cookies, as far as a sign-in needs them. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in as `accountId` the way a browser app does: Authorization Code with PKCE, through the
 * "choose who you are" page. Returns the tokens, the page the provider showed, and each step.
 */
export async function signInWithPkce(issuer: string, accountId: string, { wrongVerifier = false } = {}) {
  const jar = new CookieJar();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(url, issuer), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.take(response);
    return response;
  };
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const authorize = new URLSearchParams({
    client_id: DEV_CLIENT_ID,
    response_type: 'code',
    redirect_uri: DEV_REDIRECT_URI,
    scope: 'openid profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  const toInteraction = await go(`/auth?${authorize}`);
  const interaction = toInteraction.headers.get('location')!;
  const page = await (await go(interaction)).text();
  const signedIn = await go(`${interaction}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ accountId }).toString(),
  });
  let location = signedIn.headers.get('location');
  // Back to the authorization endpoint, which redirects to the app with a code (or an error).
  while (location && !location.startsWith(DEV_REDIRECT_URI)) location = (await go(location)).headers.get('location');
  const callback = new URL(location ?? 'about:blank');
  const code = callback.searchParams.get('code');
  if (!code || callback.searchParams.get('state') !== state)
    return { page, error: callback.searchParams.get('error') ?? `no redirect (${signedIn.status})` };
  const tokenResponse = await go('/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: DEV_REDIRECT_URI,
      client_id: DEV_CLIENT_ID,
      code_verifier: wrongVerifier ? randomBytes(32).toString('base64url') : verifier,
    }).toString(),
  });
  const tokens = (await tokenResponse.json()) as { access_token?: string; id_token?: string; error?: string };
  return { page, tokens, verifier, code, status: tokenResponse.status };
}
