import type { Role } from '@frontline/platform';

/** Who a request is made as: the claims of their dev token. */
export interface Actor {
  personId: string;
  roles: Role[];
  teamId: string;
}

/** An RFC 9457 answer of the api, as much of it as an error message needs. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
}

/** A request the api refused: which request, its status, and the problem's title, detail and bad fields. */
export class ApiError extends Error {
  constructor(
    readonly request: string,
    readonly status: number,
    problem: Problem,
  ) {
    const fields = (problem.errors ?? []).map(({ field, messages }) => `${field}: ${messages.join(', ')}`);
    const said = [problem.title, problem.detail, ...fields].filter(Boolean).join(' — ');
    super(`${request} answered ${status}${said ? `: ${said}` : ''}`);
    this.name = 'ApiError';
  }
}

/**
 * The public HTTP API of a running Frontline, through Node's fetch, signed in with dev tokens.
 * Errors name the request (method and path) but never its body: bodies carry names and narratives.
 */
export class FrontlineClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly url: string) {}

  /** A fresh dev token for this person, asked for once per run (`POST /v1/dev/tokens`, FRONTLINE_ENV=development only). */
  token({ personId, roles, teamId }: Actor): Promise<string> {
    if (!this.tokens.has(personId)) {
      const signed = this.send<{ token: string }>('POST', '/v1/dev/tokens', { body: { sub: personId, roles, teamId } });
      this.tokens.set(
        personId,
        signed.then(
          ({ token }) => token,
          (error: unknown) => {
            if (error instanceof ApiError && error.status === 404) {
              throw new Error(
                `${error.message}; the demo signs in with dev tokens, which exist only in FRONTLINE_ENV=development`,
              );
            }
            throw error;
          },
        ),
      );
    }
    return this.tokens.get(personId)!;
  }

  get<T>(path: string, as: Actor): Promise<T> {
    return this.send('GET', path, { as });
  }

  /**
   * A create or a change; `idempotencyKey` makes a repeat of it answer the first result and append
   * nothing; `at` says when it happened (X-Frontline-As-Of, FRONTLINE_ENV=development only).
   */
  post<T>(path: string, as: Actor, body: object | undefined, idempotencyKey: string, at?: string): Promise<T> {
    return this.send('POST', path, { as, body, idempotencyKey, at });
  }

  put<T>(path: string, as: Actor, body: object): Promise<T> {
    return this.send('PUT', path, { as, body });
  }

  private async send<T>(
    method: string,
    path: string,
    { as, body, idempotencyKey, at }: { as?: Actor; body?: object; idempotencyKey?: string; at?: string },
  ): Promise<T> {
    const request = `${method} ${path}`;
    const headers: Record<string, string> = {
      ...(as ? { authorization: `Bearer ${await this.token(as)}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      ...(at ? { 'x-frontline-as-of': at } : {}),
    };
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: body && JSON.stringify(body),
    }).catch((error: Error) => {
      const reason = (error.cause as { code?: string } | undefined)?.code ?? error.message;
      throw new Error(`${request}: no answer from ${this.url} (${reason}); is the api running (npm start)?`);
    });
    const text = await response.text();
    if (!response.ok) throw new ApiError(request, response.status, parseProblem(text));
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

function parseProblem(text: string): Problem {
  try {
    return JSON.parse(text) as Problem;
  } catch {
    return { title: text.slice(0, 200) };
  }
}

/**
 * Runs `work` on every item, `concurrency` at a time, and stops starting new ones at the first
 * failure: modest parallelism finishes quickly without crowding a small machine.
 */
export async function inParallel<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
  concurrency = 8,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
