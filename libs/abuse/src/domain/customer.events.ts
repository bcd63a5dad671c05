import type { DomainEvent } from '@frontline/decider';

/** An incident in which this customer (by pseudonym only) was reported. */
export type CustomerIncidentLinked = DomainEvent<
  'CustomerIncidentLinked',
  { customerPseudonym: string; incidentId: string; agentId: string; occurredAt: string }
>;
/**
 * The customer was reported by enough distinct agents within the matching window: for the
 * wellbeing officer's eyes only, never an agent's.
 */
export type RepeatAbuserMatched = DomainEvent<
  'RepeatAbuserMatched',
  { customerPseudonym: string; incidentIds: string[]; distinctAgents: number; matchedAt: string }
>;

export type CustomerEvent = CustomerIncidentLinked | RepeatAbuserMatched;
