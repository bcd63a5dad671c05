import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChangePersonCommand, EnrolPersonCommand } from '@frontline/directory';
import { type CommandContext, Context, Idempotent, Roles, newId } from '@frontline/platform';
import { EnrolPersonRequest, MovePersonRequest } from './directory.request.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin')
@Idempotent()
@Controller('v1/people')
export class PeopleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  enrol(@Body() request: EnrolPersonRequest, @Context() context: CommandContext) {
    return this.commands.execute(
      new EnrolPersonCommand({ ...request, personId: request.personId ?? newId(context, 'person') }, context),
    );
  }

  @Post(':id/move')
  @HttpCode(200)
  move(
    @Param('id', ParseUUIDPipe) personId: string,
    @Body() request: MovePersonRequest,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(
      new ChangePersonCommand({ type: 'MovePerson', personId, toTeamId: request.teamId }, context),
    );
  }

  @Post(':id/offboard')
  @HttpCode(200)
  offboard(@Param('id', ParseUUIDPipe) personId: string, @Context() context: CommandContext) {
    return this.commands.execute(new ChangePersonCommand({ type: 'OffboardPerson', personId }, context));
  }

  /** Deletes the person's data key: their name and narratives become unreadable everywhere; counts stay. */
  @Post(':id/erase')
  @HttpCode(200)
  erase(@Param('id', ParseUUIDPipe) personId: string, @Context() context: CommandContext) {
    return this.commands.execute(new ChangePersonCommand({ type: 'ErasePersonalData', personId }, context));
  }
}
