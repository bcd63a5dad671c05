import { ERASED, type PersonalData } from '@frontline/platform';
import type { ReadModels } from '@frontline/read-models';
import { type KudosViewer, canSeeKudos } from '../domain/kudos-visibility';
import type { KudosSent } from '../domain/kudos.events';
import type { KudosValue, Visibility } from '../domain/recognition.vocabulary';
import type { RecognitionFeedKeys } from '../projections/recognition-feed.keys';
import { recognitionFeedProjection } from '../projections/recognition-feed.projection';
import { displayNames } from './directory-view';

/** A kudos as the feed projection stores it: what was sent, the teams of then, and its reactions. */
export type StoredKudos = Omit<KudosSent['data'], 'campaignId'> &
  Required<Pick<KudosSent['data'], 'fromTeamId' | 'toTeamIds'>> & {
    sentAtMs: number;
    reactions: Record<string, number>;
  };

/** A kudos as every answer shows it: people by name. */
export type KudosItem = Pick<StoredKudos, 'kudosId' | 'message' | 'values' | 'visibility' | 'sentAt' | 'reactions'> & {
  from: { personId: string; displayName: string };
  to: { personId: string; displayName: string }[];
};

/** In the order asked; a kudos retracted since its id was read is simply not there. */
export async function readKudos(
  readModels: ReadModels,
  keys: RecognitionFeedKeys,
  kudosIds: string[],
): Promise<StoredKudos[]> {
  const read = await Promise.all(
    kudosIds.map(async (kudosId) => {
      const [fields, reactions] = await Promise.all([
        readModels.redis.hgetall(keys.kudos(kudosId)),
        readModels.redis.zrange(keys.reactions(kudosId), '0', '-1', 'WITHSCORES'),
      ]);
      if (!fields.fromId) return undefined;
      return {
        kudosId,
        fromId: fields.fromId,
        toIds: list(fields.toIds),
        message: fields.message,
        values: list(fields.values) as KudosValue[],
        visibility: fields.visibility as Visibility,
        sentAt: fields.sentAt,
        sentAtMs: Date.parse(fields.sentAt),
        fromTeamId: fields.fromTeamId,
        toTeamIds: list(fields.toTeamIds),
        reactions: Object.fromEntries(pairs(reactions).map(([emoji, count]) => [emoji, Number(count)])),
      };
    }),
  );
  return read.filter((kudos) => kudos !== undefined);
}

/** Kudos with their people's names, decrypted together once. */
export async function namedKudos(
  readModels: ReadModels,
  personalData: PersonalData,
  kudos: StoredKudos[],
): Promise<KudosItem[]> {
  const names = await displayNames(
    readModels,
    personalData,
    kudos.flatMap(({ fromId, toIds }) => [fromId, ...toIds]),
  );
  const named = (personId: string) => ({ personId, displayName: names.get(personId) ?? ERASED });
  return kudos.map(({ kudosId, fromId, toIds, message, values, visibility, sentAt, reactions }) => ({
    kudosId,
    from: named(fromId),
    to: toIds.map(named),
    message,
    values,
    visibility,
    sentAt,
    reactions,
  }));
}

/** Kudos by id, those the viewer may see (their own received kudos are all theirs to see). */
export async function visibleKudos(
  readModels: ReadModels,
  personalData: PersonalData,
  viewer: KudosViewer,
  kudosIds: string[],
): Promise<KudosItem[]> {
  const kudos = await readKudos(readModels, await readModels.layout(recognitionFeedProjection), kudosIds);
  return namedKudos(
    readModels,
    personalData,
    kudos.filter((one) => canSeeKudos(one, viewer)),
  );
}

const list = (joined: string | undefined) => (joined ? joined.split(',') : []);

/** `[member, score, member, score…]` as pairs. */
export function pairs(flat: string[]): [string, string][] {
  return Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);
}
