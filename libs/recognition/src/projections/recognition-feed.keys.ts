import type { Keyspace } from '@frontline/read-models';

/** A feed of the recognition feed read model: the org's, a team's or a person's. */
export type Feed = { of: 'org' } | { of: 'team'; teamId: string } | { of: 'person'; personId: string };

/**
 * The recognition feed's keys, for its projection and every reader: `kudos:<id>` {fromId, toIds,
 * message, values, visibility, sentAt, campaignId, fromTeamId, toTeamIds} (lists comma-joined),
 * `kudos:<id>:reactions` (emoji → count), the feeds `feed:org`, `feed:team:<teamId>` and
 * `feed:person:<personId>` (kudos ids scored by sentAt in ms), and `undo:<kudosId>`.
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
  /** What takes a kudos back out of the feeds, remembered when it is sent. */
  undo: (kudosId: string) => keys.key('undo', kudosId),
});

export type RecognitionFeedKeys = ReturnType<typeof recognitionFeedKeys>;
