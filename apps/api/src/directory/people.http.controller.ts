import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangePersonCommand, EnrolPersonCommand, TeamMembersQuery } from '@frontline/directory';
import { type CommandContext, Context, Idempotent, Roles, newId } from '@frontline/platform';
import { EnrolPersonRequest, MovePersonRequest } from './directory.request.dto';
import { TeamMembersRequest, TeamMembersResponse } from './directory-lists.response.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin')
@Idempotent()
@Controller('v1/people')
export class PeopleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "List a team's active members, a page at a time" })
  @ApiOkResponse({ type: TeamMembersResponse })
  list(@Query() { teamId, ...page }: TeamMembersRequest) {
    return this.queries.execute(new TeamMembersQuery(teamId, page));
  }

  @Post()
  @ApiOperation({ summary: 'Enrol a person' })
  enrol(@Body() { userName, externalId, ...request }: EnrolPersonRequest, @Context() context: CommandContext) {
    const personId = request.personId ?? newId(context, 'person');
    const identity = userName === undefined ? undefined : { userName, externalId };
    return this.commands.execute(new EnrolPersonCommand({ ...request, personId, identity }, context));
  }

  @Post(':id/move')
  @ApiOperation({ summary: 'Move a person to another team' })
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
  @ApiOperation({ summary: 'Offboard a person' })
  @HttpCode(200)
  offboard(@Param('id', ParseUUIDPipe) personId: string, @Context() context: CommandContext) {
    return this.commands.execute(new ChangePersonCommand({ type: 'OffboardPerson', personId }, context));
  }

  /** Deletes the person's data key: their name and narratives become unreadable everywhere; counts stay. */
  @Post(':id/erase')
  @ApiOperation({ summary: "Erase a person's personal data" })
  @HttpCode(200)
  erase(@Param('id', ParseUUIDPipe) personId: string, @Context() context: CommandContext) {
    return this.commands.execute(new ChangePersonCommand({ type: 'ErasePersonalData', personId }, context));
  }
}
