import type { RecordedEvent } from '@frontline/event-store';
import { type Keyspace, type Projection, type RedisOp, remember } from '@frontline/read-models';
import { isoWeek, weekMonth } from '@frontline/decider';
import type { KudosEvent, KudosSent } from '../domain/kudos.events';

/**
 * Recognition counts. Per person: `person:<id>:received` and `person:<id>:sent` (kudos ids scored
 * by sentAt in ms: counts, last recognised at, recent kudos) and `person:<id>:values` (value →
 * count). Per period (`2026-W47` and its month of whole weeks, `2026-11`, UTC): `tally:<period>` holding the counters
 * `org:kudos`, `org:crossTeam`, `org:value:<v>`, `team:<id>:kudos`, `team:<id>:crossTeam`,
 * `team:<id>:value:<v>`, and `recipients:<period>:org` / `recipients:<period>:team:<id>` (person →
 * kudos received) for distinct people recognised. A team's kudos are those its members received,
 * with teams as they were when the kudos was sent.
 *
 * Counters are sorted-set scores, so undoing a kudos can drop every member it brought to zero:
 * a retracted or hidden kudos leaves no trace, not even a zero.
 */
export const recognitionStatsProjection: Projection = {
  name: 'recognitionStats',
  eventTypes: ['KudosSent', 'KudosRetracted', 'KudosHidden'],

  project(recorded: RecordedEvent, keys: Keyspace): RedisOp[] {
    const event = recorded as unknown as KudosEvent;
    switch (event.type) {
      case 'KudosSent':
        return kudosSent(event.data, keys);
      case 'KudosRetracted':
      case 'KudosHidden':
        return [['UNDO_RUN', keys.key('undo', event.data.kudosId)]];
      default:
        return [];
    }
  },
};

function kudosSent(data: KudosSent['data'], keys: Keyspace): RedisOp[] {
  const { kudosId, fromId, toIds, values, fromTeamId, toTeamIds = [] } = data;
  const undo = keys.key('undo', kudosId);
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

  const ops: RedisOp[] = add(keys.key('person', fromId, 'sent'), sentAt.getTime(), kudosId);
  for (const toId of toIds) {
    ops.push(...add(keys.key('person', toId, 'received'), sentAt.getTime(), kudosId));
    ops.push(...values.flatMap((value) => count(keys.key('person', toId, 'values'), value)));
  }

  const teamOf = new Map(toIds.map((toId, i) => [toId, toTeamIds[i] ?? '']));
  const teams = [...new Set(teamOf.values())].filter((teamId) => teamId !== '');
  // Without the sender's team (older kudos) nothing can be called cross-team.
  const crossTeam = (teamId: string) => fromTeamId !== undefined && teamId !== fromTeamId;
  for (const period of [isoWeek(sentAt), weekMonth(sentAt)]) {
    const tally = keys.key('tally', period);
    const counters = ['org:kudos', ...values.map((value) => `org:value:${value}`)];
    if (teams.some(crossTeam)) counters.push('org:crossTeam');
    for (const teamId of teams) {
      counters.push(`team:${teamId}:kudos`, ...values.map((value) => `team:${teamId}:value:${value}`));
      if (crossTeam(teamId)) counters.push(`team:${teamId}:crossTeam`);
    }
    ops.push(...counters.flatMap((counter) => count(tally, counter)));
    for (const [toId, teamId] of teamOf) {
      ops.push(...count(keys.key('recipients', period, 'org'), toId));
      if (teamId !== '') ops.push(...count(keys.key('recipients', period, 'team', teamId), toId));
    }
  }
  return ops;
}
