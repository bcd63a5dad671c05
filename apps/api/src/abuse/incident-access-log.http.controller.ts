import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IncidentAccessLogQuery } from '@frontline/abuse';
import { type Actor, CurrentActor } from '@frontline/platform';
import { PageRequest } from '../common/read.request.dto';
import { IncidentAccessLogResponse } from './abuse.response.dto';

/** The reporter sees who was given their incident; nobody else sees that list. */
@ApiTags('abuse')
@ApiBearerAuth()
@Controller('v1/me/incidents')
export class IncidentAccessLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/access-log')
  @ApiOperation({
    summary: 'See who opened your incident',
    description:
      'Everyone but you who was given the incident, newest first: their name (as `[erased]` once erased), the ' +
      'role they had it in, when, whether the narrative was in what they saw, and whether they opened it ' +
      '(`incident`) or saw it as an entry of a queue (`queue`).',
  })
  @ApiOkResponse({ type: IncidentAccessLogResponse })
  @ApiForbiddenResponse({ description: 'You may see the incident but it is not yours' })
  @ApiNotFoundResponse({ description: 'No such incident, or not one you may know of' })
  accessLog(@Param('id', ParseUUIDPipe) incidentId: string, @Query() page: PageRequest, @CurrentActor() actor: Actor) {
    return this.queries.execute(new IncidentAccessLogQuery(incidentId, actor, page));
  }
}
