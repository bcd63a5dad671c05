import { ApiProperty } from '@nestjs/swagger';
import { ABUSE_KINDS, CHANNELS, QUEUE_STATUSES, SEVERITIES } from '@frontline/abuse';

/** One open incident of a queue: what happened and its acknowledge clock, never the narrative or the customer. */
export class QueuedIncidentResponse {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ enum: ABUSE_KINDS, isArray: true }) kinds: string[];
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ enum: QUEUE_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty() supportRequested: boolean;
  @ApiProperty({ format: 'date-time', description: 'When the acknowledgement falls due' }) ackDueAt: string;
  @ApiProperty({ description: 'Not acknowledged and past `ackDueAt`' }) overdue: boolean;
}

export class IncidentQueueResponse {
  @ApiProperty({ type: [QueuedIncidentResponse] }) items: QueuedIncidentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** A customer reported by several agents, by pseudonym only. */
export class RepeatAbuserMatchResponse {
  @ApiProperty() matchId: string;
  @ApiProperty({ description: 'A keyed pseudonym, never the customer reference itself' }) customerPseudonym: string;
  @ApiProperty({ type: [String] }) incidentIds: string[];
  @ApiProperty({ type: 'integer', description: 'How many different agents reported this customer' })
  distinctAgents: number;
  @ApiProperty({ format: 'date-time' }) matchedAt: string;
}

export class RepeatAbusersResponse {
  @ApiProperty({ type: [RepeatAbuserMatchResponse] }) items: RepeatAbuserMatchResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
