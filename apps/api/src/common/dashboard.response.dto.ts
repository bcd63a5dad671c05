import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTERVALS, type Interval } from '@frontline/decider';

const REASONS = ['too-few-people', 'protects-another-cell', 'period-open'] as const;

/** A number about people, shown, or hidden with the reason (`value: null, suppressed: true`). */
export class SuppressibleNumber {
  @ApiProperty({ type: 'number', nullable: true, description: '`null` when suppressed, or when it has no value' })
  value: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiPropertyOptional({
    enum: REASONS,
    description:
      'Why it is hidden: about fewer than `minGroup` people, would give another hidden cell away, or its period has not ended',
  })
  reason?: (typeof REASONS)[number];
}

/** A mix of counts (values given in kudos) shown or hidden together. */
export class SuppressibleCounts {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    nullable: true,
    description: '`null` when suppressed',
  })
  value: Record<string, number> | null;
  @ApiProperty() suppressed: boolean;
  @ApiPropertyOptional({ enum: REASONS }) reason?: (typeof REASONS)[number];
}

/** What every dashboard answer says about itself: what was asked and the threshold it was released under. */
export class DashboardAnswer {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: INTERVALS }) interval: Interval;
  @ApiPropertyOptional({ format: 'uuid', description: 'The site whose teams are listed' }) site?: string;
  @ApiProperty({ description: 'PRIVACY_MIN_GROUP: every shown number is about at least this many people' })
  minGroup: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'Where the next page of groups starts' })
  nextCursor: string | null;
}

export class AbuseFiguresResponse {
  @ApiProperty({ type: SuppressibleNumber }) incidents: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleNumber }) distinctReporters: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleNumber }) ratePer1000Contacts: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleNumber }) medianMinutesToAcknowledge: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleNumber }) supportUptake: SuppressibleNumber;
}

export class AbuseGroupResponse extends AbuseFiguresResponse {
  @ApiPropertyOptional({ format: 'uuid' }) site?: string;
  @ApiPropertyOptional({ format: 'uuid' }) team?: string;
  @ApiPropertyOptional() channel?: string;
  @ApiPropertyOptional() kind?: string;
  @ApiPropertyOptional() severity?: string;
  @ApiPropertyOptional({ description: "A site's or team's name" }) name?: string;
}

export class AbusePeriodResponse {
  @ApiProperty({ example: '2026-W40', description: 'An ISO week, or a month of whole ISO weeks' }) period: string;
  @ApiProperty({ type: AbuseFiguresResponse }) total: AbuseFiguresResponse;
  @ApiProperty({ type: [AbuseGroupResponse] }) groups: AbuseGroupResponse[];
}

export class AbuseDashboardResponse extends DashboardAnswer {
  @ApiProperty({ enum: ['site', 'team', 'channel', 'kind', 'severity'] }) groupBy: string;
  @ApiProperty({ type: [AbusePeriodResponse] }) periods: AbusePeriodResponse[];
}

export class PulseFiguresResponse {
  @ApiProperty({ type: SuppressibleNumber }) respondents: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleNumber }) mood: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleNumber }) energy: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleNumber }) workload: SuppressibleNumber;
}

export class WellbeingFiguresResponse {
  @ApiProperty({ type: SuppressibleNumber }) participants: SuppressibleNumber;
  @ApiProperty({
    type: SuppressibleNumber,
    description: 'Distinct people with an activity ÷ people in the group at some moment of the period',
  })
  participationRate: SuppressibleNumber;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/SuppressibleNumber' } })
  minutesByKind: Record<string, SuppressibleNumber>;
  @ApiProperty({ type: PulseFiguresResponse }) pulse: PulseFiguresResponse;
}

export class WellbeingGroupResponse extends WellbeingFiguresResponse {
  @ApiPropertyOptional({ format: 'uuid' }) site?: string;
  @ApiPropertyOptional({ format: 'uuid' }) team?: string;
  @ApiProperty() name: string;
}

export class WellbeingPeriodResponse {
  @ApiProperty({ example: '2026-W40' }) period: string;
  @ApiProperty({ type: WellbeingFiguresResponse }) org: WellbeingFiguresResponse;
  @ApiProperty({ type: [WellbeingGroupResponse] }) groups: WellbeingGroupResponse[];
}

export class WellbeingDashboardResponse extends DashboardAnswer {
  @ApiProperty({ enum: ['site', 'team'] }) groupBy: string;
  @ApiProperty({ type: [WellbeingPeriodResponse] }) periods: WellbeingPeriodResponse[];
}

export class RecognitionFiguresResponse {
  @ApiProperty({
    type: SuppressibleNumber,
    description: 'People recognised in the period ÷ people in the group at some moment of it',
  })
  coverage: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleNumber }) kudos: SuppressibleNumber;
  @ApiProperty({ type: SuppressibleCounts }) values: SuppressibleCounts;
  @ApiProperty({ type: SuppressibleNumber }) crossTeamShare: SuppressibleNumber;
}

export class RecognitionGroupResponse extends RecognitionFiguresResponse {
  @ApiPropertyOptional({ format: 'uuid' }) site?: string;
  @ApiPropertyOptional({ format: 'uuid' }) team?: string;
  @ApiProperty() name: string;
}

export class RecognitionPeriodResponse {
  @ApiProperty({ example: '2026-W40' }) period: string;
  @ApiProperty({ type: RecognitionFiguresResponse }) org: RecognitionFiguresResponse;
  @ApiProperty({ type: [RecognitionGroupResponse] }) groups: RecognitionGroupResponse[];
}

export class RecognitionDashboardResponse extends DashboardAnswer {
  @ApiProperty({ enum: ['site', 'team'] }) groupBy: string;
  @ApiProperty({ type: [RecognitionPeriodResponse] }) periods: RecognitionPeriodResponse[];
}
