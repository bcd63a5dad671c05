import type { DomainEvent } from '@frontline/decider';

/** `displayName` is personal data: ciphertext under the person's own key. */
export type PersonEnrolled = DomainEvent<
  'PersonEnrolled',
  { personId: string; teamId: string; displayName: string; roles: string[]; timezone: string } & Membership
>;
export type PersonMovedTeam = DomainEvent<
  'PersonMovedTeam',
  { personId: string; fromTeamId: string; toTeamId: string; fromSiteId?: string; toSiteId?: string; at?: string }
>;
export type PersonOffboarded = DomainEvent<'PersonOffboarded', { personId: string; teamId: string } & Membership>;
export type PersonalDataErased = DomainEvent<'PersonalDataErased', { personId: string }>;

export type PersonEvent = PersonEnrolled | PersonMovedTeam | PersonOffboarded | PersonalDataErased;

/**
 * Where and when a membership changed: the site of the team, and the moment (ISO-8601), so a past
 * week's headcounts count who was where then. Absent on events recorded before: readers take the
 * team as its site and the recording time as the moment.
 */
type Membership = { siteId?: string; at?: string };
