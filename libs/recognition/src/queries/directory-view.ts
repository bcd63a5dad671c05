import { directoryProjection } from '@frontline/directory';
import type { ReadModels } from '@frontline/read-models';

/** Someone as the directory read model has them now. */
export interface DirectoryEntry {
  teamId: string;
  status: string;
  roles: string[];
}

/** The directory, not the token, says who is in which team; undefined for someone it does not know. */
export async function directoryEntry(readModels: ReadModels, personId: string): Promise<DirectoryEntry | undefined> {
  const directory = await readModels.layout(directoryProjection);
  const { teamId, status, roles } = await readModels.redis.hgetall(directory.person(personId));
  return teamId ? { teamId, status, roles: roles ? roles.split(',') : [] } : undefined;
}

export async function teamExists(readModels: ReadModels, teamId: string): Promise<boolean> {
  const directory = await readModels.layout(directoryProjection);
  return (await readModels.redis.exists(directory.team(teamId))) === 1;
}

/** For the recognition dashboard until it reads `directoryKeys` itself. */

export async function teamMembers(readModels: ReadModels, teamId: string): Promise<string[]> {
  return readModels.redis.smembers((await readModels.layout(directoryProjection)).members(teamId));
}

/** Published by the directory, for every context that names people. */
export { displayNames } from '@frontline/directory';
