import { type RedisOp, defineProjection } from '@frontline/read-models';
import { countedAt, isoWeek, weekMonth } from '@frontline/decider';
import type { ContactVolumeEvent } from '../domain/contact-volume.events';
import type { IncidentEvent, IncidentFacts } from '../domain/incident.events';
import { type AbuseDashboardKeys, abuseDashboardKeys } from './abuse-dashboard.keys';

export const DASHBOARD_INTERVALS = ['week', 'month'] as const;
export type DashboardInterval = (typeof DASHBOARD_INTERVALS)[number];
export const DASHBOARD_GROUPINGS = ['site', 'team', 'channel', 'kind', 'severity'] as const;
export type DashboardGrouping = (typeof DASHBOARD_GROUPINGS)[number];

/** Where a fact counts: its site as it recorded it; facts from before sites were recorded count under their team. */
const siteOf = (facts: { teamId: string; siteId?: string }) => facts.siteId ?? facts.teamId;

/**
 * Abuse figures per period and group (see `abuseDashboardKeys`), so any grouping is read without
 * adding cells up (distinct reporters do not add up). Periods are the ISO week and its month of
 * when the incident happened — or of when it was reported, if its week had already ended then
 * (`countedAt`) — or of the contact date. Teams and sites are those of the fact, as it was then.
 * Contacts are per site, team and channel only: kinds and severities are rated against the whole
 * organisation.
 */
export const abuseDashboardProjection = defineProjection<IncidentEvent | ContactVolumeEvent, AbuseDashboardKeys>({
  name: 'abuseDashboard',
  layout: abuseDashboardKeys,
  on: {
    AbuseIncidentReported: ({ data }, keys) =>
      cellsOf(data).flatMap(({ period, grouping, value }): RedisOp[] => {
        const group = grouping === 'org' ? 'org' : `${grouping}:${value}`;
        return [
          ['HINCRBY', keys.cell(period, group), 'incidents', 1],
          ['SADD', keys.reporters(period, group), data.agentId],
          ...(grouping === 'org' ? [] : [['SADD', keys.groups(period, grouping), value] as RedisOp]),
          ...(grouping === 'team' ? [['SADD', keys.siteTeams(period, siteOf(data)), value] as RedisOp] : []),
        ];
      }),
    IncidentAcknowledged: ({ data }, keys) => {
      const waited = Math.max(0, Date.parse(data.at) - Date.parse(data.reportedAt));
      return cellsOf(data).map(({ period, group }) => ['ZADD', keys.acks(period, group), waited, data.incidentId]);
    },
    SupportOffered: ({ data }, keys) =>
      cellsOf(data).map(({ period, group }) => ['HINCRBY', keys.cell(period, group), 'offered', 1]),
    SupportAccepted: ({ data }, keys) =>
      cellsOf(data).map(({ period, group }) => ['HINCRBY', keys.cell(period, group), 'accepted', 1]),
    ContactVolumeRecorded: ({ data }, keys) => contacts(data, data.contacts, keys),
    // A correction replaces the day's count: add the difference.
    ContactVolumeCorrected: ({ data }, keys) => contacts(data, data.contacts - data.previous, keys),
  },
});

function contacts(
  data: { teamId: string; siteId?: string; channel: string; date: string },
  added: number,
  keys: AbuseDashboardKeys,
): RedisOp[] {
  const groups = ['org', `site:${siteOf(data)}`, `team:${data.teamId}`, `channel:${data.channel}`];
  return periodsOf(new Date(`${data.date}T00:00:00Z`)).flatMap((period) =>
    groups.map((group): RedisOp => ['HINCRBY', keys.cell(period, group), 'contacts', added]),
  );
}

/** The cells an incident counts in: every period it falls in × every group it belongs to. */
function cellsOf(facts: IncidentFacts & { siteId?: string }) {
  const groups: [grouping: DashboardGrouping | 'org', value: string][] = [
    ['org', 'all'],
    ['site', siteOf(facts)],
    ['team', facts.teamId],
    ['channel', facts.channel],
    ...facts.kinds.map((kind): [DashboardGrouping, string] => ['kind', kind]),
    ['severity', facts.severity],
  ];
  return periodsOf(countedAt(new Date(facts.occurredAt), new Date(facts.reportedAt))).flatMap((period) =>
    groups.map(([grouping, value]) => ({
      period,
      grouping,
      value,
      group: grouping === 'org' ? 'org' : `${grouping}:${value}`,
    })),
  );
}

/** The ISO week of a moment and the month of that week, in UTC. */
export function periodsOf(moment: Date): string[] {
  return [isoWeek(moment), weekMonth(moment)];
}
