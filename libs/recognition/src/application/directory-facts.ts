import { type PersonState, type TeamSites, personDecider, personStream } from '@frontline/directory';
import type { CommandExecutor } from '@frontline/platform';
import type { PersonFacts } from '../domain/recognition.vocabulary';

/**
 * The directory is authoritative for who is enrolled, still here, and in which team — not the
 * token. Given `sites`, the site of each one's team too.
 */
export async function lookUpPeople(
  executor: CommandExecutor,
  personIds: string[],
  sites?: TeamSites,
): Promise<Record<string, PersonFacts>> {
  const ids = [...new Set(personIds)];
  const states = await Promise.all(ids.map((id) => executor.load(personStream(id), personDecider)));
  const facts = await Promise.all(states.map(({ state }) => factsOf(state, sites)));
  return Object.fromEntries(facts.map((person, i) => [ids[i], person]));
}

async function factsOf(state: PersonState, sites: TeamSites | undefined): Promise<PersonFacts> {
  if (state.status === 'none') return { status: 'none' };
  const { status, teamId } = state;
  if (!sites) return { status, teamId };
  // Their own events say it, unless they predate sites.
  return { status, teamId, siteId: state.siteId ?? (await sites.siteOf(teamId)) };
}
