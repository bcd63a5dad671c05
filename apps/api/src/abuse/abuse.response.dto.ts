import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ABUSE_KINDS,
  CHANNELS,
  CUSTOMER_ACTIONS,
  INCIDENT_OUTCOMES,
  SEVERITIES,
  SUPPORT_KINDS,
  type AbuseKind,
  type Channel,
  type CustomerAction,
  type IncidentOutcome,
  type Severity,
  type SupportKind,
} from '@frontline/abuse';

// What the abuse reads answer, described for the OpenAPI document (and so typed in the browser app).

const STATUSES = ['open', 'closed', 'withdrawn'] as const;
/** Where an incident stands in the lists: acknowledged and escalated are stages of open. */
const SUMMARY_STATUSES = ['open', 'acknowledged', 'escalated', 'closed', 'withdrawn'] as const;

export class IncidentSummaryResponse {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty({ enum: ABUSE_KINDS, isArray: true }) kinds: AbuseKind[];
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ enum: SUMMARY_STATUSES }) status: (typeof SUMMARY_STATUSES)[number];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty() supportRequested: boolean;
}

export class MyIncidentsResponse {
  @ApiProperty({ type: [IncidentSummaryResponse] }) items: IncidentSummaryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

class Acknowledgement {
  @ApiProperty({ format: 'uuid' }) by: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

class SupportOffer {
  @ApiProperty({ enum: SUPPORT_KINDS }) kind: SupportKind;
  @ApiProperty() by: string;
  @ApiProperty({ enum: ['offered', 'accepted', 'declined'] }) status: 'offered' | 'accepted' | 'declined';
}

class CustomerActionTaken {
  @ApiProperty({ enum: CUSTOMER_ACTIONS }) action: CustomerAction;
  @ApiProperty() by: string;
}

class Closing {
  @ApiProperty({ enum: INCIDENT_OUTCOMES }) outcome: IncidentOutcome;
  @ApiProperty() by: string;
}

/** One incident, with the fields the caller's role may see (the reporter sees them all). */
export class IncidentResponse {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ enum: STATUSES }) status: (typeof STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid' }) agentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) teamId?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) channel?: Channel;
  @ApiPropertyOptional({ enum: ABUSE_KINDS, isArray: true }) kinds?: AbuseKind[];
  @ApiPropertyOptional({ enum: SEVERITIES }) severity?: Severity;
  @ApiPropertyOptional({ format: 'date-time' }) occurredAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) reportedAt?: string;
  @ApiPropertyOptional() contactRef?: string;
  @ApiPropertyOptional({ description: 'Only for those who may read it; `[erased]` once erased' }) narrative?: string;
  @ApiPropertyOptional() supportRequested?: boolean;
  @ApiPropertyOptional() shareNarrativeWithLead?: boolean;
  @ApiPropertyOptional({ type: Acknowledgement }) acknowledged?: Acknowledgement;
  @ApiPropertyOptional({ type: [SupportOffer] }) supportOffers?: SupportOffer[];
  @ApiPropertyOptional({ type: [Number], description: 'Minutes of each recovery break taken' })
  recoveryBreaks?: number[];
  @ApiPropertyOptional({ type: [CustomerActionTaken] }) customerActions?: CustomerActionTaken[];
  @ApiPropertyOptional({ type: [String], description: 'Why it was escalated, each time' }) escalations?: string[];
  @ApiPropertyOptional({ format: 'date-time' }) checkInSentAt?: string;
  @ApiPropertyOptional({ type: Closing }) closed?: Closing;
}

export class IncidentAccessResponse {
  @ApiProperty({ format: 'uuid' }) readerId: string;
  @ApiProperty({ description: '`[erased]` once erased' }) displayName: string;
  @ApiProperty({ enum: ['team_lead', 'wellbeing_officer'] }) role: 'team_lead' | 'wellbeing_officer';
  @ApiProperty({ enum: ['incident', 'queue'] }) via: 'incident' | 'queue';
  @ApiProperty({ description: 'Whether the narrative was in what they saw' }) narrative: boolean;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class IncidentAccessLogResponse {
  @ApiProperty({ type: [IncidentAccessResponse] }) items: IncidentAccessResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
