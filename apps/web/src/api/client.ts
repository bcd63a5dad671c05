import createClient from 'openapi-fetch';
import { i18n } from '../i18n/i18n';
import { OFFLINE, ProblemError, isProblem } from './problem';
import type { paths } from './schema.gen';

/** Gives the api client a bearer token; set once signed in (main.tsx). */
type TokenSource = { accessToken(): Promise<string>; signIn(): Promise<void> };
let tokens: TokenSource | undefined;
export const useTokens = (source: TokenSource) => void (tokens = source);

/** The one api client, typed from the OpenAPI document (schema.gen.ts, `npm run web:types`). */
export const api = createClient<paths>({ baseUrl: location.origin });

api.use({
  async onRequest({ request }) {
    if (tokens) request.headers.set('authorization', `Bearer ${await tokens.accessToken()}`);
    request.headers.set('accept-language', i18n.language);
    return request;
  },
  async onResponse({ response }) {
    // Signed out or the token expired: sign in again, back to this page.
    if (response.status === 401 && tokens) await tokens.signIn();
    return response;
  },
});

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The body of a successful answer; otherwise throws a ProblemError (status 0 when the network failed). */
export async function answer<T>(call: Promise<Answer<T>>): Promise<T> {
  let result: Answer<T>;
  try {
    result = await call;
  } catch {
    throw new ProblemError(OFFLINE);
  }
  if (result.response.ok) return result.data as T;
  const { error, response } = result;
  throw new ProblemError(
    isProblem(error) ? error : { type: 'about:blank', title: response.statusText, status: response.status },
  );
}

/** A new key for one user action: a retry of the same action sends the same key and the api does it once. */
export const idempotencyKey = () => crypto.randomUUID();
