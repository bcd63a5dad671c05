import { membershipKeys } from '@frontline/directory';
import { type Keyspace, releaseKeys } from '@frontline/read-models';

/**
 * The wellbeing trends' keys, for its projection and its query. A group is `org`, `site:<id>` or
 * `team:<id>`; a period an ISO week `2026-W47` or its month of whole weeks `2026-11`, UTC:
 * - `participants` (people with an activity), `minutes` {kind: minutes}, `kindPeople` (people with
 *   that kind, so each minutes cell knows how many people it covers);
 * - `pulse` {mood, energy, workload} sums and their number of `answers`, `respondents` the people
 *   they sum over;
 * - `headcount` per group (period → change, see `membershipOps`), `sites` and `siteTeams` the
 *   groups a dashboard lists; `released`, `hidden` what HR may see of a month (`releaseMonths`).
 */
export const wellbeingTrendsKeys = (keys: Keyspace) => ({
  participants: (group: string, period: string) => keys.key(group, period, 'participants'),
  minutes: (group: string, period: string) => keys.key(group, period, 'minutes'),
  kindPeople: (group: string, period: string, kind: string) => keys.key(group, period, 'kind', kind),
  pulse: (group: string, period: string) => keys.key(group, period, 'pulse'),
  respondents: (group: string, period: string) => keys.key(group, period, 'respondents'),
  ...membershipKeys(keys),
  ...releaseKeys(keys),
});

export type WellbeingTrendsKeys = ReturnType<typeof wellbeingTrendsKeys>;
