import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PersonalData, ownTeamOf } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { displayNames } from './display-names';
import { teamNames } from './team-names';
import { type Me, WhoAmIQuery } from './who-am-i.query';

@QueryHandler(WhoAmIQuery)
export class WhoAmIHandler implements IQueryHandler<WhoAmIQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ actor }: WhoAmIQuery): Promise<Me> {
    const teamId = ownTeamOf(actor);
    const [names, teams] = await Promise.all([
      displayNames(this.readModels, this.personalData, [actor.personId]),
      teamNames(this.readModels, [teamId]),
    ]);
    return {
      personId: actor.personId,
      displayName: names.get(actor.personId) ?? '',
      roles: actor.roles,
      teamId,
      teamName: teams.get(teamId) ?? '',
    };
  }
}
