import { type RedisOp, defineProjection, remember } from '@frontline/read-models';
import type { KudosEvent, KudosSent } from '../domain/kudos.events';
import { type RecognitionFeedKeys, recognitionFeedKeys } from './recognition-feed.keys';

/**
 * The recognition feeds (see `recognitionFeedKeys`): the org feed holds public kudos; a team's
 * feed public and team kudos, in the sender's and each recipient's team at the time of sending;
 * a person's everything they sent or received. Queries filter by viewer; the feeds only say where
 * a kudos may appear.
 */
export const recognitionFeedProjection = defineProjection<KudosEvent, RecognitionFeedKeys>({
  name: 'recognitionFeed',
  layout: recognitionFeedKeys,
  on: {
    KudosSent: ({ data }, keys) => kudosSent(data, keys),
    KudosReactionAdded: ({ data }, keys) => [['ZINCRBY', keys.reactions(data.kudosId), 1, data.emoji]],
    // An emoji nobody reacts with any more is gone, not a zero.
    KudosReactionRemoved: ({ data }, keys) => [
      ['ZINCRBY', keys.reactions(data.kudosId), -1, data.emoji],
      ['ZREMRANGEBYSCORE', keys.reactions(data.kudosId), '-inf', 0],
    ],
    KudosRetracted: ({ data }, keys) => [['UNDO_RUN', keys.undo(data.kudosId)]],
    KudosHidden: ({ data }, keys) => [['UNDO_RUN', keys.undo(data.kudosId)]],
  },
});

function kudosSent(data: KudosSent['data'], keys: RecognitionFeedKeys): RedisOp[] {
  const { kudosId, fromId, toIds, visibility, fromTeamId = '', toTeamIds = [] } = data;
  const kudos = keys.kudos(kudosId);
  const undo = keys.undo(kudosId);
  const feeds = [...new Set([fromId, ...toIds])].map((personId) => keys.feed({ of: 'person', personId }));
  if (visibility !== 'private') {
    const teams = new Set([fromTeamId, ...toTeamIds].filter((teamId) => teamId !== ''));
    feeds.push(...[...teams].map((teamId) => keys.feed({ of: 'team', teamId })));
  }
  if (visibility === 'public') feeds.push(keys.feed({ of: 'org' }));
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
    remember(undo, ['DEL', keys.reactions(kudosId)]),
    ...feeds.flatMap((feed): RedisOp[] => [['ZADD', feed, sentAtMs, kudosId], remember(undo, ['ZREM', feed, kudosId])]),
  ];
}
