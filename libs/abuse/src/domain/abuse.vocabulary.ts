/** Closed vocabularies of the abuse context (DESIGN.md); extended only by upcasting. */
export const CHANNELS = ['phone', 'chat', 'email', 'social', 'video', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ABUSE_KINDS = [
  'shouting',
  'insult',
  'profanity',
  'discriminatory',
  'sexual_harassment',
  'threat_to_job',
  'threat_of_violence',
  'physical',
  'doxxing',
  'other',
] as const;
export type AbuseKind = (typeof ABUSE_KINDS)[number];

export const SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SUPPORT_KINDS = ['recovery_break', 'debrief', 'counselling', 'peer_support', 'time_off'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const CUSTOMER_ACTIONS = [
  'warning_sent',
  'contact_blocked',
  'account_flagged',
  'reported_to_police',
  'other',
] as const;
export type CustomerAction = (typeof CUSTOMER_ACTIONS)[number];

/** A closed list rather than free text, so closing an incident never writes personal data in the clear. */
export const INCIDENT_OUTCOMES = ['resolved', 'support_given', 'no_further_action', 'referred', 'other'] as const;
export type IncidentOutcome = (typeof INCIDENT_OUTCOMES)[number];

export const RECOVERY_BREAK_MINUTES = { min: 5, max: 60 } as const;
export const NARRATIVE_MAX_LENGTH = 4_000;
/**
 * Contacts one team handles on one channel in a day: a 200-agent team taking a contact a minute
 * around the clock is 288,000. The bound keeps every sum over teams and months exact and far
 * inside the read models' 64-bit counters.
 */
export const MAX_CONTACTS_PER_DAY = 1_000_000;
export const OCCURRED_AT_MAX_DAYS_BACK = 90;
/** An incident should be acknowledged within this long of its report (DESIGN.md: 4 h; configurable later as CARE_ACK_SLA). */
export const CARE_ACK_SLA_MS = 4 * 60 * 60 * 1000;
