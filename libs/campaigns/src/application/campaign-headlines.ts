import type { ReadModels } from '@frontline/read-models';
import { recognitionFeedProjection } from '@frontline/recognition';

export const HEADLINES = 3;

/** The reactions of each kudos in the recognition feed, by emoji; `undefined` for a kudos no longer there. */
async function reactionsOf(readModels: ReadModels, kudosIds: readonly string[]) {
  const keys = await readModels.layout(recognitionFeedProjection);
  return Promise.all(
    kudosIds.map(async (kudosId) => {
      const [kudos, reactions] = await Promise.all([
        readModels.redis.hgetall(keys.kudos(kudosId)),
        readModels.redis.zrange(keys.reactions(kudosId), '0', '-1', 'WITHSCORES'),
      ]);
      if (!kudos.sentAt) return undefined;
      const byEmoji: Record<string, number> = {};
      for (let i = 0; i < reactions.length; i += 2) byEmoji[reactions[i]] = Number(reactions[i + 1]);
      return { kudosId, kudos, reactions: byEmoji, total: Object.values(byEmoji).reduce((a, b) => a + b, 0) };
    }),
  );
}

/**
 * The most-reacted public kudos sent from `from` to `to` (the org feed holds public kudos only,
 * scored by when they were sent): at most three, each with at least one reaction, ties to the earlier.
 */
export async function mostReactedKudos(readModels: ReadModels, from: Date, to: Date): Promise<string[]> {
  const keys = await readModels.layout(recognitionFeedProjection);
  const ids = await readModels.redis.zrangebyscore(keys.feed({ of: 'org' }), from.getTime(), to.getTime());
  const found = (await reactionsOf(readModels, ids)).filter((k) => k !== undefined && k.total > 0);
  return found
    .sort(
      (a, b) =>
        b!.total - a!.total || a!.kudos.sentAt.localeCompare(b!.kudos.sentAt) || a!.kudosId.localeCompare(b!.kudosId),
    )
    .slice(0, HEADLINES)
    .map((k) => k!.kudosId);
}

/** Headline kudos as GET /v1/campaigns/{id} shows them: message, values and reactions; gone ones left out. */
export async function headlineKudos(readModels: ReadModels, kudosIds: readonly string[]) {
  return (await reactionsOf(readModels, kudosIds))
    .filter((k) => k !== undefined)
    .map(({ kudosId, kudos, reactions }) => ({
      kudosId,
      message: kudos.message,
      values: kudos.values ? kudos.values.split(',') : [],
      sentAt: kudos.sentAt,
      reactions,
    }));
}
