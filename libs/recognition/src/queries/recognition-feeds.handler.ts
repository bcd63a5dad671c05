import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@frontline/decider';
import { PersonalData } from '@frontline/platform';
import { Paging, ReadModels } from '@frontline/read-models';
import { canSeeKudos } from '../domain/kudos-visibility';
import type { Feed } from '../projections/recognition-feed.keys';
import { recognitionFeedProjection } from '../projections/recognition-feed.projection';
import { directoryEntry, teamExists } from './directory-view';
import { type StoredKudos, namedKudos, pairs, readKudos } from './feed-kudos';
import { RecognitionFeedsQuery } from './recognition-feeds.query';

/** Feeds read at most this many entries at a time while filtering out what the viewer may not see. */
const MAX_SCAN = 100;

@QueryHandler(RecognitionFeedsQuery)
export class RecognitionFeedsHandler implements IQueryHandler<RecognitionFeedsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
    private readonly paging: Paging,
  ) {}

  async execute({ viewer, feed, page: { cursor, limit } }: RecognitionFeedsQuery) {
    await this.mustExist(feed);
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
      items: await namedKudos(this.readModels, this.personalData, shown),
      nextCursor: found.length > limit && last ? this.paging.seal(list, [last.sentAtMs, last.kudosId]) : null,
    };
  }

  private async mustExist(feed: Feed): Promise<void> {
    if (feed.of === 'team' && !(await teamExists(this.readModels, feed.teamId))) {
      throw new NotFoundError(`No team ${feed.teamId}`);
    }
    if (feed.of === 'person' && !(await directoryEntry(this.readModels, feed.personId))) {
      throw new NotFoundError(`Nobody is enrolled as ${feed.personId}`);
    }
  }
}

/** The name a feed's cursors are signed with, so a cursor of one feed is refused by another. */
const listName = (feed: Feed) =>
  feed.of === 'org' ? 'feed:org' : feed.of === 'team' ? `feed:team:${feed.teamId}` : `feed:person:${feed.personId}`;
