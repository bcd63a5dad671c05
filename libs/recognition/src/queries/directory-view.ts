import { directoryProjection } from '@frontline/directory';
import { ERASED, type PersonalData } from '@frontline/platform';
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

/** Display names in plaintext, decrypted together once per answer; an erased person reads as erased. */
export async function displayNames(
  readModels: ReadModels,
  personalData: PersonalData,
  personIds: Iterable<string>,
): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const directory = await readModels.layout(directoryProjection);
  const ciphertexts = await Promise.all(ids.map((id) => readModels.redis.hget(directory.person(id), 'displayName')));
  const names = await personalData.decryptAll(ciphertexts.flatMap((ciphertext) => (ciphertext ? [ciphertext] : [])));
  let next = 0;
  return new Map(ids.map((id, i) => [id, ciphertexts[i] ? names[next++] : ERASED]));
}
