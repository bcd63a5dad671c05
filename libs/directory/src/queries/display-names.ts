import { ERASED, type PersonalData } from '@frontline/platform';
import type { ReadModels } from '@frontline/read-models';
import { directoryProjection } from '../projections/directory.projection';

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
