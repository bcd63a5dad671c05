import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@frontline/platform';
import { MyWellbeingQuery, WellbeingDashboardQuery } from '@frontline/wellbeing';
import { WellbeingDashboardResponse } from '../common/dashboard.response.dto';
import { MyWellbeingRequest, WellbeingDashboardRequest } from './wellbeing-reads.request.dto';
import { MyWellbeingResponse } from './wellbeing.response.dto';

@ApiTags('wellbeing')
@ApiBearerAuth()
@Controller('v1')
export class WellbeingReadsController {
  constructor(private readonly queries: QueryBus) {}

  /** The caller's own history: there is no way to name anyone else. */
  @Get('me/wellbeing')
  @ApiOperation({ summary: 'See your own wellbeing activities and pulse answers' })
  @ApiOkResponse({ type: MyWellbeingResponse })
  @ApiBadRequestResponse({ description: 'A bad limit or cursor' })
  myWellbeing(@Query() { cursor, limit }: MyWellbeingRequest, @CurrentActor() actor: Actor) {
    return this.queries.execute(new MyWellbeingQuery(actor, actor.personId, { cursor, limit }));
  }

  @Get('dashboards/wellbeing')
  @ApiOperation({ summary: 'Wellbeing participation and pulse trends, privacy-protected' })
  @Roles('hr', 'admin')
  @ApiOkResponse({
    type: WellbeingDashboardResponse,
    description:
      'Per team and period: participation, minutes by kind, pulse means; org totals. A cell about fewer than ' +
      'PRIVACY_MIN_GROUP people, or one that would give such a cell away, is `{value: null, suppressed: true}`',
  })
  @ApiBadRequestResponse({ description: 'Bad dates, `from` after `to`, or more than 106 periods' })
  @ApiForbiddenResponse({ description: 'Not HR or admin' })
  dashboard(@Query() request: WellbeingDashboardRequest) {
    return this.queries.execute(new WellbeingDashboardQuery(request));
  }
}
