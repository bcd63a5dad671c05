import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import type { AppConfig } from '@frontline/platform';
import type { SignInAccounts } from './sign-in-accounts';
import { signInPage } from './sign-in-page';

type Provider = import('oidc-provider').default;
type Configuration = import('oidc-provider').Configuration;

/** The browser app's client: public, Authorization Code with PKCE only. */
export const DEV_CLIENT_ID = 'frontline-web';
const RESOURCE_SCOPE = 'api';
const FORM_LIMIT_BYTES = 4_096;

export interface DevProviderOptions {
  issuer: string;
  audience: string;
  redirectUris: string[];
  identityClaim: AppConfig['OIDC_IDENTITY_CLAIM'];
}

/** A certified OpenID Provider (oidc-provider) whose accounts are the directory's people, signed in without a password. */
export async function createDevProvider(accounts: SignInAccounts, options: DevProviderOptions): Promise<Provider> {
  // oidc-provider is an ES module: imported, not required.
  const { default: Provider } = await import('oidc-provider');
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: `dev-${randomBytes(4).toString('hex')}`,
    alg: 'ES256',
    use: 'sig',
  };
  const configuration: Configuration = {
    clients: [
      {
        client_id: DEV_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: options.redirectUris,
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [signingKey] },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile', 'email', RESOURCE_SCOPE],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: RESOURCE_SCOPE,
          audience: options.audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    interactions: { url: (_, interaction) => `/interaction/${interaction.uid}` },
    // A first-party app: nobody is asked to consent to what it reads.
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      const grant = new ctx.oidc.provider.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope('openid profile email');
      grant.addResourceScope(options.audience, RESOURCE_SCOPE);
      await grant.save();
      return grant;
    },
    async findAccount(_, id) {
      const account = await accounts.find(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, name: account.displayName, preferred_username: account.userName }),
      };
    },
    // The claim the api reads, when it is not `sub`: what a real provider would put in its access tokens.
    async extraTokenClaims(_, token) {
      const account = 'accountId' in token && token.accountId ? await accounts.find(token.accountId) : undefined;
      if (!account) return {};
      return {
        preferred_username: account.userName,
        ...(account.userName.includes('@') ? { email: account.userName } : {}),
        ...(account.externalId ? { oid: account.externalId } : {}),
        ...(options.identityClaim === 'sub' ? {} : { [options.identityClaim]: account.accountId }),
      };
    },
  };
  return new Provider(options.issuer, configuration);
}

/** The provider's own endpoints, and the "choose who you are" page in front of them. */
export function serveDevProvider(provider: Provider, accounts: SignInAccounts): Server {
  const callback = provider.callback();
  return createServer((request, response) => {
    const login = /^\/interaction\/([\w-]+)(\/login)?$/.exec(request.url ?? '');
    if (!login) return void callback(request, response);
    const answer = login[2]
      ? signIn(provider, accounts, request, response)
      : choose(provider, accounts, request, response);
    answer.catch((error: Error) => {
      if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Sign-in failed: ${error.message}`);
    });
  });
}

async function choose(
  provider: Provider,
  accounts: SignInAccounts,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const { uid } = await provider.interactionDetails(request, response);
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(signInPage(uid, await accounts.offered()));
}

async function signIn(
  provider: Provider,
  accounts: SignInAccounts,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const details = await provider.interactionDetails(request, response);
  const accountId = new URLSearchParams(await formOf(request)).get('accountId') ?? '';
  if (details.prompt.name !== 'login' || !(await accounts.find(accountId))) {
    await provider.interactionFinished(request, response, {
      error: 'access_denied',
      error_description: 'Nobody active in the directory has this identity',
    });
    return;
  }
  await provider.interactionFinished(request, response, { login: { accountId } }, { mergeWithLastSubmission: false });
}

async function formOf(request: IncomingMessage): Promise<string> {
  let form = '';
  for await (const chunk of request) {
    form += chunk;
    if (form.length > FORM_LIMIT_BYTES) throw new Error('The form is too large');
  }
  return form;
}
