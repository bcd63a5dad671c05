import { personDecider, personStream } from '@frontline/directory';
import type { CommandExecutor } from '@frontline/platform';
import type { PersonFacts } from '../domain/recognition.vocabulary';

/** The directory is authoritative for who is enrolled, still here, and in which team — not the token. */
export async function lookUpPeople(
  executor: CommandExecutor,
  personIds: string[],
): Promise<Record<string, PersonFacts>> {
  const ids = [...new Set(personIds)];
  const states = await Promise.all(ids.map((id) => executor.load(personStream(id), personDecider)));
  return Object.fromEntries(
    states.map(({ state }, i) => [
      ids[i],
      state.status === 'none' ? { status: 'none' } : { status: state.status, teamId: state.teamId },
    ]),
  );
}
