import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CancelCampaignCommand, GetCampaignQuery, ListCampaignsQuery, PlanCampaignCommand } from '@frontline/campaigns';
import { type Actor, type CommandContext, Context, CurrentActor, Idempotent, Roles, newId } from '@frontline/platform';
import { PageRequest } from '../common/read.request.dto';
import { PlanCampaignRequest } from './campaigns.request.dto';
import { CampaignListResponse, CampaignResponse, PlannedCampaignResponse } from './campaigns.response.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Idempotent()
@Controller('v1/campaigns')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Plan a campaign such as Customer Service Week' })
  @Roles('hr')
  @ApiCreatedResponse({
    type: PlannedCampaignResponse,
    description: 'Planned: `{campaignId, days}`, the days filled in when omitted',
  })
  @ApiBadRequestResponse({ description: 'Bad fields, an unknown time zone, or a day that opens in the past' })
  plan(@Body() { days, audience, ...request }: PlanCampaignRequest, @Context() context: CommandContext) {
    return this.commands.execute(
      new PlanCampaignCommand(
        {
          ...request,
          campaignId: newId(context, 'campaign'),
          days: days?.map(({ closesAt = '17:00', ...day }) => ({ ...day, closesAt })),
          audience: audience && { teamIds: audience.teamIds },
        },
        context,
      ),
    );
  }

  @Get()
  @ApiOperation({ summary: 'List campaigns, the latest first day first' })
  @Roles('hr', 'admin')
  @ApiOkResponse({ type: CampaignListResponse })
  list(@Query() { cursor, limit }: PageRequest) {
    return this.queries.execute(new ListCampaignsQuery({ cursor, limit }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Follow a campaign: its days, steps and headlines' })
  @ApiOkResponse({ type: CampaignResponse, description: 'Programme, status, steps run, headlines and summary' })
  @ApiNotFoundResponse({ description: 'No such campaign, or (not HR or admin) not one in progress' })
  get(@Param('id', ParseUUIDPipe) campaignId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetCampaignQuery(actor, campaignId));
  }

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel a campaign' })
  @HttpCode(200)
  @Roles('hr')
  @ApiOkResponse({ description: 'Cancelled; pending steps will not run' })
  @ApiConflictResponse({ description: 'Closed or cancelled already (campaign-ended)' })
  cancel(@Param('id', ParseUUIDPipe) campaignId: string, @Context() context: CommandContext) {
    return this.commands.execute(new CancelCampaignCommand(campaignId, context));
  }
}
