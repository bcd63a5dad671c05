import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listedGroups, siteBreakdowns, teamNames } from '@frontline/directory';
import { type BatchedReads, type Breakdown, ORG, ReadModels, Releases } from '@frontline/read-models';
import type { WellbeingTrendsKeys } from '../projections/wellbeing-trends.keys';
import { wellbeingTrendsProjection } from '../projections/wellbeing-trends.projection';
import { readWellbeingCounts } from './wellbeing-counts';
import { type WellbeingDashboard, WellbeingDashboardQuery } from './wellbeing-dashboard.query';
import { type WellbeingCounts, peopleIn, wellbeingFigures, wellbeingMetrics } from './wellbeing-figures';

/**
 * HR's view of wellbeing, aggregates only: the organisation's trend and one page of sites, or of
 * the teams of one site. Each figure (participation, pulse, minutes of each kind) is its own table
 * about its own people, released once per ended week over the whole month (`Releases`), so no set
 * of answers gives away a cell about fewer than PRIVACY_MIN_GROUP people, and an answer reads only
 * the cells it shows.
 */
@QueryHandler(WellbeingDashboardQuery)
export class WellbeingDashboardHandler implements IQueryHandler<WellbeingDashboardQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly releases: Releases,
  ) {}

  async execute({ request }: WellbeingDashboardQuery): Promise<WellbeingDashboard> {
    const { groupBy } = request;
    const { periods, keys, reads, released, page, answer } = await this.releases.open(
      wellbeingTrendsProjection,
      request,
      monthTables,
    );
    const { items, nextCursor } = page(await listedGroups(reads, keys, request));
    const groups = items.map((id) => `${groupBy}:${id}`);
    const [counts, names] = await Promise.all([
      readWellbeingCounts(reads, keys, [ORG, ...groups], periods),
      teamNames(this.readModels, items),
    ]);
    const answered = await Promise.all(
      periods.map(async (period) => {
        const of = (group: string) => counts.get(`${group}|${period}`)!;
        const kinds = Object.keys(of(ORG).minutes).sort();
        const metrics = wellbeingMetrics(kinds);
        const decided = new Map(
          await Promise.all(
            [ORG, ...groups].flatMap((group) =>
              metrics.map(async (metric) => [`${metric}|${group}`, await released(metric, group, period)] as const),
            ),
          ),
        );
        const periodCounts = {
          period,
          org: of(ORG),
          groups: items.map((id, i) => ({ ...of(groups[i]), id, name: names.get(id) ?? '' })),
        };
        return wellbeingFigures(periodCounts, groupBy, kinds, (metric, group) => decided.get(`${metric}|${group}`));
      }),
    );
    return answer(answered, nextCursor);
  }
}

/** A month's groups and their counts; a month nobody took part in is only the org's zeros. */
async function monthCounts(reads: BatchedReads, keys: WellbeingTrendsKeys, month: string, weeks: string[]) {
  const periods = [...weeks, month];
  const org = await readWellbeingCounts(reads, keys, [ORG], [month]);
  const { participants, respondents } = org.get(`${ORG}|${month}`)!;
  const breakdowns = participants + respondents === 0 ? [] : await siteBreakdowns(reads, keys);
  const groups = [ORG, ...new Set(breakdowns.flatMap(({ total, parts }) => [total, ...parts]))];
  return { breakdowns, counts: await readWellbeingCounts(reads, keys, groups, periods) };
}

/** A month's tables: its groups' counts read once for all its figures. */
function monthTables(keys: WellbeingTrendsKeys, reads: BatchedReads) {
  const months = new Map<string, Promise<{ counts: Map<string, WellbeingCounts>; breakdowns: Breakdown[] }>>();
  const countsOf = (month: string, weeks: string[]) => {
    if (!months.has(month)) {
      months.set(month, monthCounts(reads, keys, month, weeks));
    }
    return months.get(month)!;
  };
  return {
    metrics: async (month: string) =>
      wellbeingMetrics(Object.keys(await reads.hgetall(keys.minutes(ORG, month))).sort()),
    table: async (month: string, weeks: string[], metric: string) => {
      const { counts, breakdowns } = await countsOf(month, weeks);
      return {
        weeks,
        month,
        breakdowns,
        people: (group: string, period: string) => {
          const cell = counts.get(`${group}|${period}`);
          return cell ? peopleIn(cell, metric) : 0;
        },
      };
    },
  };
}
