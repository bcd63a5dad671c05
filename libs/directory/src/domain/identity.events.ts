import type { DomainEvent } from '@frontline/decider';

/** `identity-<key>`: who holds an identity (a keyed HMAC of a user name or an external id), so that one person does. */
export type IdentityClaimed = DomainEvent<'IdentityClaimed', { key: string; personId: string }>;
export type IdentityReleased = DomainEvent<'IdentityReleased', { key: string; personId: string }>;

export type IdentityEvent = IdentityClaimed | IdentityReleased;
