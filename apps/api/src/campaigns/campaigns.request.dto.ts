import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CAMPAIGN_KINDS, type CampaignKind, MAX_CAMPAIGN_DAYS } from '@frontline/campaigns';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export class CampaignDayRequest {
  @ApiProperty({ format: 'date', example: '2026-10-05', description: 'The local date in the campaign time zone' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be written YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 'Kick-off and thank-you wall' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  theme!: string;

  @ApiProperty({ type: [String], example: ['Kick-off huddle'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  activities!: string[];

  @ApiProperty({ description: 'Published as a webhook message when the day opens' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  announcement!: string;

  @ApiProperty({ example: '09:00', description: 'Local time the day opens: HH:mm, or HH:mm:ss' })
  @Matches(TIME_OF_DAY, { message: 'opensAt must be a local time HH:mm or HH:mm:ss' })
  opensAt!: string;

  @ApiPropertyOptional({ example: '17:00', default: '17:00', description: 'Local time the day closes (headlines)' })
  @IsOptional()
  @Matches(TIME_OF_DAY, { message: 'closesAt must be a local time HH:mm or HH:mm:ss' })
  closesAt?: string;
}

export class CampaignAudienceRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The teams it is for; [] for everyone' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teamIds!: string[];
}

export class PlanCampaignRequest {
  @ApiProperty({ enum: CAMPAIGN_KINDS })
  @IsIn(CAMPAIGN_KINDS)
  kind!: CampaignKind;

  @ApiProperty({ example: 'Customer Service Week 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 2026,
    description: 'Without `days`: the programme of the first full week of October of this year',
  })
  @ValidateIf((request: PlanCampaignRequest) => request.days === undefined || request.year !== undefined)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiProperty({ example: 'Europe/London', description: 'The IANA time zone the days and times are read in' })
  @IsString()
  @MaxLength(64)
  timezone!: string;

  @ApiPropertyOptional({ type: [CampaignDayRequest], description: 'Your own programme instead of the default one' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CAMPAIGN_DAYS)
  @ValidateNested({ each: true })
  @Type(() => CampaignDayRequest)
  days?: CampaignDayRequest[];

  @ApiPropertyOptional({ type: CampaignAudienceRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignAudienceRequest)
  audience?: CampaignAudienceRequest;
}
