import SCIMMY from 'scimmy';

export const SCIM_BASE = '/scim/v2';
export const SCIM_CONTENT_TYPE = 'application/scim+json';
/** Most resources a list answers at once, and most members one request changes. */
export const SCIM_MAX_RESULTS = 200;
export const SCIM_MAX_MEMBER_CHANGES = 1_000;

let configured = false;

/** SCIMMY's schemas, resource types and service provider configuration, set up once per process (it keeps them globally). */
export function scimmy(): typeof SCIMMY {
  if (configured) return SCIMMY;
  SCIMMY.Config.set({
    patch: true,
    filter: SCIM_MAX_RESULTS,
    etag: true,
    bulk: false,
    sort: false,
    changePassword: false,
    documentationUri: 'https://github.com/frontline/frontline#connect-your-identity-provider',
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'SCIM bearer token',
        description: 'The token an admin rotates at POST /v1/directory/scim-token',
      },
    ],
  });
  for (const resource of [SCIMMY.Resources.User, SCIMMY.Resources.Group]) SCIMMY.Resources.declare(resource);
  for (const resource of [
    SCIMMY.Resources.User,
    SCIMMY.Resources.Group,
    SCIMMY.Resources.Schema,
    SCIMMY.Resources.ResourceType,
    SCIMMY.Resources.ServiceProviderConfig,
  ])
    resource.basepath(SCIM_BASE);
  configured = true;
  return SCIMMY;
}

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** The one attribute-and-value a lookup filter names: `userName eq "x"`, `externalId eq "x"`, `displayName eq "x"`. */
export function equalityFilter(
  expression: string,
  attributes: readonly string[],
): { attribute: string; value: string } {
  let parsed: unknown;
  try {
    parsed = new (scimmy().Types.Filter)(expression);
  } catch (error) {
    throw new ScimError(400, 'invalidFilter', (error as Error).message);
  }
  const [only, ...more] = parsed as Record<string, unknown>[];
  const entries = Object.entries(only ?? {});
  const [attribute, comparison] = entries[0] ?? [];
  if (more.length > 0 || entries.length !== 1 || !Array.isArray(comparison) || comparison[0] !== 'eq')
    throw new ScimError(400, 'invalidFilter', `Only "${attributes.join('", "')} eq" filters are supported`);
  const name = attributes.find((known) => known.toLowerCase() === attribute!.toLowerCase());
  if (!name || typeof comparison[1] !== 'string')
    throw new ScimError(400, 'invalidFilter', `Only "${attributes.join('", "')} eq" filters are supported`);
  return { attribute: name, value: comparison[1] };
}

/** Microsoft Entra ID sends booleans as the strings "True" and "False"; SCIM says booleans. */
export function withBooleans(value: unknown, key?: string): unknown {
  if (typeof value === 'string' && (key === 'active' || key === 'primary') && /^(true|false)$/i.test(value))
    return value.toLowerCase() === 'true';
  if (Array.isArray(value)) return value.map((item) => withBooleans(item, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, withBooleans(item, name)]));
  return value;
}

/** A PatchOp with Entra's strings made booleans, including an operation whose path is `active`. */
export function normalisedPatch(body: unknown): { Operations: { op: string; path?: string; value?: unknown }[] } {
  const patch = withBooleans(body) as { Operations?: unknown };
  if (!patch || !Array.isArray(patch.Operations))
    throw new ScimError(400, 'invalidSyntax', 'A PatchOp needs an Operations array');
  const Operations = patch.Operations.map((operation: { op?: unknown; path?: unknown; value?: unknown }) =>
    typeof operation?.path === 'string'
      ? { ...operation, value: withBooleans(operation.value, operation.path) }
      : operation,
  );
  // SCIMMY checks the message: schemas, operations and paths.
  return new (scimmy().Messages.PatchOp)({ ...patch, Operations } as never) as never;
}
