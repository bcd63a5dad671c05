import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { LogWellbeingActivityCommand, SubmitPulseCheckInCommand } from '@frontline/wellbeing';
import { type CommandContext, Context, Idempotent, newId } from '@frontline/platform';
import { LogWellbeingActivityRequest, SubmitPulseCheckInRequest } from './wellbeing.request.dto';
import { ActivityLoggedResponse } from './wellbeing.response.dto';

/** Any role, always for the caller themself: nothing here names another person. */
@ApiTags('wellbeing')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is not enrolled in the directory, or has left (not-enrolled)' })
@Idempotent()
@Controller('v1/wellbeing')
export class WellbeingController {
  constructor(private readonly commands: CommandBus) {}

  @Post('activities')
  @ApiOperation({ summary: 'Log a wellbeing activity' })
  @ApiCreatedResponse({ description: 'Logged', type: ActivityLoggedResponse })
  @ApiBadRequestResponse({ description: 'Bad fields, a date in the future (UTC) or more than 90 days back' })
  logActivity(@Body() request: LogWellbeingActivityRequest, @Context() context: CommandContext) {
    return this.commands.execute(
      new LogWellbeingActivityCommand({ ...request, activityId: newId(context, 'activity') }, context),
    );
  }

  @Post('pulse')
  @ApiOperation({ summary: "Answer this week's pulse" })
  @ApiCreatedResponse({ description: 'Submitted for the current ISO week (UTC); answers `{isoWeek}` only' })
  @ApiConflictResponse({ description: 'This week has its pulse already (pulse-already-submitted)' })
  submitPulse(@Body() request: SubmitPulseCheckInRequest, @Context() context: CommandContext) {
    return this.commands.execute(new SubmitPulseCheckInCommand(request, context));
  }
}
