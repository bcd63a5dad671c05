import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordContactVolumesCommand } from '@frontline/abuse';
import { type CommandContext, Context, Roles } from '@frontline/platform';
import { RecordContactVolumesRequest } from './abuse.request.dto';

@ApiTags('abuse')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/contact-volumes')
export class ContactVolumesController {
  constructor(private readonly commands: CommandBus) {}

  /** Idempotent per team, date and channel: a re-import records only what changed. */
  @Put()
  @ApiOperation({ summary: 'Import contact volumes per team, day and channel' })
  @HttpCode(200)
  @ApiOkResponse({ description: '{recorded, corrected, unchanged}: rows new, changed and the same as before' })
  @ApiNotFoundResponse({ description: 'A team in the rows does not exist; nothing was written' })
  record(@Body() request: RecordContactVolumesRequest, @Context() context: CommandContext) {
    return this.commands.execute(new RecordContactVolumesCommand(request.rows, context));
  }
}
