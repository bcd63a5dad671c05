import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ChangeIncidentCommand,
  GetIncidentQuery,
  ReportIncidentCommand,
  SUPPORT_KINDS,
  type SupportKind,
} from '@frontline/abuse';
import { type Actor, type CommandContext, Context, CurrentActor, Idempotent, newId } from '@frontline/platform';
import {
  CloseIncidentRequest,
  CustomerActionRequest,
  OfferSupportRequest,
  RecoveryBreakRequest,
  ReportIncidentRequest,
} from './abuse.request.dto';
import { IncidentResponse } from './abuse.response.dto';

const SupportKindParam = new ParseEnumPipe(Object.fromEntries(SUPPORT_KINDS.map((kind) => [kind, kind])));

/** Who may do what is decided per incident (reporter, own team lead, wellbeing officer), not per route. */
@ApiTags('abuse')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such incident, or not one you may know of' })
@ApiForbiddenResponse({ description: 'You may see the incident but not do this' })
@Idempotent()
@Controller('v1/incidents')
export class IncidentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Report an abusive contact' })
  @ApiCreatedResponse({ description: 'The incident is recorded; the reporter is the caller' })
  report(@Body() request: ReportIncidentRequest, @Context() context: CommandContext) {
    const report = { ...request, incidentId: request.incidentId ?? newId(context, 'incident') };
    return this.commands.execute(new ReportIncidentCommand(report, context));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read an incident, with the fields your role may see',
    description:
      "Anyone but the reporter is given it only once their access is recorded for the reporter's access log; " +
      'when it cannot be recorded, the answer is a 503 and nothing of the incident.',
  })
  @ApiServiceUnavailableResponse({ description: 'Your access could not be recorded, so the incident is not shown' })
  @ApiOkResponse({ type: IncidentResponse })
  get(@Param('id', ParseUUIDPipe) incidentId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetIncidentQuery(incidentId, actor, new Date()));
  }

  @Post(':id/acknowledge')
  @ApiOperation({ summary: 'Acknowledge an incident' })
  @HttpCode(200)
  acknowledge(@Param('id', ParseUUIDPipe) incidentId: string, @Context() context: CommandContext) {
    return this.change({ type: 'AcknowledgeIncident', incidentId }, context);
  }

  @Post(':id/support-offers')
  @ApiOperation({ summary: 'Offer support after an incident' })
  @HttpCode(200)
  offerSupport(
    @Param('id', ParseUUIDPipe) incidentId: string,
    @Body() request: OfferSupportRequest,
    @Context() context: CommandContext,
  ) {
    return this.change({ type: 'OfferSupport', incidentId, kind: request.kind }, context);
  }

  @Post(':id/support-offers/:kind/accept')
  @ApiOperation({ summary: 'Accept the support offered' })
  @ApiParam({ name: 'kind', enum: SUPPORT_KINDS })
  @HttpCode(200)
  acceptSupport(
    @Param('id', ParseUUIDPipe) incidentId: string,
    @Param('kind', SupportKindParam) kind: SupportKind,
    @Context() context: CommandContext,
  ) {
    return this.change({ type: 'AcceptSupport', incidentId, kind }, context);
  }

  @Post(':id/support-offers/:kind/decline')
  @ApiOperation({ summary: 'Decline the support offered' })
  @ApiParam({ name: 'kind', enum: SUPPORT_KINDS })
  @HttpCode(200)
  declineSupport(
    @Param('id', ParseUUIDPipe) incidentId: string,
    @Param('kind', SupportKindParam) kind: SupportKind,
    @Context() context: CommandContext,
  ) {
    return this.change({ type: 'DeclineSupport', incidentId, kind }, context);
  }

  /** The agent takes it; nobody approves a recovery break. */
  @Post(':id/recovery-break')
  @ApiOperation({ summary: 'Take a recovery break, no approval needed' })
  @HttpCode(200)
  takeRecoveryBreak(
    @Param('id', ParseUUIDPipe) incidentId: string,
    @Body() request: RecoveryBreakRequest,
    @Context() context: CommandContext,
  ) {
    return this.change({ type: 'TakeRecoveryBreak', incidentId, minutes: request.minutes }, context);
  }

  @Post(':id/customer-actions')
  @ApiOperation({ summary: 'Record an action taken against the abusive customer' })
  @HttpCode(200)
  recordCustomerAction(
    @Param('id', ParseUUIDPipe) incidentId: string,
    @Body() request: CustomerActionRequest,
    @Context() context: CommandContext,
  ) {
    return this.change({ type: 'RecordCustomerAction', incidentId, action: request.action }, context);
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close an incident with its outcome' })
  @HttpCode(200)
  close(
    @Param('id', ParseUUIDPipe) incidentId: string,
    @Body() request: CloseIncidentRequest,
    @Context() context: CommandContext,
  ) {
    return this.change({ type: 'CloseIncident', incidentId, outcome: request.outcome }, context);
  }

  @Post(':id/withdraw')
  @ApiOperation({ summary: 'Withdraw your own report' })
  @HttpCode(200)
  withdraw(@Param('id', ParseUUIDPipe) incidentId: string, @Context() context: CommandContext) {
    return this.change({ type: 'WithdrawIncident', incidentId }, context);
  }

  private change(change: ChangeIncidentCommand['change'], context: CommandContext) {
    return this.commands.execute(new ChangeIncidentCommand(change, context));
  }
}
