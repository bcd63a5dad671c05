import type { ReadModels } from '@frontline/read-models';
import { readKudos, recognitionFeedProjection } from '@frontline/recognition';

export const HEADLINES = 3;

const totalOf = (reactions: Record<string, number>) => Object.values(reactions).reduce((a, b) => a + b, 0);

/**
 * The most-reacted public kudos sent from `from` to `to` (the org feed holds public kudos only,
 * scored by when they were sent): at most three, each with at least one reaction, ties to the earlier.
 */
export async function mostReactedKudos(readModels: ReadModels, from: Date, to: Date): Promise<string[]> {
  const keys = await readModels.layout(recognitionFeedProjection);
  const ids = await readModels.redis.zrangebyscore(keys.feed({ of: 'org' }), from.getTime(), to.getTime());
  const found = (await readKudos(readModels, keys, ids))
    .map((kudos) => ({ ...kudos, total: totalOf(kudos.reactions) }))
    .filter((kudos) => kudos.total > 0);
  return found
    .sort((a, b) => b.total - a.total || a.sentAt.localeCompare(b.sentAt) || a.kudosId.localeCompare(b.kudosId))
    .slice(0, HEADLINES)
    .map((kudos) => kudos.kudosId);
}

/** Headline kudos as GET /v1/campaigns/{id} shows them: message, values and reactions; gone ones left out. */
export async function headlineKudos(readModels: ReadModels, kudosIds: readonly string[]) {
  const keys = await readModels.layout(recognitionFeedProjection);
  return (await readKudos(readModels, keys, [...kudosIds])).map(({ kudosId, message, values, sentAt, reactions }) => ({
    kudosId,
    message,
    values,
    sentAt,
    reactions,
  }));
}
