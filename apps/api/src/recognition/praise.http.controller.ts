import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandContext, Context, Idempotent, Roles } from '@frontline/platform';
import { RecordPraiseCommand } from '@frontline/recognition';
import { RecordPraiseRequest } from './recognition.request.dto';

@ApiTags('recognition')
@ApiBearerAuth()
@Idempotent()
@Controller('v1/praise')
export class PraiseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: "Record a customer's praise for an agent" })
  @Roles('team_lead', 'admin')
  @ApiCreatedResponse({ description: 'Recorded: `{praiseId}`' })
  @ApiNotFoundResponse({ description: 'No agent enrolled with this id' })
  record(@Body() request: RecordPraiseRequest, @Context() context: CommandContext) {
    return this.commands.execute(new RecordPraiseCommand(request, context));
  }
}
