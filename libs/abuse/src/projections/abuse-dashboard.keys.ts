import { type Keyspace, releaseKeys } from '@frontline/read-models';

/**
 * The abuse dashboard's keys, for its projection and its query. A cell is a period (`2026-W47`, or
 * a month of whole weeks, `2026-11`) and a group: `org`, or a grouping and its value (`site:s1`,
 * `team:t1`, `channel:phone`, `kind:insult`, `severity:high`). Each cell holds `cell` {incidents,
 * offered, accepted, contacts}, `reporters` (the agents it is about) and `acks` (incident id →
 * milliseconds to acknowledge). `groups` lists a period's values of a grouping, `siteTeams` the teams
 * of one site; `released` and `hidden` are what HR may see of a month (`releaseMonths`).
 */
export const abuseDashboardKeys = (keys: Keyspace) => {
  const at = (period: string) => [period.includes('-W') ? 'week' : 'month', period];
  return {
    cell: (period: string, group: string) => keys.key(...at(period), group),
    reporters: (period: string, group: string) => keys.key(...at(period), group, 'reporters'),
    acks: (period: string, group: string) => keys.key(...at(period), group, 'ack'),
    groups: (period: string, grouping: string) => keys.key(...at(period), 'groups', grouping),
    siteTeams: (period: string, siteId: string) => keys.key(...at(period), 'site-teams', siteId),
    ...releaseKeys(keys),
  };
};

export type AbuseDashboardKeys = ReturnType<typeof abuseDashboardKeys>;
