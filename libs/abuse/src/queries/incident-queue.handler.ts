import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ForbiddenError } from '@frontline/decider';
import { type Actor, hasRole } from '@frontline/platform';
import { Paging, ReadModels } from '@frontline/read-models';
import { CARE_ACK_SLA_MS } from '../domain/abuse.vocabulary';
import { incidentQueueProjection } from '../projections/incident-queue.projection';
import { IncidentQueueQuery } from './incident-queue.query';
import { incidentSummaries } from './incident-summary';

/** The open incidents a carer acts on, oldest due first, with the clock of the acknowledge SLA. */
@QueryHandler(IncidentQueueQuery)
export class IncidentQueueHandler implements IQueryHandler<IncidentQueueQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async execute({ carer, filter, page, now }: IncidentQueueQuery) {
    const teamId = teamVisibleTo(carer, filter.teamId);
    const keys = await this.readModels.layout(incidentQueueProjection);
    const queue = keys.queue({ teamId, status: filter.status });
    const { redis } = this.readModels;
    const { members, nextCursor } = await this.paging.sortedSet(redis, 'incident-queue', queue, page, 'oldest_first');
    const items = (await incidentSummaries(this.readModels, keys, members)).map((incident) => {
      const ackDueAt = Date.parse(incident.reportedAt) + CARE_ACK_SLA_MS;
      const overdue = incident.acknowledgedAt === null && now.getTime() > ackDueAt;
      return { ...incident, ackDueAt: new Date(ackDueAt).toISOString(), overdue };
    });
    return { items, nextCursor };
  }
}

/** A wellbeing officer sees every team; a team lead only the team the directory has them lead now. */
function teamVisibleTo(carer: Actor, teamId: string | undefined): string | undefined {
  if (hasRole(carer, 'wellbeing_officer')) return teamId;
  if (!hasRole(carer, 'team_lead') || carer.teamId === undefined) {
    throw new ForbiddenError('Only team leads and wellbeing officers see incident queues');
  }
  if (teamId !== undefined && teamId !== carer.teamId) {
    throw new ForbiddenError("A team lead sees their own team's incidents only");
  }
  return carer.teamId;
}
