import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateTeamCommand } from '@frontline/directory';
import { type CommandContext, Context, Idempotent, Roles, newId } from '@frontline/platform';
import { CreateTeamRequest } from './directory.request.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Idempotent()
@Controller('v1/teams')
export class TeamsController {
  constructor(private readonly commands: CommandBus) {}

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
