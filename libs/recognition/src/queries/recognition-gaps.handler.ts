import { recognitionStatsProjection } from '../projections/recognition-stats.projection';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DAY_MS, ForbiddenError } from '@frontline/decider';
import { PersonalData, hasRole } from '@frontline/platform';
import { Paging, ReadModels } from '@frontline/read-models';
import { displayNames, teamMembers } from './directory-view';
import { RecognitionGapsQuery } from './recognition-gaps.query';

@QueryHandler(RecognitionGapsQuery)
export class RecognitionGapsHandler implements IQueryHandler<RecognitionGapsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
    private readonly paging: Paging,
  ) {}

  async execute({ lead, teamId, days, page, now }: RecognitionGapsQuery) {
    if (lead.teamId !== teamId || !hasRole(lead, 'team_lead')) {
      throw new ForbiddenError(`Only the lead of team ${teamId} sees its recognition gaps`);
    }
    const keys = await this.readModels.layout(recognitionStatsProjection);
    const members = (await teamMembers(this.readModels, teamId)).filter((id) => id !== lead.personId);
    const latest = await Promise.all(
      members.map((id) => this.readModels.redis.zrevrange(keys.received(id), 0, 0, 'WITHSCORES')),
    );
    const since = now.getTime() - days * DAY_MS;
    const unrecognised = members.filter((_, i) => latest[i].length === 0 || Number(latest[i][1]) < since);
    const names = await displayNames(this.readModels, this.personalData, unrecognised);
    const people = unrecognised
      .map((personId) => ({ personId, displayName: names.get(personId) ?? '' }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId));
    return { teamId, days, ...this.paging.slice(`recognition-gaps:${teamId}:${days}`, people, page) };
  }
}
