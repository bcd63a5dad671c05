import type { DomainEvent } from '@frontline/decider';

/**
 * `displayName` is personal data: ciphertext under the person's own key. A `…Key` is a keyed
 * HMAC of a value, never the value: it tells whether a value changed, and finds who holds it.
 */
export type PersonEnrolled = DomainEvent<
  'PersonEnrolled',
  { personId: string; teamId: string; displayName: string; roles: string[]; timezone: string; displayNameKey?: string }
>;
export type PersonMovedTeam = DomainEvent<
  'PersonMovedTeam',
  { personId: string; fromTeamId: string; toTeamId: string }
>;
export type PersonOffboarded = DomainEvent<'PersonOffboarded', { personId: string; teamId: string }>;
export type PersonalDataErased = DomainEvent<'PersonalDataErased', { personId: string }>;
export type PersonRenamed = DomainEvent<
  'PersonRenamed',
  { personId: string; displayName: string; displayNameKey: string }
>;
export type PersonRolesChanged = DomainEvent<'PersonRolesChanged', { personId: string; roles: string[] }>;
/** Back after an offboarding (an identity provider's reactivation), in the team they left. */
export type PersonReinstated = DomainEvent<'PersonReinstated', { personId: string; teamId: string }>;
/**
 * Who the person is at the organisation's identity provider: its user name (SCIM `userName`)
 * and, if it has one, its id there (`externalId`), both ciphertext, each with its key.
 */
export type PersonIdentityLinked = DomainEvent<
  'PersonIdentityLinked',
  { personId: string; userName: string; userNameKey: string; externalId?: string; externalIdKey?: string }
>;
/** No identity signs in as this person any more (deprovisioned by the identity provider). */
export type PersonIdentityUnlinked = DomainEvent<'PersonIdentityUnlinked', { personId: string }>;

export type PersonEvent =
  | PersonEnrolled
  | PersonMovedTeam
  | PersonOffboarded
  | PersonalDataErased
  | PersonRenamed
  | PersonRolesChanged
  | PersonReinstated
  | PersonIdentityLinked
  | PersonIdentityUnlinked;
