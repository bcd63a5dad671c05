import type { DomainEvent } from '@frontline/decider';

export const WELLBEING_KINDS = [
  'recovery_break',
  'yoga',
  'meditation',
  'walk',
  'volunteering',
  'team_quiz',
  'workshop',
  'peer_support_circle',
  'coaching',
  'counselling',
  'other',
] as const;
export type WellbeingKind = (typeof WELLBEING_KINDS)[number];

/**
 * `occurredOn` is a calendar date (YYYY-MM-DD); `loggedAt` is when it was written down (ISO-8601).
 * `teamId` is the person's team when they logged it, so trends count it where they were then.
 */
export type WellbeingActivityLogged = DomainEvent<
  'WellbeingActivityLogged',
  {
    activityId: string;
    kind: WellbeingKind;
    minutes: number;
    occurredOn: string;
    campaignId?: string;
    loggedAt: string;
    teamId: string;
  }
>;

/** The person's own answers: never shown individually to anyone else. `teamId`: their team when they answered. */
export type PulseCheckInSubmitted = DomainEvent<
  'PulseCheckInSubmitted',
  { isoWeek: string; mood: number; energy: number; workload: number; submittedAt: string; teamId: string }
>;

export type WellbeingEvent = WellbeingActivityLogged | PulseCheckInSubmitted;
