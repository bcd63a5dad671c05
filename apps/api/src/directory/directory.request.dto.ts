import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, type Role } from '@frontline/platform';

export class CreateTeamRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the caller, or made up by the server' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentTeamId?: string;
}

export class EnrolPersonRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the caller, or made up by the server' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiProperty({ minLength: 1, maxLength: 100, description: 'Personal data: stored encrypted, erasable' })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  teamId!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({ example: 'Europe/London', maxLength: 64 })
  @IsTimeZone()
  @MaxLength(64)
  timezone!: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 256,
    description: 'Their user name at the identity provider (SCIM userName); personal data: stored encrypted',
  })
  // Required with an externalId: a person is found by their user name first.
  @ValidateIf((request: EnrolPersonRequest) => request.userName !== undefined || request.externalId !== undefined)
  @IsString()
  @Length(1, 256)
  userName?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 256,
    description: "The identity provider's id of them (SCIM externalId), if it matches tokens by it",
  })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  externalId?: string;
}

export class MovePersonRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  teamId!: string;
}
