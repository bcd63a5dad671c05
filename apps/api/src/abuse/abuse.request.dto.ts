import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ABUSE_KINDS,
  type AbuseKind,
  CHANNELS,
  CUSTOMER_ACTIONS,
  type Channel,
  type CustomerAction,
  INCIDENT_OUTCOMES,
  type IncidentOutcome,
  MAX_CONTACTS_PER_DAY,
  NARRATIVE_MAX_LENGTH,
  RECOVERY_BREAK_MINUTES,
  SEVERITIES,
  SUPPORT_KINDS,
  type Severity,
  type SupportKind,
} from '@frontline/abuse';

export const MAX_CONTACT_VOLUME_ROWS = 5_000;

export class ReportIncidentRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the caller, or made up by the server' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ enum: ABUSE_KINDS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ABUSE_KINDS.length)
  @ArrayUnique()
  @IsIn(ABUSE_KINDS, { each: true })
  kinds!: AbuseKind[];

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity!: Severity;

  @ApiProperty({ format: 'date-time', description: 'Not in the future, at most 90 days back' })
  @IsDateString({ strict: true })
  occurredAt!: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'The contact centre\u2019s own id of the call, chat or ticket' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contactRef?: string;

  @ApiPropertyOptional({
    maxLength: 320,
    description: 'E-mail, phone or account of the customer; never stored, only its keyed pseudonym',
  })
  @IsOptional()
  @IsString()
  @Length(1, 320)
  customerRef?: string;

  @ApiPropertyOptional({
    maxLength: NARRATIVE_MAX_LENGTH,
    description: 'What happened, in the agent\u2019s words; personal data, stored encrypted and erasable',
  })
  @IsOptional()
  @IsString()
  @Length(1, NARRATIVE_MAX_LENGTH)
  narrative?: string;

  @ApiProperty({ description: 'The agent asks for support now' })
  @IsBoolean()
  supportRequested!: boolean;

  @ApiProperty({ description: 'The agent\u2019s team lead may read the narrative' })
  @IsBoolean()
  shareNarrativeWithLead!: boolean;
}

export class OfferSupportRequest {
  @ApiProperty({ enum: SUPPORT_KINDS })
  @IsIn(SUPPORT_KINDS)
  kind!: SupportKind;
}

export class RecoveryBreakRequest {
  @ApiProperty({ minimum: RECOVERY_BREAK_MINUTES.min, maximum: RECOVERY_BREAK_MINUTES.max })
  @IsInt()
  @Min(RECOVERY_BREAK_MINUTES.min)
  @Max(RECOVERY_BREAK_MINUTES.max)
  minutes!: number;
}

export class CustomerActionRequest {
  @ApiProperty({ enum: CUSTOMER_ACTIONS })
  @IsIn(CUSTOMER_ACTIONS)
  action!: CustomerAction;
}

export class CloseIncidentRequest {
  @ApiProperty({ enum: INCIDENT_OUTCOMES })
  @IsIn(INCIDENT_OUTCOMES)
  outcome!: IncidentOutcome;
}

export class ContactVolumeRowRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  teamId!: string;

  @ApiProperty({ format: 'date', example: '2025-10-06' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  date!: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_CONTACTS_PER_DAY,
    description: 'Contacts the team handled on that day and channel',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_CONTACTS_PER_DAY)
  contacts!: number;
}

export class RecordContactVolumesRequest {
  @ApiProperty({ type: [ContactVolumeRowRequest], minItems: 1, maxItems: MAX_CONTACT_VOLUME_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONTACT_VOLUME_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ContactVolumeRowRequest)
  rows!: ContactVolumeRowRequest[];
}
