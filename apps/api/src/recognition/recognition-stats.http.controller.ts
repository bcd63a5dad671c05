import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@frontline/platform';
import { MyRecognitionQuery, RecognitionDashboardQuery, RecognitionGapsQuery } from '@frontline/recognition';
import { RecognitionDashboardResponse } from '../common/dashboard.response.dto';
import { RecognitionDashboardRequest, RecognitionGapsRequest } from './recognition-reads.request.dto';
import { MyRecognitionResponse } from './recognition.response.dto';
import { RecognitionGapsResponse } from './recognition-reads.response.dto';

@ApiTags('recognition')
@ApiBearerAuth()
@Controller('v1')
export class RecognitionStatsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('me/recognition')
  @ApiOperation({ summary: 'See the recognition you have received' })
  @ApiOkResponse({
    description: 'Your own kudos counts, values received, last recognised at, recent kudos',
    type: MyRecognitionResponse,
  })
  me(@CurrentActor() actor: Actor) {
    return this.queries.execute(new MyRecognitionQuery(actor.personId));
  }

  @Get('teams/:teamId/recognition-gaps')
  @ApiOperation({ summary: 'See who in your team has not been recognised lately' })
  @Roles('team_lead')
  @ApiOkResponse({ type: RecognitionGapsResponse })
  @ApiForbiddenResponse({ description: 'Not the lead of this team' })
  recognitionGaps(
    @Param('teamId', ParseUUIDPipe) teamId: string,
    @Query() { days, cursor, limit }: RecognitionGapsRequest,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(new RecognitionGapsQuery(actor, teamId, days, { cursor, limit }, new Date()));
  }

  @Get('dashboards/recognition')
  @ApiOperation({ summary: 'Recognition coverage and values, privacy-protected' })
  @Roles('hr', 'admin')
  @ApiOkResponse({
    type: RecognitionDashboardResponse,
    description:
      "Per period, the org and a page of sites or of a site's teams; cells about too few people are `{value: null, suppressed: true, reason}`",
  })
  recognition(@Query() request: RecognitionDashboardRequest) {
    return this.queries.execute(new RecognitionDashboardQuery(request));
  }
}
