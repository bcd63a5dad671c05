import { type RedisOp, defineProjection, remember } from '@frontline/read-models';
import { isoWeek, weekMonth } from '@frontline/decider';
import { type MembershipEvent, membershipOps } from '@frontline/directory';
import type { KudosEvent, KudosSent } from '../domain/kudos.events';
import { type RecognitionStatsKeys, recognitionStatsKeys } from './recognition-stats.keys';

/**
 * Recognition counts (see `recognitionStatsKeys`). A group's kudos are those its members received,
 * with teams and sites as they were when the kudos was sent; headcounts are the organisation's as it
 * was in each period.
 *
 * Counters are sorted-set scores, so undoing a kudos can drop every member it brought to zero:
 * a retracted or hidden kudos leaves no trace, not even a zero.
 */
export const recognitionStatsProjection = defineProjection<KudosEvent | MembershipEvent, RecognitionStatsKeys>({
  name: 'recognitionStats',
  layout: recognitionStatsKeys,
  on: {
    KudosSent: ({ data }, keys) => kudosSent(data, keys),
    KudosRetracted: ({ data }, keys) => [['UNDO_RUN', keys.undo(data.kudosId)]],
    KudosHidden: ({ data }, keys) => [['UNDO_RUN', keys.undo(data.kudosId)]],
    PersonEnrolled: membershipOps,
    PersonMovedTeam: membershipOps,
    PersonOffboarded: membershipOps,
    PersonReinstated: membershipOps,
  },
});

type Placed = { toSiteIds?: string[] };

function kudosSent(data: KudosSent['data'] & Placed, keys: RecognitionStatsKeys): RedisOp[] {
  const { kudosId, fromId, toIds, values, fromTeamId, toTeamIds = [], toSiteIds = [] } = data;
  const undo = keys.undo(kudosId);
  const sentAt = new Date(data.sentAt);
  const add = (key: string, score: number, member: string): RedisOp[] => [
    ['ZADD', key, score, member],
    remember(undo, ['ZREM', key, member]),
  ];
  const count = (key: string, member: string): RedisOp[] => [
    ['ZINCRBY', key, 1, member],
    remember(undo, ['ZINCRBY', key, -1, member]),
    remember(undo, ['ZREMRANGEBYSCORE', key, '-inf', 0]),
  ];

  const ops: RedisOp[] = add(keys.sent(fromId), sentAt.getTime(), kudosId);
  for (const toId of toIds) {
    ops.push(...add(keys.received(toId), sentAt.getTime(), kudosId));
    ops.push(...values.flatMap((value) => count(keys.values(toId), value)));
  }

  // Each recipient's groups as the kudos recorded them: a team is its own site before sites were recorded.
  const groupsOf = new Map(
    toIds.map((toId, i) => {
      const teamId = toTeamIds[i];
      return [toId, teamId ? [`team:${teamId}`, `site:${toSiteIds[i] ?? teamId}`] : []];
    }),
  );
  // Without the sender's team (older kudos) nothing can be called cross-team.
  const crossTeam = (toId: string) => {
    const teamId = toTeamIds[toIds.indexOf(toId)];
    return fromTeamId !== undefined && teamId !== undefined && teamId !== fromTeamId;
  };
  const groups = ['org', ...new Set([...groupsOf.values()].flat())];
  for (const period of [isoWeek(sentAt), weekMonth(sentAt)]) {
    for (const group of groups) {
      const recipients = group === 'org' ? toIds : toIds.filter((toId) => groupsOf.get(toId)!.includes(group));
      const counters = ['kudos', ...values.map((value) => `value:${value}`)];
      if (recipients.some(crossTeam)) counters.push('crossTeam');
      ops.push(...counters.flatMap((counter) => count(keys.tally(group, period), counter)));
      ops.push(...recipients.flatMap((toId) => count(keys.recipients(group, period), toId)));
    }
  }
  return ops;
}
