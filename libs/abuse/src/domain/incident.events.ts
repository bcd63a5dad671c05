import type { DomainEvent } from '@frontline/decider';
import type { AbuseKind, Channel, CustomerAction, IncidentOutcome, Severity, SupportKind } from './abuse.vocabulary';

/**
 * `narrative` is personal data: ciphertext under the agent's own key. The customer is only
 * ever named by `customerPseudonym`, a keyed HMAC of the reference the agent gave. `siteId` is
 * the site of the agent's team when they reported it; absent on older incidents, whose readers
 * take the team as its site.
 */
export type AbuseIncidentReported = DomainEvent<
  'AbuseIncidentReported',
  {
    incidentId: string;
    agentId: string;
    teamId: string;
    siteId?: string;
    channel: Channel;
    kinds: AbuseKind[];
    severity: Severity;
    occurredAt: string;
    contactRef?: string;
    customerPseudonym?: string;
    narrative?: string;
    supportRequested: boolean;
    shareNarrativeWithLead: boolean;
    reportedAt: string;
  }
>;
/**
 * The report's facts that read models file an incident under (reporter, team, site, channel, kinds,
 * severity, week and month), copied into later events because a projection cannot read the report
 * back. `agentId` is absent from events recorded before the inbox, whose reporter's inbox lacks them.
 */
export type IncidentFacts = Pick<
  AbuseIncidentReported['data'],
  'agentId' | 'teamId' | 'siteId' | 'channel' | 'kinds' | 'severity' | 'occurredAt' | 'reportedAt'
>;
/** The reporter, copied into later events for their inbox (absent from events recorded before it). */
type Reporter = Pick<AbuseIncidentReported['data'], 'agentId'>;
export type IncidentAcknowledged = DomainEvent<
  'IncidentAcknowledged',
  { incidentId: string; by: string; at: string } & IncidentFacts
>;
export type SupportOffered = DomainEvent<
  'SupportOffered',
  { incidentId: string; kind: SupportKind; by: string } & IncidentFacts
>;
export type SupportAccepted = DomainEvent<'SupportAccepted', { incidentId: string; kind: SupportKind } & IncidentFacts>;
export type SupportDeclined = DomainEvent<'SupportDeclined', { incidentId: string; kind: SupportKind }>;
export type RecoveryBreakTaken = DomainEvent<'RecoveryBreakTaken', { incidentId: string; minutes: number }>;
export type IncidentEscalated = DomainEvent<
  'IncidentEscalated',
  { incidentId: string; reason: string } & IncidentFacts
>;
export type CustomerActionRecorded = DomainEvent<
  'CustomerActionRecorded',
  { incidentId: string; action: CustomerAction; by: string } & Reporter
>;
export type IncidentClosed = DomainEvent<
  'IncidentClosed',
  { incidentId: string; outcome: IncidentOutcome; by: string } & Reporter
>;
/** The care workflow's reminder that the acknowledgement SLA passes at `dueAt`, recorded once while unacknowledged. */
export type IncidentAcknowledgementDue = DomainEvent<
  'IncidentAcknowledgementDue',
  { incidentId: string; dueAt: string } & IncidentFacts
>;
export type IncidentWithdrawn = DomainEvent<'IncidentWithdrawn', { incidentId: string }>;
/** The care workflow asked the agent how they are, a while after the incident (no narrative, no customer). */
export type AgentCheckInSent = DomainEvent<'AgentCheckInSent', { incidentId: string; agentId: string; at: string }>;

export type IncidentEvent =
  | AbuseIncidentReported
  | IncidentAcknowledged
  | SupportOffered
  | SupportAccepted
  | SupportDeclined
  | RecoveryBreakTaken
  | IncidentEscalated
  | IncidentAcknowledgementDue
  | CustomerActionRecorded
  | IncidentClosed
  | IncidentWithdrawn
  | AgentCheckInSent;
