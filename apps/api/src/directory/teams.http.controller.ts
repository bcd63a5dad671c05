import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateTeamCommand, TeamMembersQuery, TeamsQuery } from '@frontline/directory';
import { type CommandContext, Context, Idempotent, Roles, newId } from '@frontline/platform';
import { PageRequest } from '../common/read.request.dto';
import { CreateTeamRequest } from './directory.request.dto';
import { TeamMembersResponse, TeamsResponse } from './directory-lists.response.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Idempotent()
@Controller('v1/teams')
export class TeamsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the teams, a page at a time' })
  @Roles('admin')
  @ApiOkResponse({ type: TeamsResponse })
  list(@Query() page: PageRequest) {
    return this.queries.execute(new TeamsQuery(page));
  }

  @Get(':teamId/members')
  @ApiOperation({ summary: "List a team's active members, a page at a time" })
  @Roles('admin')
  @ApiOkResponse({ type: TeamMembersResponse })
  members(@Param('teamId', ParseUUIDPipe) teamId: string, @Query() page: PageRequest) {
    return this.queries.execute(new TeamMembersQuery(teamId, page));
  }

  @Post()
  @ApiOperation({ summary: 'Create a team' })
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The team exists' })
  @ApiConflictResponse({ description: 'A team with this id exists already' })
  create(@Body() request: CreateTeamRequest, @Context() context: CommandContext) {
    return this.commands.execute(
      new CreateTeamCommand({ ...request, teamId: request.teamId ?? newId(context, 'team') }, context),
    );
  }
}
