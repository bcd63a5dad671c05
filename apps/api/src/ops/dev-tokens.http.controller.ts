import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { AnswerCarriesSecret, Idempotent, Public, ROLES, type Role, TokenVerifier } from '@frontline/platform';

class DevTokenRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sub!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

/** Exists only in FRONTLINE_ENV=development: the api then signs tokens of its own, beside the OpenID Provider's. */
@ApiTags('dev')
@Idempotent()
@Controller('v1/dev/tokens')
export class DevTokensController {
  constructor(private readonly tokens: TokenVerifier) {}

  @Public()
  @Post()
  @HttpCode(201)
  @AnswerCarriesSecret()
  @ApiOperation({ summary: 'Sign a token for anyone (local development only)', security: [] })
  async sign(@Body() request: DevTokenRequest): Promise<{ token: string }> {
    return {
      token: await this.tokens.signDevToken({ personId: request.sub, roles: request.roles, teamId: request.teamId }),
    };
  }
}
