import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WELLBEING_KINDS, type WellbeingKind } from '@frontline/wellbeing';

// What GET /v1/me/wellbeing answers, described for the OpenAPI document (and so typed in the browser app).

class MyActivityResponse {
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ enum: WELLBEING_KINDS }) kind: WellbeingKind;
  @ApiProperty({ type: 'integer' }) minutes: number;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiPropertyOptional({ format: 'uuid' }) campaignId?: string;
  @ApiProperty({ format: 'date-time' }) loggedAt: string;
}

class MyPulseResponse {
  @ApiProperty({ example: '2026-W49' }) isoWeek: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) mood: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) energy: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) workload: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class MyWellbeingResponse {
  @ApiProperty({ type: [MyActivityResponse], description: 'Own activities, newest first' }) items: MyActivityResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ type: [MyPulseResponse], description: 'Own pulse answers, newest week first' })
  pulses: MyPulseResponse[];
}

export class ActivityLoggedResponse {
  @ApiProperty({ format: 'uuid' }) activityId: string;
}
