import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '@frontline/platform';
import { RecognitionFeedsQuery } from '@frontline/recognition';
import { PageRequest } from '../common/read.request.dto';
import { FeedResponse } from './recognition-reads.response.dto';

/** Anyone may open any feed; each shows them only the kudos their visibility lets them see. */
@ApiTags('recognition')
@ApiBearerAuth()
@Controller('v1/feeds')
export class FeedsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('org')
  @ApiOperation({ summary: "Read the organisation's recognition feed" })
  @ApiOkResponse({ type: FeedResponse, description: 'Public kudos, newest first' })
  org(@Query() page: PageRequest, @CurrentActor() actor: Actor) {
    return this.queries.execute(new RecognitionFeedsQuery(actor, { of: 'org' }, page));
  }

  @Get('teams/:teamId')
  @ApiOperation({ summary: "Read a team's recognition feed" })
  @ApiOkResponse({ type: FeedResponse, description: 'Kudos sent from or to the team that you may see, newest first' })
  @ApiNotFoundResponse({ description: 'No such team' })
  team(@Param('teamId', ParseUUIDPipe) teamId: string, @Query() page: PageRequest, @CurrentActor() actor: Actor) {
    return this.queries.execute(new RecognitionFeedsQuery(actor, { of: 'team', teamId }, page));
  }

  @Get('people/:personId')
  @ApiOperation({ summary: 'Read the kudos a person has received' })
  @ApiOkResponse({
    type: FeedResponse,
    description: 'Kudos the person sent or received that you may see, newest first',
  })
  @ApiNotFoundResponse({ description: 'Nobody enrolled with that id' })
  person(@Param('personId', ParseUUIDPipe) personId: string, @Query() page: PageRequest, @CurrentActor() actor: Actor) {
    return this.queries.execute(new RecognitionFeedsQuery(actor, { of: 'person', personId }, page));
  }
}
