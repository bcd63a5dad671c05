import { ApiProperty } from '@nestjs/swagger';
import { BADGES, CAMPAIGN_KINDS } from '@frontline/campaigns';

const STATUSES = ['planned', 'in_progress', 'closed', 'cancelled'] as const;

export class CampaignDayResponse {
  @ApiProperty({ format: 'date', description: 'The local date in the campaign time zone' }) date: string;
  @ApiProperty() theme: string;
  @ApiProperty({ type: [String] }) activities: string[];
  @ApiProperty() announcement: string;
  @ApiProperty({ example: '09:00' }) opensAt: string;
  @ApiProperty({ example: '17:00' }) closesAt: string;
}

export class PlannedCampaignResponse {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ type: [CampaignDayResponse] }) days: CampaignDayResponse[];
}

class CampaignAudienceResponse {
  @ApiProperty({ type: [String], description: 'The teams it is for; [] for everyone' }) teamIds: string[];
}

class CampaignStepResponse {
  @ApiProperty({ example: 'day-1-open' }) step: string;
  @ApiProperty({ format: 'date-time', description: 'When it is due' }) at: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When it ran' })
  ranAt: string | null;
}

class HeadlineKudosResponse {
  @ApiProperty({ format: 'uuid' }) kudosId: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: [String] }) values: string[];
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) reactions: Record<string, number>;
}

class CampaignHeadlinesResponse {
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['final'] }] }) day: number | 'final';
  @ApiProperty({ type: [HeadlineKudosResponse] }) kudos: HeadlineKudosResponse[];
}

class CampaignBadgeResponse {
  @ApiProperty({ enum: BADGES }) badge: string;
  @ApiProperty({ description: 'How many people earned it, never who' }) people: number;
}

class SummaryFigureResponse {
  @ApiProperty({ type: 'number', nullable: true }) value: number | null;
  @ApiProperty() suppressed: boolean;
}

class CampaignSummaryResponse {
  @ApiProperty({ type: SummaryFigureResponse }) kudosSent: SummaryFigureResponse;
  @ApiProperty({ type: SummaryFigureResponse }) peopleRecognised: SummaryFigureResponse;
  @ApiProperty({ type: SummaryFigureResponse }) wellbeingMinutes: SummaryFigureResponse;
  @ApiProperty({ type: SummaryFigureResponse }) participants: SummaryFigureResponse;
}

export class CampaignResponse {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ enum: CAMPAIGN_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Europe/London' }) timezone: string;
  @ApiProperty({ type: CampaignAudienceResponse }) audience: CampaignAudienceResponse;
  @ApiProperty({ type: [CampaignDayResponse] }) days: CampaignDayResponse[];
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ type: [CampaignStepResponse] }) steps: CampaignStepResponse[];
  @ApiProperty({ type: [CampaignHeadlinesResponse] }) headlines: CampaignHeadlinesResponse[];
  @ApiProperty({ type: [CampaignBadgeResponse] }) badges: CampaignBadgeResponse[];
  @ApiProperty({
    type: CampaignSummaryResponse,
    nullable: true,
    description: 'Figures under the privacy rules, once closed',
  })
  summary: CampaignSummaryResponse | null;
}

export class CampaignListItemResponse {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAMPAIGN_KINDS }) kind: string;
  @ApiProperty({ example: 'Europe/London' }) timezone: string;
  @ApiProperty({ format: 'date', description: 'Its first local date' }) firstDay: string;
  @ApiProperty({ format: 'date', description: 'Its last local date' }) lastDay: string;
  @ApiProperty({ enum: STATUSES }) status: string;
}

export class CampaignListResponse {
  @ApiProperty({ type: [CampaignListItemResponse] }) items: CampaignListItemResponse[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor: string | null;
}
