import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PersonalData, type Role } from '@frontline/platform';
import { Paging, ReadModels } from '@frontline/read-models';
import { directoryProjection } from '../projections/directory.projection';
import { displayNames } from './display-names';
import {
  type MemberListing,
  type Listed,
  TeamMembersQuery,
  type TeamListing,
  TeamsQuery,
} from './directory-lists.query';

/** Ids of a set in a stable order, so a cursor resumes after the last id given. */
const sortedIds = (ids: string[]) => ids.sort();

@QueryHandler(TeamsQuery)
export class TeamsHandler implements IQueryHandler<TeamsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async execute({ page }: TeamsQuery): Promise<Listed<TeamListing>> {
    const keys = await this.readModels.layout(directoryProjection);
    const ids = sortedIds(await this.readModels.redis.smembers(keys.teams));
    const { items, nextCursor } = this.paging.after('teams', ids, page);
    const teams = await Promise.all(items.map((id) => this.readModels.redis.hgetall(keys.team(id))));
    return {
      items: items.map((teamId, i) => ({
        teamId,
        name: teams[i].name ?? '',
        parentTeamId: teams[i].parentTeamId || null,
      })),
      nextCursor,
    };
  }
}

@QueryHandler(TeamMembersQuery)
export class TeamMembersHandler implements IQueryHandler<TeamMembersQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
    private readonly paging: Paging,
  ) {}

  async execute({ teamId, page }: TeamMembersQuery): Promise<Listed<MemberListing>> {
    const keys = await this.readModels.layout(directoryProjection);
    const ids = sortedIds(await this.readModels.redis.smembers(keys.members(teamId)));
    const { items, nextCursor } = this.paging.after(`team-members:${teamId}`, ids, page);
    const [names, roles] = await Promise.all([
      displayNames(this.readModels, this.personalData, items),
      Promise.all(items.map((id) => this.readModels.redis.hget(keys.person(id), 'roles'))),
    ]);
    return {
      items: items.map((personId, i) => ({
        personId,
        displayName: names.get(personId) ?? '',
        roles: (roles[i] ? roles[i].split(',') : []) as Role[],
      })),
      nextCursor,
    };
  }
}
