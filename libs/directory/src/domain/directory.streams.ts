export const teamStream = (teamId: string) => `team-${teamId}`;
export const personStream = (personId: string) => `person-${personId}`;
/** `key` is a keyed HMAC of a user name or an external id, never the value itself. */
export const identityStream = (key: string) => `identity-${key}`;
/** One SCIM client per organisation, one token at a time. */
export const SCIM_TOKEN_STREAM = 'scimToken-current';
