import type { Keyspace } from '@frontline/read-models';

/** A feed of the recognition feed read model: the org's, a team's or a person's. */
export type Feed = { of: 'org' } | { of: 'team'; teamId: string } | { of: 'person'; personId: string };

/** The live topics of the recognition feeds: a feed, or a campaign's kudos wall (its public kudos). */
export type LiveTopic = Feed | { of: 'campaign'; campaignId: string };

/** A topic's name, in live notices and in the key of its list: `feed:org`, `feed:team:<id>`, `wall:campaign:<id>`. */
export const liveTopic = (topic: LiveTopic): string =>
  topic.of === 'org'
    ? 'feed:org'
    : topic.of === 'team'
      ? `feed:team:${topic.teamId}`
      : topic.of === 'person'
        ? `feed:person:${topic.personId}`
        : `wall:campaign:${topic.campaignId}`;

/**
 * The recognition feed's keys, for its projection and every reader: `kudos:<id>` {fromId, toIds,
 * message, values, visibility, sentAt, campaignId, fromTeamId, toTeamIds} (lists comma-joined),
 * `kudos:<id>:reactions` (emoji → count), the feeds `feed:org`, `feed:team:<teamId>` and
 * `feed:person:<personId>` (kudos ids scored by sentAt in ms), `undo:<kudosId>`, and for live streams
 * `live:<topic>`: `<log position> <kudosId>` members of score 0, so in log order, to resume from an event id.
 */
export const recognitionFeedKeys = (keys: Keyspace) => ({
  kudos: (kudosId: string) => keys.key('kudos', kudosId),
  reactions: (kudosId: string) => keys.key('kudos', kudosId, 'reactions'),
  feed: (feed: Feed) =>
    feed.of === 'org'
      ? keys.key('feed', 'org')
      : feed.of === 'team'
        ? keys.key('feed', 'team', feed.teamId)
        : keys.key('feed', 'person', feed.personId),
  /** A topic's kudos in log order (see `liveTopic`). */
  live: (topic: string) => keys.key('live', topic),
  /** What takes a kudos back out of the feeds, remembered when it is sent. */
  undo: (kudosId: string) => keys.key('undo', kudosId),
});

export type RecognitionFeedKeys = ReturnType<typeof recognitionFeedKeys>;
