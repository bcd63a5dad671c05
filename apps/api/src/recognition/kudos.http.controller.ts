import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type CommandContext, Context, Idempotent, Roles } from '@frontline/platform';
import { ReactToKudosCommand, RemoveKudosCommand, SendKudosCommand } from '@frontline/recognition';
import { HideKudosRequest, KudosReactionRequest, SendKudosRequest } from './recognition.request.dto';
import { KudosSentResponse } from './recognition.response.dto';

@ApiTags('recognition')
@ApiBearerAuth()
@Idempotent()
@Controller('v1/kudos')
export class KudosController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Send kudos' })
  @ApiCreatedResponse({ description: 'Sent', type: KudosSentResponse })
  @ApiConflictResponse({ description: 'To yourself, to someone who left, or over the daily allowance' })
  @ApiNotFoundResponse({ description: 'A recipient nobody enrolled' })
  send(@Body() request: SendKudosRequest, @Context() context: CommandContext) {
    return this.commands.execute(new SendKudosCommand(request, context));
  }

  @Post(':id/reactions')
  @ApiOperation({ summary: 'React to a kudos' })
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'No such kudos, or not one you can see' })
  @ApiConflictResponse({ description: 'The kudos was retracted or hidden' })
  react(
    @Param('id', ParseUUIDPipe) kudosId: string,
    @Body() request: KudosReactionRequest,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(
      new ReactToKudosCommand({ type: 'AddKudosReaction', kudosId, emoji: request.emoji }, context),
    );
  }

  @Delete(':id/reactions/:emoji')
  @ApiOperation({ summary: 'Take back a reaction' })
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'No such kudos, or not one you can see' })
  unreact(
    @Param('id', ParseUUIDPipe) kudosId: string,
    @Param('emoji') emoji: string,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new ReactToKudosCommand({ type: 'RemoveKudosReaction', kudosId, emoji }, context));
  }

  @Post(':id/retract')
  @ApiOperation({ summary: 'Retract a kudos you sent' })
  @HttpCode(200)
  @ApiForbiddenResponse({ description: 'Only the sender retracts' })
  retract(@Param('id', ParseUUIDPipe) kudosId: string, @Context() context: CommandContext) {
    return this.commands.execute(new RemoveKudosCommand({ type: 'RetractKudos', kudosId }, context));
  }

  @Post(':id/hide')
  @ApiOperation({ summary: 'Hide a kudos from every feed' })
  @HttpCode(200)
  @Roles('admin')
  hide(
    @Param('id', ParseUUIDPipe) kudosId: string,
    @Body() request: HideKudosRequest,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(
      new RemoveKudosCommand({ type: 'HideKudos', kudosId, reason: request.reason }, context),
    );
  }
}
