import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TeamSites } from '@frontline/directory';
import { CommandExecutor, PersonalData, ownTeamOf } from '@frontline/platform';
import { abuseIncidentStream } from '../domain/abuse.streams';
import { incidentDecider } from '../domain/incident.decider';
import { ReportIncidentCommand } from './report-incident.command';

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly sites: TeamSites,
  ) {}

  async execute({ report, context }: ReportIncidentCommand) {
    const agentId = context.actor.personId;
    const teamId = ownTeamOf(context.actor);
    const { customerRef, narrative, ...rest } = report;
    await this.executor.execute(
      abuseIncidentStream(report.incidentId),
      incidentDecider,
      {
        type: 'ReportIncident',
        ...rest,
        reportedBy: agentId,
        agentId,
        teamId,
        siteId: await this.sites.siteOf(teamId),
        // Only ever the keyed pseudonym of the customer, and the narrative under the agent's own key.
        ...(customerRef ? { customerPseudonym: this.personalData.pseudonymiseCustomer(customerRef) } : {}),
        ...(narrative ? { narrative: await this.personalData.encrypt(agentId, narrative) } : {}),
        now: context.now,
      },
      context,
      { expectNew: true },
    );
    return { incidentId: report.incidentId };
  }
}
