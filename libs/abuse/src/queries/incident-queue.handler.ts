import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ForbiddenError } from '@frontline/decider';
import { type Actor, hasRole } from '@frontline/platform';
import { Paging, ReadModels } from '@frontline/read-models';
import { IncidentAccessRecorder } from '../application/incident-access.recorder';
import { CARE_ACK_SLA_MS } from '../domain/abuse.vocabulary';
import { type GivenIncident, incidentsAccessed } from '../domain/incident-access';
import type { IncidentRelation } from '../domain/incident.policy';
import type { IncidentQueueKeys } from '../projections/incident-queue.keys';
import { incidentQueueProjection } from '../projections/incident-queue.projection';
import { IncidentQueueQuery } from './incident-queue.query';
import { incidentSummaries } from './incident-summary';

/**
 * The open incidents a carer acts on, oldest due first, with the clock of the acknowledge SLA. An
 * entry tells team, channel, kinds, severity and times of someone's incident, so a page is recorded
 * in the reporters' access logs (one event for the page, none of the narrative) before it is sent.
 */
@QueryHandler(IncidentQueueQuery)
export class IncidentQueueHandler implements IQueryHandler<IncidentQueueQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
    private readonly accesses: IncidentAccessRecorder,
  ) {}

  async execute({ carer, filter, page, now }: IncidentQueueQuery) {
    const teamId = teamVisibleTo(carer, filter.teamId);
    const keys = await this.readModels.layout(incidentQueueProjection);
    const queue = keys.queue({ teamId, status: filter.status });
    const { redis } = this.readModels;
    const { members, nextCursor } = await this.paging.sortedSet(redis, 'incident-queue', queue, page, 'oldest_first');
    const [summaries, own] = await Promise.all([
      incidentSummaries(this.readModels, keys, members),
      this.ownAmong(keys, carer, members),
    ]);
    const relation: IncidentRelation = hasRole(carer, 'wellbeing_officer') ? 'wellbeing_officer' : 'team_lead';
    const given = members.map((incidentId): GivenIncident => ({
      incidentId,
      relation: own.has(incidentId) ? 'reporter' : relation,
      narrative: false,
    }));
    await this.accesses.record(incidentsAccessed(carer, 'queue', given, now));
    const items = summaries.map((incident) => {
      const ackDueAt = Date.parse(incident.reportedAt) + CARE_ACK_SLA_MS;
      const overdue = incident.acknowledgedAt === null && now.getTime() > ackDueAt;
      return { ...incident, ackDueAt: new Date(ackDueAt).toISOString(), overdue };
    });
    return { items, nextCursor };
  }

  /** The carer's own reports on the page (a lead who reported in their own team): not someone else's to record. */
  private async ownAmong(keys: IncidentQueueKeys, carer: Actor, incidentIds: string[]): Promise<Set<string>> {
    if (incidentIds.length === 0) return new Set();
    const scores = await this.readModels.redis.zmscore(keys.agentIncidents(carer.personId), ...incidentIds);
    return new Set(incidentIds.filter((_, i) => scores[i] !== null));
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
