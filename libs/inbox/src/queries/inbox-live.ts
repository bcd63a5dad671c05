import { Injectable } from '@nestjs/common';
import type { LiveId, LivePage, LiveSource, LiveViewer } from '@frontline/read-models';
import { audienceOfTopic, inboxTopic } from '../inbox-topics';
import { inboxItemId } from '../projections/inbox.keys';
import { inboxProjection } from '../projections/inbox.projection';
import { InboxReader } from './inbox-reader';

/** Sorts after every character of an item id: a bound just past a whole position. */
const PAST = '\u007f';

/** An item id (`<position>.<nn>`) as a stream's place in the log. */
function liveIdOf(itemId: string): LiveId {
  const dot = itemId.lastIndexOf('.');
  return { position: itemId.slice(0, dot), n: Number(itemId.slice(dot + 1)) };
}

/**
 * New inbox items for a person's own stream: one topic per audience they read when the stream
 * opens (their own, their team's leads', officers', the campaigns they are in). Only the viewers of
 * an audience follow its topic, so every item read is theirs to see.
 */
@Injectable()
export class InboxLive implements LiveSource {
  readonly name = 'inbox';
  readonly projection = inboxProjection.name;

  constructor(private readonly reader: InboxReader) {}

  async topics({ personId, teamId, roles = [] }: LiveViewer): Promise<string[]> {
    const keys = await this.reader.keys();
    return (await this.reader.audiences(keys, { personId, teamId, roles })).map(inboxTopic);
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
        this.reader.redis.zrange(
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
    const topicOf = new Map<string, string>();
    lists.forEach((ids, i) =>
      ids.filter((id) => end === undefined || id <= end).forEach((id) => topicOf.set(id, topics[i])),
    );
    // An item taken out since its id was read is not there: the page ends where its ids did.
    const items = (await this.reader.items(keys, [...topicOf.keys()].sort())).map((item) => ({
      id: liveIdOf(item.id),
      type: 'inbox',
      data: JSON.stringify(item),
      topics: [topicOf.get(item.id)!],
    }));
    return { items, next: end === undefined ? undefined : liveIdOf(end) };
  }

  shows(): boolean {
    return true;
  }
}
