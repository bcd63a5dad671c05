import { ApiError } from './frontline-client';

/** The local default's SCIM token (FRONTLINE_ENV=development); FRONTLINE_SCIM_TOKEN for any other. */
export const DEV_SCIM_TOKEN = 'local-development-only-scim-token-00000000';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface ScimResource {
  id: string;
  groups?: { value: string }[];
}

/**
 * Frontline's /scim/v2, as an identity provider talks to it. Errors name the request, never its body.
 * With `asOf`, every write says it happened then (X-Frontline-As-Of, FRONTLINE_ENV=development only).
 */
export class ScimClient {
  private readonly token: string;
  private readonly asOf?: string;

  constructor(
    private readonly url: string,
    { token = process.env.FRONTLINE_SCIM_TOKEN ?? DEV_SCIM_TOKEN, asOf }: { token?: string; asOf?: string } = {},
  ) {
    this.token = token;
    this.asOf = asOf;
  }

  /** The one resource whose `attribute` equals `value`, if any. */
  async find(resources: 'Users' | 'Groups', attribute: string, value: string): Promise<ScimResource | undefined> {
    const filter = encodeURIComponent(`${attribute} eq ${JSON.stringify(value)}`);
    const list = await this.send<{ Resources: ScimResource[] }>('GET', `/${resources}?filter=${filter}`);
    return list.Resources[0];
  }

  get(path: string): Promise<ScimResource> {
    return this.send('GET', path);
  }

  create(resources: 'Users' | 'Groups', body: object): Promise<ScimResource> {
    return this.send('POST', `/${resources}`, body);
  }

  /** Adds members to a group in one request, as Entra ID batches them. */
  async addMembers(groupId: string, personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    const value = personIds.map((id) => ({ value: id }));
    await this.send('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value }],
    });
  }

  private async send<T>(method: string, path: string, body?: object): Promise<T> {
    const request = `${method} /scim/v2${path.split('?')[0]}`;
    const response = await fetch(`${this.url}/scim/v2${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body ? { 'content-type': 'application/scim+json' } : {}),
        ...(method !== 'GET' && this.asOf ? { 'x-frontline-as-of': this.asOf } : {}),
      },
      body: body && JSON.stringify(body),
    }).catch((error: Error) => {
      throw new Error(`${request}: no answer from ${this.url} (${error.message}); is the api running (npm start)?`);
    });
    const text = await response.text();
    if (!response.ok) {
      const { detail } = (text ? JSON.parse(text) : {}) as { detail?: string };
      throw new ApiError(request, response.status, { title: detail });
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
