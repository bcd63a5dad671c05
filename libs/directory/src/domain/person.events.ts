import type { DomainEvent } from '@frontline/decider';

/**
 * `displayName` is personal data: ciphertext under the person's own key. A `…Key` is a keyed
 * HMAC of a value, never the value: it tells whether a value changed, and finds who holds it.
 */
export type PersonEnrolled = DomainEvent<
  'PersonEnrolled',
  {
    personId: string;
    teamId: string;
    displayName: string;
    roles: string[];
    timezone: string;
    displayNameKey?: string;
  } & Membership
>;
export type PersonMovedTeam = DomainEvent<
  'PersonMovedTeam',
  { personId: string; fromTeamId: string; toTeamId: string; fromSiteId?: string; toSiteId?: string; at?: string }
>;
export type PersonOffboarded = DomainEvent<'PersonOffboarded', { personId: string; teamId: string } & Membership>;
export type PersonalDataErased = DomainEvent<'PersonalDataErased', { personId: string }>;
export type PersonRenamed = DomainEvent<
  'PersonRenamed',
  { personId: string; displayName: string; displayNameKey: string }
>;
export type PersonRolesChanged = DomainEvent<'PersonRolesChanged', { personId: string; roles: string[] }>;
/**
 * Back after an offboarding (an identity provider's reactivation), in the team they left: a
 * membership change as an enrolment is, so it carries the team's site and when it took effect.
 */
export type PersonReinstated = DomainEvent<'PersonReinstated', { personId: string; teamId: string } & Membership>;
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

/**
 * Where and when a membership changed: the site of the team, and the moment (ISO-8601), so a past
 * week's headcounts count who was where then. Absent on events recorded before: readers take the
 * team as its site and the recording time as the moment.
 */
type Membership = { siteId?: string; at?: string };
