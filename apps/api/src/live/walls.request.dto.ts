import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { WALL_TOKEN_DEFAULT_HOURS, WALL_TOKEN_MAX_HOURS } from './wall-tokens';

export class CreateWallTokenRequest {
  @ApiProperty({ enum: ['org', 'campaign'], description: "The organisation's wall, or a campaign's" })
  @IsIn(['org', 'campaign'])
  wall!: 'org' | 'campaign';

  @ApiPropertyOptional({ format: 'uuid', description: "The campaign, for a campaign's wall" })
  @ValidateIf((request: CreateWallTokenRequest) => request.wall === 'campaign' || request.campaignId !== undefined)
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: WALL_TOKEN_MAX_HOURS,
    default: WALL_TOKEN_DEFAULT_HOURS,
    description: 'How long the screen may show the wall: at most a campaign week',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(WALL_TOKEN_MAX_HOURS)
  expiresInHours: number = WALL_TOKEN_DEFAULT_HOURS;
}

/** A person's stream is always their own: no parameter names anyone. */
export class MeStreamRequest {
  @ApiPropertyOptional({
    description: 'Resume after this event, for a page that reloads (a Last-Event-ID header comes first)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  lastEventId?: string;
}

/** How a screen opens its wall: the token HR or an admin created for it, in the query. */
export class WallStreamRequest extends MeStreamRequest {
  @ApiPropertyOptional({ description: 'A wall token, for a screen that cannot send an Authorization header' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  token?: string;
}

/** A new wall token: shown this once, kept only as a hash. */
export class WallTokenResponse {
  @ApiProperty({ format: 'uuid', description: 'To revoke it' }) tokenId!: string;
  @ApiProperty({ example: 'wall_…', description: 'Shown this once' }) token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ example: '/v1/walls/org/stream?token=wall_…', description: 'The stream a screen opens' })
  streamUrl!: string;
}
