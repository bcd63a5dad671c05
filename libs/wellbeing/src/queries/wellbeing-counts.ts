import { headcountAt } from '@frontline/directory';
import type { BatchedReads } from '@frontline/read-models';
import type { WellbeingTrendsKeys } from '../projections/wellbeing-trends.keys';
import type { WellbeingCounts } from './wellbeing-figures';

/**
 * The raw counts of groups (`org`, `site:<id>`, `team:<id>`) in periods, from the `wellbeingTrends`
 * read model: a bounded number of keys per group and period. A group's size is its headcount in that
 * period, with the organisation as it was then.
 */
export async function readWellbeingCounts(
  reads: BatchedReads,
  keys: WellbeingTrendsKeys,
  groups: readonly string[],
  periods: readonly string[],
): Promise<Map<string, WellbeingCounts>> {
  const changes = new Map(
    await Promise.all(groups.map(async (group) => [group, await reads.hgetall(keys.headcount(group))] as const)),
  );
  const cells = groups.flatMap((group) => periods.map((period) => ({ group, period })));
  const counted = await Promise.all(
    cells.map(async ({ group, period }): Promise<WellbeingCounts> => {
      const [participants, minutes, pulse, respondents] = await Promise.all([
        reads.scard(keys.participants(group, period)),
        reads.hgetall(keys.minutes(group, period)),
        reads.hgetall(keys.pulse(group, period)),
        reads.scard(keys.respondents(group, period)),
      ]);
      // A second round trip: the minutes say which kinds a group has, each kind's set says how many people it covers.
      const kinds = Object.keys(minutes);
      const kindPeople = await Promise.all(kinds.map((kind) => reads.scard(keys.kindPeople(group, period, kind))));
      return {
        // Someone who took part was there: only data from before headcounts were kept can say otherwise.
        size: Math.max(headcountAt(changes.get(group)!, period), participants),
        participants,
        minutes: numbers(minutes),
        kindPeople: Object.fromEntries(kinds.map((kind, i) => [kind, kindPeople[i]])),
        pulse: { mood: 0, energy: 0, workload: 0, answers: 0, ...numbers(pulse) },
        respondents,
      };
    }),
  );
  return new Map(cells.map(({ group, period }, i) => [`${group}|${period}`, counted[i]]));
}

function numbers(hash: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(hash).map(([field, value]) => [field, Number(value)]));
}
