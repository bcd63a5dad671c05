import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommandExecutor, PersonalData } from '@frontline/platform';
import { IncidentAccessRecorder } from '../application/incident-access.recorder';
import { abuseIncidentStream } from '../domain/abuse.streams';
import { incidentsAccessed } from '../domain/incident-access';
import { incidentDecider } from '../domain/incident.decider';
import { relationTo } from '../domain/incident.policy';
import { incidentViewFor } from '../domain/incident.view';
import { GetIncidentQuery } from './get-incident.query';

/**
 * Answered from the incident's own stream, so it is never behind its last command. Anyone but the
 * reporter is given it only once their access is recorded, with whether the narrative was in it.
 */
@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly accesses: IncidentAccessRecorder,
  ) {}

  async execute({ incidentId, actor, now }: GetIncidentQuery) {
    const { state } = await this.executor.load(abuseIncidentStream(incidentId), incidentDecider);
    const view = incidentViewFor(actor, state, incidentId);
    const narrative = view.narrative === undefined ? undefined : this.personalData.decrypt(view.narrative);
    const given = { incidentId, relation: relationTo(actor, view), narrative: view.narrative !== undefined };
    // Recorded while the narrative is decrypted: the answer waits for the longer of the two, not their sum.
    const [plaintext] = await Promise.all([
      narrative,
      this.accesses.record(incidentsAccessed(actor, 'incident', [given], now)),
    ]);
    return plaintext === undefined ? view : { ...view, narrative: plaintext };
  }
}
