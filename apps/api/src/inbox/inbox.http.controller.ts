import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InboxQuery, MarkInboxReadCommand } from '@frontline/inbox';
import { type Actor, type CommandContext, Context, CurrentActor, Idempotent } from '@frontline/platform';
import { PageRequest } from '../common/read.request.dto';
import { MarkInboxReadRequest } from './inbox.request.dto';

/** Always the caller's own inbox: there is no way to name someone else's. */
@ApiTags('inbox')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is not enrolled in the directory, or has left (not-enrolled)' })
@Controller('v1/me/inbox')
export class InboxController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Read your inbox',
    description:
      'What concerns you, newest first: your reports’ progress and care check-ins, kudos received and their ' +
      'reactions, badges and campaign announcements; for a team lead, incidents of their team that need care and ' +
      'acknowledgements falling due; for a wellbeing officer, escalations and repeat-abuser matches.',
  })
  @ApiOkResponse({ description: '`{items: [{id, kind, at, read, …}], unread, nextCursor}`' })
  @ApiBadRequestResponse({ description: 'A cursor this list did not give out, or a limit out of range' })
  inbox(@Query() page: PageRequest, @CurrentActor() actor: Actor) {
    return this.queries.execute(new InboxQuery(actor, page));
  }

  @Post('read')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Mark your inbox read up to an item',
    description: 'Repeating it, or naming an older item, changes nothing.',
  })
  @ApiOkResponse({ description: '`{upTo, unread}`: the item read up to, and how many items are unread after it' })
  @ApiBadRequestResponse({ description: 'upTo is not an item id, or names no item of your inbox (unknown-inbox-item)' })
  markRead(@Body() { upTo }: MarkInboxReadRequest, @Context() context: CommandContext) {
    return this.commands.execute(new MarkInboxReadCommand(upTo, context));
  }
}
