import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AppConfig } from '../app/app-config';

export const CALLBACK_PATH = '/callback';

/** Where the user was, so that signing in (again) brings them back there. */
const here = () => `${location.pathname}${location.search}${location.hash}`;

/**
 * Sign-in with the organisation's OpenID Provider: Authorization Code with PKCE (oidc-client-ts).
 * Tokens stay in this tab's sessionStorage; an expired or refused token signs in again and returns
 * to the page the user was on.
 */
export class Session {
  private readonly users: UserManager;

  constructor(config: AppConfig) {
    if (config.authMode !== 'oidc' || !config.issuer) throw new Error('sign-in needs AUTH_MODE=oidc');
    this.users = new UserManager({
      authority: config.issuer,
      client_id: config.clientId,
      redirect_uri: `${location.origin}${CALLBACK_PATH}`,
      post_logout_redirect_uri: `${location.origin}/`,
      response_type: 'code',
      scope: config.scope,
      automaticSilentRenew: false,
      userStore: new WebStorageStateStore({ store: sessionStorage }),
    });
  }

  /** Finishes a sign-in coming back to /callback, or starts one; resolves false while the browser leaves. */
  async start(): Promise<boolean> {
    if (location.pathname === CALLBACK_PATH) {
      const user = await this.users.signinRedirectCallback();
      const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
      history.replaceState(null, '', returnTo.startsWith('/') ? returnTo : '/');
      return true;
    }
    const user = await this.users.getUser();
    if (user && !user.expired) return true;
    await this.signIn();
    return false;
  }

  /** A valid access token, or a sign-in that returns here (the promise then never settles: the page unloads). */
  async accessToken(): Promise<string> {
    const user = await this.users.getUser();
    if (user && !user.expired) return user.access_token;
    await this.signIn();
    return new Promise<never>(() => {});
  }

  async signIn(returnTo: string = here()): Promise<void> {
    await this.users.removeUser();
    await this.users.signinRedirect({ state: { returnTo } });
  }

  /** Also forgets what pages kept on this device (drafts: every `frontline.` key but the language), for a shared device. */
  async signOut(): Promise<void> {
    const user = await this.users.getUser();
    await this.users.removeUser();
    forgetDeviceData(localStorage);
    await this.users.signoutRedirect({ id_token_hint: user?.id_token });
  }
}

/** The device's `frontline.` keys (report drafts and the like), all but the chosen language. */
export function forgetDeviceData(storage: Storage): void {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
  for (const key of keys) if (key.startsWith('frontline.') && key !== 'frontline.language') storage.removeItem(key);
}
