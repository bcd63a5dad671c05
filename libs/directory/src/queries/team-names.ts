import type { ReadModels } from '@frontline/read-models';
import { directoryProjection } from '../projections/directory.projection';

/** The names of teams (sites are teams too), as the directory has them now; '' for one it does not know. */
export async function teamNames(readModels: ReadModels, teamIds: readonly string[]): Promise<Map<string, string>> {
  const keys = await readModels.layout(directoryProjection);
  const names = await Promise.all(teamIds.map((id) => readModels.batched.hget(keys.team(id), 'name')));
  return new Map(teamIds.map((id, i) => [id, names[i] ?? '']));
}
