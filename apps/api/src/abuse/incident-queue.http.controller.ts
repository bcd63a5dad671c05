import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IncidentQueueQuery, MyIncidentsQuery } from '@frontline/abuse';
import { type Actor, CurrentActor, Roles } from '@frontline/platform';
import { PageRequest } from '../common/read.request.dto';
import { IncidentQueueRequest } from './abuse-reads.request.dto';
import { MyIncidentsResponse } from './abuse.response.dto';
import { IncidentQueueResponse } from './abuse-reads.response.dto';

/** Lists for acting on incidents and for following one's own; details stay behind GET /v1/incidents/{id}. */
@ApiTags('abuse')
@ApiBearerAuth()
@Controller('v1')
export class IncidentQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get('incidents')
  @ApiOperation({ summary: 'Work the queue of open incidents' })
  @Roles('team_lead', 'wellbeing_officer')
  @ApiOkResponse({
    type: IncidentQueueResponse,
    description:
      'Open incidents, oldest due first, with `ackDueAt` and `overdue`: `{items, nextCursor}`. The page is ' +
      "recorded in each reporter's access log (without narrative) before it is sent.",
  })
  @ApiForbiddenResponse({ description: "Not a carer, or a team lead asking for another team's queue" })
  @ApiServiceUnavailableResponse({
    description: "The page could not be recorded in its reporters' access logs, so it is not shown",
  })
  incidentQueue(@Query() request: IncidentQueueRequest, @CurrentActor() actor: Actor) {
    const { status, teamId, cursor, limit } = request;
    return this.queries.execute(new IncidentQueueQuery(actor, { status, teamId }, { cursor, limit }, new Date()));
  }

  @Get('me/incidents')
  @ApiOperation({ summary: 'Follow your own reports' })
  @ApiOkResponse({
    description: 'Your own incidents, newest first, whatever became of them',
    type: MyIncidentsResponse,
  })
  myIncidents(@Query() page: PageRequest, @CurrentActor() actor: Actor) {
    return this.queries.execute(new MyIncidentsQuery(actor.personId, page));
  }
}
