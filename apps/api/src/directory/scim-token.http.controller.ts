import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ScimTokens } from '@frontline/directory';
import { AnswerCarriesSecret, type CommandContext, Context, Idempotent, Roles } from '@frontline/platform';

@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin')
@Idempotent()
@Controller('v1/directory/scim-token')
export class ScimTokenController {
  constructor(private readonly tokens: ScimTokens) {}

  /** Shown this once, stored only as a hash; the token before it stops working at once. */
  @Post()
  @HttpCode(200)
  @AnswerCarriesSecret()
  @ApiOperation({ summary: "Rotate the SCIM client's bearer token" })
  @ApiOkResponse({ description: 'The new token, for the identity provider: `{ token }`' })
  async rotate(@Context() context: CommandContext): Promise<{ token: string }> {
    return { token: await this.tokens.rotate(context) };
  }
}
