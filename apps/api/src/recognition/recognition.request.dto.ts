import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import {
  KUDOS_VALUES,
  type KudosValue,
  MAX_EMOJI,
  MAX_KUDOS_MESSAGE,
  MAX_KUDOS_VALUES,
  MAX_PRAISE_QUOTE,
  MAX_RECIPIENTS,
  PRAISE_SOURCES,
  type PraiseSource,
  VISIBILITIES,
  type Visibility,
} from '@frontline/recognition';

export class SendKudosRequest {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    minItems: 1,
    maxItems: MAX_RECIPIENTS,
    description: 'Enrolled, active colleagues; not yourself',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECIPIENTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  to!: string[];

  @ApiProperty({ minLength: 1, maxLength: MAX_KUDOS_MESSAGE })
  @IsString()
  @Length(1, MAX_KUDOS_MESSAGE)
  message!: string;

  @ApiProperty({ enum: KUDOS_VALUES, isArray: true, minItems: 1, maxItems: MAX_KUDOS_VALUES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_KUDOS_VALUES)
  @ArrayUnique()
  @IsIn(KUDOS_VALUES, { each: true })
  values!: KudosValue[];

  @ApiProperty({
    enum: VISIBILITIES,
    description: 'public: everyone; team: the teams of sender and recipients; private: sender and recipients',
  })
  @IsIn(VISIBILITIES)
  visibility!: Visibility;

  @ApiPropertyOptional({ format: 'uuid', description: 'The campaign this kudos belongs to, such as a thank-you wall' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}

export class KudosReactionRequest {
  @ApiProperty({ minLength: 1, maxLength: MAX_EMOJI, example: '🎉', description: 'A short emoji, no whitespace' })
  @IsString()
  @Length(1, MAX_EMOJI)
  @Matches(/^\S+$/u, { message: 'emoji must not contain whitespace' })
  emoji!: string;
}

export class HideKudosRequest {
  @ApiProperty({ minLength: 1, maxLength: MAX_KUDOS_MESSAGE, description: 'Why the kudos leaves every feed' })
  @IsString()
  @Length(1, MAX_KUDOS_MESSAGE)
  reason!: string;
}

export class RecordPraiseRequest {
  @ApiProperty({ format: 'uuid', description: 'The enrolled agent the customer praised' })
  @IsUUID()
  agentId!: string;

  @ApiProperty({ enum: PRAISE_SOURCES })
  @IsIn(PRAISE_SOURCES)
  source!: PraiseSource;

  @ApiProperty({
    minLength: 1,
    maxLength: MAX_PRAISE_QUOTE,
    description: 'Personal data: stored encrypted under the agent’s key, erasable',
  })
  @IsString()
  @Length(1, MAX_PRAISE_QUOTE)
  quote!: string;
}
