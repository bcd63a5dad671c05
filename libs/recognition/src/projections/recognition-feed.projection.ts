import type { RecordedEvent } from '@frontline/event-store';
import { type Keyspace, type Projection, type RedisOp, remember } from '@frontline/read-models';
import type { KudosEvent, KudosSent } from '../domain/kudos.events';

/**
 * The recognition feeds: `kudos:<id>` {fromId, toIds, message, values, visibility, sentAt,
 * campaignId, fromTeamId, toTeamIds} (lists comma-joined), `kudos:<id>:reactions` (emoji →
 * count), and the feeds as sorted sets of kudos ids scored by sentAt in ms: `feed:org` (public),
 * `feed:team:<teamId>` (public and team kudos, in the sender's and each recipient's team at the
 * time of sending) and `feed:person:<personId>` (everything they sent or received). Queries
 * filter by viewer; the feeds only say where a kudos may appear.
 */
export const recognitionFeedProjection: Projection = {
  name: 'recognitionFeed',
  eventTypes: ['KudosSent', 'KudosReactionAdded', 'KudosReactionRemoved', 'KudosRetracted', 'KudosHidden'],

  project(recorded: RecordedEvent, keys: Keyspace): RedisOp[] {
    const event = recorded as unknown as KudosEvent;
    switch (event.type) {
      case 'KudosSent':
        return kudosSent(event.data, keys);
      case 'KudosReactionAdded':
        return [['ZINCRBY', keys.key('kudos', event.data.kudosId, 'reactions'), 1, event.data.emoji]];
      case 'KudosReactionRemoved': {
        const reactions = keys.key('kudos', event.data.kudosId, 'reactions');
        // An emoji nobody reacts with any more is gone, not a zero.
        return [
          ['ZINCRBY', reactions, -1, event.data.emoji],
          ['ZREMRANGEBYSCORE', reactions, '-inf', 0],
        ];
      }
      case 'KudosRetracted':
      case 'KudosHidden':
        return [['UNDO_RUN', undoKey(keys, event.data.kudosId)]];
    }
  },
};

function kudosSent(data: KudosSent['data'], keys: Keyspace): RedisOp[] {
  const { kudosId, fromId, toIds, visibility, fromTeamId = '', toTeamIds = [] } = data;
  const kudos = keys.key('kudos', kudosId);
  const undo = undoKey(keys, kudosId);
  const feeds = [...new Set([fromId, ...toIds])].map((personId) => keys.key('feed', 'person', personId));
  if (visibility !== 'private') {
    const teams = new Set([fromTeamId, ...toTeamIds].filter((teamId) => teamId !== ''));
    feeds.push(...[...teams].map((teamId) => keys.key('feed', 'team', teamId)));
  }
  if (visibility === 'public') feeds.push(keys.key('feed', 'org'));
  const fields = {
    fromId,
    toIds: toIds.join(','),
    message: data.message,
    values: data.values.join(','),
    visibility,
    sentAt: data.sentAt,
    campaignId: data.campaignId ?? '',
    fromTeamId,
    toTeamIds: toTeamIds.join(','),
  };
  const sentAtMs = Date.parse(data.sentAt);
  return [
    ['HSET', kudos, ...Object.entries(fields).flat()],
    remember(undo, ['DEL', kudos]),
    remember(undo, ['DEL', keys.key('kudos', kudosId, 'reactions')]),
    ...feeds.flatMap((feed): RedisOp[] => [['ZADD', feed, sentAtMs, kudosId], remember(undo, ['ZREM', feed, kudosId])]),
  ];
}

/** What takes a kudos back out of the feeds, remembered when it is sent. */
const undoKey = (keys: Keyspace, kudosId: string) => keys.key('undo', kudosId);
