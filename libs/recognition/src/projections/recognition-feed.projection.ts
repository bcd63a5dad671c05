import { type Recorded, type RedisOp, defineProjection, remember } from '@frontline/read-models';
import type { KudosEvent, KudosSent } from '../domain/kudos.events';
import { type LiveTopic, type RecognitionFeedKeys, liveTopic, recognitionFeedKeys } from './recognition-feed.keys';

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
    KudosSent: (event, keys) => kudosSent(event, keys),
    KudosReactionAdded: ({ data }, keys) => [['ZINCRBY', keys.reactions(data.kudosId), 1, data.emoji]],
    // An emoji nobody reacts with any more is gone, not a zero.
    KudosReactionRemoved: ({ data }, keys) => [
      ['ZINCRBY', keys.reactions(data.kudosId), -1, data.emoji],
      ['ZREMRANGEBYSCORE', keys.reactions(data.kudosId), '-inf', 0],
    ],
    KudosRetracted: ({ data }, keys) => [['UNDO_RUN', keys.undo(data.kudosId)]],
    KudosHidden: ({ data }, keys) => [['UNDO_RUN', keys.undo(data.kudosId)]],
  },
  // Streams follow new kudos; a retracted or hidden one leaves the lists, so a stream resumed later skips it.
  live: (event) => (event.type === 'KudosSent' ? kudosTopics(event.data).map(liveTopic) : []),
});

/** Where a kudos appears: the person feeds of its sender and recipients; unless private, their teams' feeds; if public, the org feed and its campaign's wall. */
export function kudosTopics(data: KudosSent['data']): LiveTopic[] {
  const { fromId, toIds, visibility, fromTeamId = '', toTeamIds = [] } = data;
  const topics: LiveTopic[] = [...new Set([fromId, ...toIds])].map((personId) => ({ of: 'person', personId }));
  if (visibility !== 'private') {
    const teams = new Set([fromTeamId, ...toTeamIds].filter((teamId) => teamId !== ''));
    topics.push(...[...teams].map((teamId): LiveTopic => ({ of: 'team', teamId })));
  }
  if (visibility === 'public') topics.push({ of: 'org' });
  if (visibility === 'public' && data.campaignId) topics.push({ of: 'campaign', campaignId: data.campaignId });
  return topics;
}

function kudosSent({ data, position }: Recorded<KudosSent>, keys: RecognitionFeedKeys): RedisOp[] {
  const { kudosId, fromId, toIds, visibility, fromTeamId = '', toTeamIds = [] } = data;
  const kudos = keys.kudos(kudosId);
  const undo = keys.undo(kudosId);
  const topics = kudosTopics(data);
  const feeds = topics.flatMap((topic) => (topic.of === 'campaign' ? [] : [keys.feed(topic)]));
  const live = topics.map((topic) => keys.live(liveTopic(topic)));
  const logged = `${position} ${kudosId}`;
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
    ...live.flatMap((list): RedisOp[] => [['ZADD', list, 0, logged], remember(undo, ['ZREM', list, logged])]),
  ];
}
