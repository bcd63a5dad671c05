import { membershipKeys } from '@frontline/directory';
import { type Keyspace, releaseKeys } from '@frontline/read-models';

/**
 * The recognition counts' keys, for its projection and its queries.
 * - Per person: `received` and `sent` (kudos ids scored by sentAt in ms: counts, last recognised at,
 *   recent kudos) and `values` (value → count).
 * - Per group (`org`, `site:<id>`, `team:<id>`) and period (`2026-W47`, or its month of whole weeks
 *   `2026-11`, UTC): `tally` (counter → count: `kudos`, `crossTeam`, `value:<v>`) and `recipients`
 *   (person → kudos received) for the distinct people recognised.
 * - `headcount`, `sites`, `teams`, `siteTeams`: the organisation as it was (`membershipOps`);
 *   `released`, `hidden`: what HR may see of a month (`releaseMonths`); `undo`: a kudos' own ops.
 */
export const recognitionStatsKeys = (keys: Keyspace) => ({
  received: (personId: string) => keys.key('person', personId, 'received'),
  sent: (personId: string) => keys.key('person', personId, 'sent'),
  values: (personId: string) => keys.key('person', personId, 'values'),
  tally: (group: string, period: string) => keys.key('tally', period, group),
  recipients: (group: string, period: string) => keys.key('recipients', period, group),
  undo: (kudosId: string) => keys.key('undo', kudosId),
  ...membershipKeys(keys),
  ...releaseKeys(keys),
});

export type RecognitionStatsKeys = ReturnType<typeof recognitionStatsKeys>;
