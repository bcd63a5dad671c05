import type { RecordedEvent } from '@frontline/event-store';
import { type Keyspace, type Projection, type RedisOp } from '@frontline/read-models';
import { countedAt, isoWeek, weekMonth } from '@frontline/decider';
import type { ContactVolumeEvent } from '../domain/contact-volume.events';
import type { IncidentEvent, IncidentFacts } from '../domain/incident.events';

export const DASHBOARD_INTERVALS = ['week', 'month'] as const;
export type DashboardInterval = (typeof DASHBOARD_INTERVALS)[number];
export const DASHBOARD_GROUPINGS = ['team', 'channel', 'kind', 'severity'] as const;
export type DashboardGrouping = (typeof DASHBOARD_GROUPINGS)[number];

/**
 * Abuse figures per period and group, so any grouping is read without adding cells up (distinct
 * reporters do not add up). A cell is `<interval>:<period>:<group>:<value>` (`week:2026-W47:team:t1`,
 * `month:2026-11:kind:insult`, `…:org:all` for the whole organisation): a hash {incidents, offered,
 * accepted, contacts}, `…:reporters` (set of agent ids) and `…:ack` (incident id → milliseconds to
 * acknowledge). `<interval>:<period>:groups:<group>` lists the values with incidents. Periods are
 * the ISO week and its month (of whole weeks, UTC) of when the incident happened — or of when it was
 * reported, if its week had already ended then (`countedAt`) — or of the contact date.
 * Contacts are per team and channel only: kinds and severities are rated against the whole organisation.
 */
export const abuseDashboardProjection: Projection = {
  name: 'abuseDashboard',
  eventTypes: [
    'AbuseIncidentReported',
    'IncidentAcknowledged',
    'SupportOffered',
    'SupportAccepted',
    'ContactVolumeRecorded',
    'ContactVolumeCorrected',
  ],

  project(recorded: RecordedEvent, keys: Keyspace): RedisOp[] {
    const event = recorded as unknown as IncidentEvent | ContactVolumeEvent;
    switch (event.type) {
      case 'AbuseIncidentReported': {
        const { agentId } = event.data;
        return cellsOf(event.data).flatMap(({ period, group, value }): RedisOp[] => [
          ['HINCRBY', keys.key(period, group, value), 'incidents', 1],
          ['SADD', keys.key(period, group, value, 'reporters'), agentId],
          ['SADD', keys.key(period, 'groups', group), value],
        ]);
      }
      case 'IncidentAcknowledged': {
        const { incidentId, at, reportedAt } = event.data;
        const waited = Math.max(0, Date.parse(at) - Date.parse(reportedAt));
        return cellsOf(event.data).map(({ period, group, value }) => [
          'ZADD',
          keys.key(period, group, value, 'ack'),
          waited,
          incidentId,
        ]);
      }
      case 'SupportOffered':
      case 'SupportAccepted': {
        const field = event.type === 'SupportOffered' ? 'offered' : 'accepted';
        return cellsOf(event.data).map(({ period, group, value }) => [
          'HINCRBY',
          keys.key(period, group, value),
          field,
          1,
        ]);
      }
      case 'ContactVolumeRecorded':
      case 'ContactVolumeCorrected': {
        const { teamId, channel, date, contacts } = event.data;
        // A correction replaces the day's count: add the difference.
        const added = event.type === 'ContactVolumeCorrected' ? contacts - event.data.previous : contacts;
        const day = new Date(`${date}T00:00:00Z`);
        return periodsOf(day).flatMap((period): RedisOp[] =>
          [
            ['team', teamId],
            ['channel', channel],
            ['org', 'all'],
          ].map(([group, value]) => ['HINCRBY', keys.key(period, group, value), 'contacts', added]),
        );
      }
      default:
        return [];
    }
  },
};

/** The cells an incident counts in: every period it falls in × every group it belongs to. */
function cellsOf(facts: IncidentFacts) {
  const groups: [group: DashboardGrouping | 'org', value: string][] = [
    ['team', facts.teamId],
    ['channel', facts.channel],
    ...facts.kinds.map((kind): [DashboardGrouping, string] => ['kind', kind]),
    ['severity', facts.severity],
    ['org', 'all'],
  ];
  return periodsOf(countedAt(new Date(facts.occurredAt), new Date(facts.reportedAt))).flatMap((period) =>
    groups.map(([group, value]) => ({ period, group, value })),
  );
}

/** `week:2026-W47` and the month of that week, `month:2026-11`, in UTC. */
export function periodsOf(moment: Date): string[] {
  return [`week:${isoWeek(moment)}`, `month:${weekMonth(moment)}`];
}
