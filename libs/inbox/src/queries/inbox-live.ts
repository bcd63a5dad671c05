import { Injectable } from '@nestjs/common';
import {
  type LiveId,
  type LiveItem,
  type LivePage,
  type LiveSource,
  type LiveViewer,
  ReadModels,
} from '@frontline/read-models';
import { inboxAudiencesOf } from '../inbox-topics';
import { audienceOfTopic, inboxItemId, inboxTopic } from '../projections/inbox.keys';
import { inboxProjection } from '../projections/inbox.projection';
import { InboxReader } from './inbox-reader';

/** Sorts after every character of an item id: a bound just past all the items of a position. */
const PAST = '\u007f';

/** An item id (`<position>.<nn>`) as a place in the log. */
export function liveIdOfItem(id: string): LiveId {
  const dot = id.lastIndexOf('.');
  return { position: id.slice(0, dot), n: Number(id.slice(dot + 1)) };
}

/**
 * New inbox items for a person's own stream, from the inbox's audience sets (ordered by item id, that
 * is by log position): their own, their team's leads' if they lead it, the officers' if they are one.
 * Each item is sent as GET /v1/me/inbox shows it, unread. Campaign announcements are not followed
 * live (which campaigns a person is in is the read model's to say, per person): they show on the next read.
 */
@Injectable()
export class InboxLive implements LiveSource {
  readonly name = 'inbox';
  readonly projection = inboxProjection.name;

  constructor(
    private readonly reader: InboxReader,
    private readonly readModels: ReadModels,
  ) {}

  topics({ personId, teamId, roles = [] }: LiveViewer): string[] {
    return inboxAudiencesOf({ personId, teamId, roles }).map(inboxTopic);
  }

  async read(topics: readonly string[], after: LiveId | undefined, upTo: string, limit: number): Promise<LivePage> {
    const keys = await this.reader.keys();
    const from = !after
      ? '-'
      : after.n === undefined
        ? `(${after.position}${PAST}`
        : `(${inboxItemId(after.position, after.n)}`;
    const lists = await Promise.all(
      topics.map((topic) =>
        this.readModels.redis.zrange(
          keys.audience(audienceOfTopic(topic)),
          from,
          `(${upTo}${PAST}`,
          'BYLEX',
          'LIMIT',
          0,
          limit,
        ),
      ),
    );
    // A topic that filled its page may hold more before the others' last: the page ends at the first such end.
    const ends = lists.filter((ids) => ids.length === limit).map((ids) => ids.at(-1)!);
    const end = ends.length > 0 ? ends.reduce((a, b) => (a < b ? a : b)) : undefined;
    const found = new Map<string, string[]>();
    lists.forEach((ids, i) => {
      for (const id of ids) if (end === undefined || id <= end) found.set(id, [...(found.get(id) ?? []), topics[i]]);
    });
    const items = await this.reader.items(keys, [...found.keys()].sort());
    return {
      items: items.map((item) => ({
        id: liveIdOfItem(item.id),
        type: 'inbox',
        data: JSON.stringify({ ...item, read: false }),
        topics: found.get(item.id)!,
      })),
      next: end === undefined ? undefined : liveIdOfItem(end),
    };
  }

  /** A stream follows only its viewer's own audiences (topics), so what it reads there is theirs. */
  shows(_item: LiveItem, _viewer: LiveViewer): boolean {
    return true;
  }
}
