import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@frontline/decider';
import { ERASED, PersonalData } from '@frontline/platform';
import { type Page, Paging, ReadModels } from '@frontline/read-models';
import { type KudosViewer, canSeeKudos } from '../domain/kudos-visibility';
import type { KudosValue, Visibility } from '../domain/recognition.vocabulary';
import { type Feed, type RecognitionFeedKeys } from '../projections/recognition-feed.keys';
import { recognitionFeedProjection } from '../projections/recognition-feed.projection';
import { directoryEntry, displayNames, teamExists } from './directory-view';

/** A kudos as the feed projection stores it. */
interface StoredKudos {
  kudosId: string;
  fromId: string;
  toIds: string[];
  message: string;
  values: KudosValue[];
  visibility: Visibility;
  sentAt: string;
  sentAtMs: number;
  fromTeamId: string;
  toTeamIds: string[];
  reactions: Record<string, number>;
}

export interface KudosItem {
  kudosId: string;
  from: { personId: string; displayName: string };
  to: { personId: string; displayName: string }[];
  message: string;
  values: KudosValue[];
  visibility: Visibility;
  sentAt: string;
  reactions: Record<string, number>;
}

/** Feeds read at most this many entries at a time while filtering out what the viewer may not see. */
const MAX_SCAN = 100;

/** The org, team and person feeds, each showing a viewer only the kudos they may see, newest first. */
@Injectable()
export class RecognitionFeeds {
  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
    private readonly paging: Paging,
  ) {}

  /** `viewer` has their team as the directory has it now (the request's actor). */
  org(viewer: KudosViewer, page: Page) {
    return this.read(viewer, { of: 'org' }, page);
  }

  async team(viewer: KudosViewer, teamId: string, page: Page) {
    if (!(await teamExists(this.readModels, teamId))) throw new NotFoundError(`No team ${teamId}`);
    return this.read(viewer, { of: 'team', teamId }, page);
  }

  async person(viewer: KudosViewer, personId: string, page: Page) {
    if (!(await directoryEntry(this.readModels, personId)))
      throw new NotFoundError(`Nobody is enrolled as ${personId}`);
    return this.read(viewer, { of: 'person', personId }, page);
  }

  /** Kudos by id, those the viewer may see (their own received kudos are all theirs to see). */
  async items(viewer: KudosViewer, kudosIds: string[]): Promise<KudosItem[]> {
    const kudos = await readKudos(this.readModels, await this.readModels.layout(recognitionFeedProjection), kudosIds);
    return this.render(kudos.filter((one) => canSeeKudos(one, viewer)));
  }

  private async read(viewer: KudosViewer, feed: Feed, { cursor, limit }: Page) {
    const keys = await this.readModels.layout(recognitionFeedProjection);
    const list = listName(feed);
    const after =
      cursor === undefined ? undefined : this.paging.open<[number, string]>(list, cursor, ['number', 'string']);
    const found: StoredKudos[] = [];
    // A page and one more, which tells there is a next page; again only if some were hidden from the viewer.
    const scan = Math.min(MAX_SCAN, limit + 1);
    for (let offset = 0; found.length <= limit; offset += scan) {
      const entries = await this.readModels.redis.zrevrangebyscore(
        keys.feed(feed),
        after ? after[0] : '+inf',
        '-inf',
        'WITHSCORES',
        'LIMIT',
        offset,
        scan,
      );
      // Equal times sort by id, descending: past the cursor means an earlier time, or the same time and a lower id.
      const ids = pairs(entries)
        .filter(([id, score]) => !after || Number(score) < after[0] || id < after[1])
        .map(([id]) => id);
      found.push(...(await readKudos(this.readModels, keys, ids)).filter((kudos) => canSeeKudos(kudos, viewer)));
      if (entries.length < scan * 2) break;
    }
    const shown = found.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: await this.render(shown),
      nextCursor: found.length > limit && last ? this.paging.seal(list, [last.sentAtMs, last.kudosId]) : null,
    };
  }

  private async render(kudos: StoredKudos[]): Promise<KudosItem[]> {
    const names = await displayNames(
      this.readModels,
      this.personalData,
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
}

/** In the order asked; a kudos retracted since its id was read is simply not there. */
async function readKudos(
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

/** The name a feed's cursors are signed with, so a cursor of one feed is refused by another. */
const listName = (feed: Feed) =>
  feed.of === 'org' ? 'feed:org' : feed.of === 'team' ? `feed:team:${feed.teamId}` : `feed:person:${feed.personId}`;

const list = (joined: string | undefined) => (joined ? joined.split(',') : []);

/** `[member, score, member, score…]` as pairs. */
export function pairs(flat: string[]): [string, string][] {
  return Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);
}
