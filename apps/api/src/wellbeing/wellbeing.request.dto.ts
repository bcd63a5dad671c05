import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { MAX_ACTIVITY_MINUTES, WELLBEING_KINDS, type WellbeingKind } from '@frontline/wellbeing';

export class LogWellbeingActivityRequest {
  @ApiProperty({ enum: WELLBEING_KINDS })
  @IsIn(WELLBEING_KINDS)
  kind!: WellbeingKind;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_ACTIVITY_MINUTES })
  @IsInt()
  @Min(1)
  @Max(MAX_ACTIVITY_MINUTES)
  minutes!: number;

  @ApiProperty({
    format: 'date',
    example: '2026-11-19',
    description: 'The day it happened: not after today (UTC), at most 90 days back',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'occurredOn must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  occurredOn!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The campaign this activity was part of' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}

export class SubmitPulseCheckInRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'How you feel: 1 low, 5 high' })
  @IsInt()
  @Min(1)
  @Max(5)
  mood!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'How much energy you have: 1 low, 5 high' })
  @IsInt()
  @Min(1)
  @Max(5)
  energy!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'How heavy your workload is: 1 light, 5 heavy' })
  @IsInt()
  @Min(1)
  @Max(5)
  workload!: number;
}
