import { Injectable } from '@nestjs/common';
import { PersonalData } from '@frontline/platform';
import {
  type LiveId,
  type LiveItem,
  type LivePage,
  type LiveSource,
  type LiveViewer,
  ReadModels,
} from '@frontline/read-models';
import { type KudosAudience, canSeeKudos } from '../domain/kudos-visibility';
import { liveTopic } from '../projections/recognition-feed.keys';
import { recognitionFeedProjection } from '../projections/recognition-feed.projection';
import { namedKudos, readKudos } from './feed-kudos';

/** Sorts after every character of a `<position> <kudosId>` member: a bound just past a whole position. */
const PAST = '\u007f';

/**
 * New kudos for live streams, from the recognition feeds' `live:<topic>` lists (log order): a
 * person's stream follows their own feed, their team's and the org's; a wall follows the org feed
 * or a campaign's wall. Kudos are shown as the feeds show them, to whoever `canSeeKudos`.
 */
@Injectable()
export class RecognitionLive implements LiveSource {
  readonly name = 'kudos';
  readonly projection = recognitionFeedProjection.name;

  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
  ) {}

  topics(viewer: LiveViewer): string[] {
    const feeds = [liveTopic({ of: 'person', personId: viewer.personId }), liveTopic({ of: 'org' })];
    if (viewer.teamId !== undefined) feeds.push(liveTopic({ of: 'team', teamId: viewer.teamId }));
    return feeds;
  }

  async read(topics: readonly string[], after: LiveId | undefined, upTo: string, limit: number): Promise<LivePage> {
    const keys = await this.readModels.layout(recognitionFeedProjection);
    // A kudos is the one item of its event: past a position given whole, or past any of its items (`.n`).
    const from = !after ? '-' : after.n === undefined ? `(${after.position}${PAST}` : `(${after.position}`;
    const lists = await Promise.all(
      topics.map((topic) =>
        this.readModels.redis.zrangebylex(keys.live(topic), from, `(${upTo}${PAST}`, 'LIMIT', 0, limit),
      ),
    );
    // A topic that filled its page may hold more before the others' last: the page ends at the first such end.
    const ends = lists.filter((members) => members.length === limit).map((members) => members.at(-1)!.split(' ')[0]);
    const end = ends.length > 0 ? ends.reduce((a, b) => (a < b ? a : b)) : undefined;
    const found = new Map<string, { position: string; topics: string[] }>();
    lists.forEach((members, i) => {
      for (const [position, kudosId] of members.map((member) => member.split(' '))) {
        if (end !== undefined && position > end) continue;
        const entry = found.get(kudosId) ?? found.set(kudosId, { position, topics: [] }).get(kudosId)!;
        entry.topics.push(topics[i]);
      }
    });
    const stored = await readKudos(this.readModels, keys, [...found.keys()]);
    const named = await namedKudos(this.readModels, this.personalData, stored);
    const items = named.map((kudos, i) => ({
      id: { position: found.get(kudos.kudosId)!.position },
      type: 'kudos',
      data: JSON.stringify(kudos),
      audience: stored[i] satisfies KudosAudience,
      topics: found.get(kudos.kudosId)!.topics,
    }));
    // Kudos retracted since their member was read are not there: the page ends where its members did.
    return { items, next: end === undefined ? undefined : { position: end } };
  }

  shows(item: LiveItem, viewer: LiveViewer): boolean {
    return canSeeKudos(item.audience as KudosAudience, viewer);
  }
}
