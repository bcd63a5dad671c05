import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, ERASED, PersonalData } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { directoryProjection } from '../projections/directory.projection';
import { displayNames } from './display-names';
import { teamNames } from './team-names';
import { FIND_PEOPLE_LIMIT, FindPeopleQuery, type FoundPerson, nameMatches, searchable } from './find-people.query';

/**
 * Names are encrypted in the read model, so a search decrypts the active people's names (one key
 * query and one AES pass each: about 12,000 for a large organisation) and keeps them in this process
 * for a short while; an erased or offboarded person leaves the results within that time.
 */
const SNAPSHOT_MS = 30_000;

type Searchable = FoundPerson & { words: string[] };

@QueryHandler(FindPeopleQuery)
export class FindPeopleHandler implements IQueryHandler<FindPeopleQuery> {
  private snapshot?: { at: number; people: Promise<Searchable[]> };

  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
    private readonly clock: Clock,
  ) {}

  async execute({ text }: FindPeopleQuery): Promise<{ items: FoundPerson[] }> {
    const typed = searchable(text);
    const people = await this.activePeople();
    const items = people
      .filter((person) => typed.length > 0 && nameMatches(person.words, typed))
      .slice(0, FIND_PEOPLE_LIMIT)
      .map(({ personId, displayName, teamId, teamName }) => ({ personId, displayName, teamId, teamName }));
    return { items };
  }

  private activePeople(): Promise<Searchable[]> {
    const now = this.clock.now().getTime();
    if (!this.snapshot || now - this.snapshot.at > SNAPSHOT_MS) {
      const people = this.readActivePeople();
      this.snapshot = { at: now, people };
      people.catch(() => (this.snapshot = undefined));
    }
    return this.snapshot.people;
  }

  private async readActivePeople(): Promise<Searchable[]> {
    const keys = await this.readModels.layout(directoryProjection);
    const { redis } = this.readModels;
    const teamIds = await redis.smembers(keys.teams);
    const members = await Promise.all(teamIds.map((teamId) => redis.smembers(keys.members(teamId))));
    const teamOf = new Map(members.flatMap((ids, i) => ids.map((id) => [id, teamIds[i]] as const)));
    const [names, teams] = await Promise.all([
      displayNames(this.readModels, this.personalData, teamOf.keys()),
      teamNames(this.readModels, teamIds),
    ]);
    return [...teamOf]
      .map(([personId, teamId]) => ({
        personId,
        displayName: names.get(personId) ?? ERASED,
        teamId,
        teamName: teams.get(teamId) ?? '',
        words: searchable(names.get(personId) ?? ''),
      }))
      .filter((person) => person.displayName !== ERASED)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
}
