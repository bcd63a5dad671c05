import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { displayNames } from '@frontline/directory';
import { CommandExecutor, PersonalData } from '@frontline/platform';
import { Paging, ReadModels } from '@frontline/read-models';
import { abuseIncidentStream } from '../domain/abuse.streams';
import { incidentDecider } from '../domain/incident.decider';
import { IncidentNotFoundError, authorise } from '../domain/incident.policy';
import { decodeAccessEntry } from '../projections/incident-access-log.keys';
import { incidentAccessLogProjection } from '../projections/incident-access-log.projection';
import { IncidentAccessLogQuery } from './incident-access-log.query';

/**
 * The reporter's view of who was given their incident. Only the reporter: anyone else who may see
 * the incident gets 403, anyone who may not 404, as on the incident's other routes.
 */
@QueryHandler(IncidentAccessLogQuery)
export class IncidentAccessLogHandler implements IQueryHandler<IncidentAccessLogQuery> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ incidentId, reporter, page }: IncidentAccessLogQuery) {
    const { state } = await this.executor.load(abuseIncidentStream(incidentId), incidentDecider);
    if (state.status === 'none') throw new IncidentNotFoundError(`No incident ${incidentId}`);
    authorise(reporter, state, 'reporter');
    const keys = await this.readModels.layout(incidentAccessLogProjection);
    const list = `incident-access-log:${incidentId}`;
    const { members, nextCursor } = await this.paging.sortedSet(
      this.readModels.redis,
      list,
      keys.log(incidentId),
      page,
      'newest_first',
    );
    const found = members.length === 0 ? [] : await this.readModels.redis.hmget(keys.entries(incidentId), ...members);
    const entries = found.map((json) => decodeAccessEntry(json!));
    const names = await displayNames(
      this.readModels,
      this.personalData,
      entries.map(({ readerId }) => readerId),
    );
    const items = entries.map((entry) => ({ ...entry, displayName: names.get(entry.readerId)! }));
    return { items, nextCursor };
  }
}
