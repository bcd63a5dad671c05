import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What an inbox item can be about (libs/inbox's projection); a new kind is added here and in the app's catalogs. */
export const INBOX_ITEM_KINDS = [
  'incident_needs_care',
  'incident_acknowledged',
  'support_offered',
  'incident_escalated',
  'acknowledgement_due',
  'customer_action_recorded',
  'incident_closed',
  'care_check_in',
  'repeat_abuser_matched',
  'kudos_received',
  'kudos_reactions',
  'badge_awarded',
  'campaign_announcement',
] as const;

class InboxPersonResponse {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ description: 'As the directory has it; `[erased]` once erased' }) displayName: string;
}

/** One item; which of the optional fields it has depends on its kind. */
export class InboxItemResponse {
  @ApiProperty({ description: 'Ordered as the log is: a later item has a greater id' }) id: string;
  @ApiProperty({ enum: INBOX_ITEM_KINDS }) kind: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() read: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) incidentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) teamId?: string;
  @ApiPropertyOptional() severity?: string;
  @ApiPropertyOptional() supportRequested?: boolean;
  @ApiPropertyOptional({
    type: InboxPersonResponse,
    nullable: true,
    description: 'Who acted; `null` for the care workflow itself',
  })
  by?: InboxPersonResponse | null;
  @ApiPropertyOptional({ format: 'date-time' }) acknowledgedAt?: string;
  @ApiPropertyOptional() supportKind?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ format: 'date-time' }) dueAt?: string;
  @ApiPropertyOptional() action?: string;
  @ApiPropertyOptional() outcome?: string;
  @ApiPropertyOptional() customerPseudonym?: string;
  @ApiPropertyOptional({ type: [String] }) incidentIds?: string[];
  @ApiPropertyOptional({ type: 'integer' }) distinctAgents?: number;
  @ApiPropertyOptional({ format: 'uuid' }) kudosId?: string;
  @ApiPropertyOptional({ type: InboxPersonResponse, nullable: true }) from?: InboxPersonResponse | null;
  @ApiPropertyOptional({ type: [String] }) values?: string[];
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional() visibility?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' } })
  reactions?: Record<string, number>;
  @ApiPropertyOptional({ format: 'uuid' }) campaignId?: string;
  @ApiPropertyOptional() badge?: string;
  @ApiPropertyOptional() day?: string;
  @ApiPropertyOptional() text?: string;
}

export class InboxResponse {
  @ApiProperty({ type: [InboxItemResponse] }) items: InboxItemResponse[];
  @ApiProperty({ type: 'integer', description: 'Items after the one you read up to' }) unread: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class InboxReadResponse {
  @ApiProperty() upTo: string;
  @ApiProperty({ type: 'integer' }) unread: number;
}
