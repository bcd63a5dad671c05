import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommandExecutor, PersonalData } from '@frontline/platform';
import { abuseIncidentStream } from '../domain/abuse.streams';
import { incidentDecider } from '../domain/incident.decider';
import { incidentViewFor } from '../domain/incident.view';
import { GetIncidentQuery } from './get-incident.query';

/** Answered from the incident's own stream, so it is never behind its last command. */
@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ incidentId, actor }: GetIncidentQuery) {
    const { state } = await this.executor.load(abuseIncidentStream(incidentId), incidentDecider);
    const view = incidentViewFor(actor, state, incidentId);
    if (view.narrative === undefined) return view;
    return { ...view, narrative: await this.personalData.decrypt(view.narrative) };
  }
}
