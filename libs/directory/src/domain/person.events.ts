import type { DomainEvent } from '@frontline/decider';

/** `displayName` is personal data: ciphertext under the person's own key. */
export type PersonEnrolled = DomainEvent<
  'PersonEnrolled',
  { personId: string; teamId: string; displayName: string; roles: string[]; timezone: string }
>;
export type PersonMovedTeam = DomainEvent<
  'PersonMovedTeam',
  { personId: string; fromTeamId: string; toTeamId: string }
>;
export type PersonOffboarded = DomainEvent<'PersonOffboarded', { personId: string; teamId: string }>;
export type PersonalDataErased = DomainEvent<'PersonalDataErased', { personId: string }>;

export type PersonEvent = PersonEnrolled | PersonMovedTeam | PersonOffboarded | PersonalDataErased;
