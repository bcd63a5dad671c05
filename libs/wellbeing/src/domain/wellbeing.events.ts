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
 * `teamId` is the person's team when they logged it, and `siteId` that team's site, so trends
 * count it where they were then (no `siteId` on older events: readers take the team as its site).
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
    siteId?: string;
  }
>;

/** The person's own answers: never shown individually to anyone else. `teamId`, `siteId`: where they were when they answered. */
export type PulseCheckInSubmitted = DomainEvent<
  'PulseCheckInSubmitted',
  {
    isoWeek: string;
    mood: number;
    energy: number;
    workload: number;
    submittedAt: string;
    teamId: string;
    siteId?: string;
  }
>;

export type WellbeingEvent = WellbeingActivityLogged | PulseCheckInSubmitted;
