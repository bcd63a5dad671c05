import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@frontline/decider';
import { type Actor, hasRole } from '@frontline/platform';
import { type Page, Paging, ReadModels } from '@frontline/read-models';
import { CARE_ACK_SLA_MS } from '../domain/abuse.vocabulary';
import type { QueueStatus } from '../projections/incident-queue.keys';
import { incidentQueueProjection } from '../projections/incident-queue.projection';
import { incidentSummaries } from './incident-summary';

export interface IncidentQueueFilter {
  status?: QueueStatus;
  teamId?: string;
}

/** The open incidents a carer acts on, oldest due first, with the clock of the acknowledge SLA. */
@Injectable()
export class IncidentQueueQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async forCarer(carer: Actor, filter: IncidentQueueFilter, page: Page, now: Date) {
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
