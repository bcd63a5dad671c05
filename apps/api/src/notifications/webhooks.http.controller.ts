import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  DisableWebhookCommand,
  RegisterWebhookCommand,
  RotateWebhookSecretCommand,
  WebhooksQuery,
} from '@frontline/notifications';
import { AnswerCarriesSecret, type CommandContext, Context, Idempotent, Roles, newId } from '@frontline/platform';
import { PageRequest } from '../common/read.request.dto';
import { RegisterWebhookRequest, WebhookSecretResponse, WebhooksResponse } from './webhooks.request.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Idempotent()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the webhooks, a page at a time: where each posts and what, never its secret' })
  @Roles('admin')
  @ApiOkResponse({ type: WebhooksResponse })
  list(@Query() page: PageRequest) {
    return this.queries.execute(new WebhooksQuery(page));
  }

  @Post()
  @ApiOperation({ summary: 'Register an outbound webhook; its secret is shown once' })
  @Roles('admin')
  @AnswerCarriesSecret()
  @ApiCreatedResponse({ type: WebhookSecretResponse, description: 'Registered; the secret is shown this once' })
  register(@Body() request: RegisterWebhookRequest, @Context() context: CommandContext) {
    return this.commands.execute(
      new RegisterWebhookCommand({ ...request, webhookId: request.webhookId ?? newId(context, 'webhook') }, context),
    );
  }

  @Post(':id/rotate')
  @ApiOperation({ summary: "Rotate a webhook's signing secret" })
  @HttpCode(200)
  @Roles('admin')
  @AnswerCarriesSecret()
  @ApiOkResponse({
    type: WebhookSecretResponse,
    description: 'The new secret, shown this once; the old one signs too for a while',
  })
  @ApiNotFoundResponse({ description: 'No such webhook' })
  rotate(@Param('id', ParseUUIDPipe) webhookId: string, @Context() context: CommandContext) {
    return this.commands.execute(new RotateWebhookSecretCommand(webhookId, context));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Disable an outbound webhook' })
  @Roles('admin')
  @ApiOkResponse({ description: 'Disabled: nothing more is delivered to it' })
  @ApiNotFoundResponse({ description: 'No such webhook' })
  disable(@Param('id', ParseUUIDPipe) webhookId: string, @Context() context: CommandContext) {
    return this.commands.execute(new DisableWebhookCommand(webhookId, context));
  }
}
