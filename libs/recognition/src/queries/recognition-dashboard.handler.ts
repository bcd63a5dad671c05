import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { headcountAt, listedGroups, siteBreakdowns, teamNames } from '@frontline/directory';
import {
  type BatchedReads,
  type DashboardTables,
  ORG,
  ReadModels,
  Releases,
  type SuppressionReason,
  reveal,
} from '@frontline/read-models';
import { KUDOS_VALUES } from '../domain/recognition.vocabulary';
import type { RecognitionStatsKeys } from '../projections/recognition-stats.keys';
import { recognitionStatsProjection } from '../projections/recognition-stats.projection';
import { pairs } from './feed-kudos';
import {
  type RecognitionDashboard,
  RecognitionDashboardQuery,
  type RecognitionFigures,
} from './recognition-dashboard.query';

/** The one figure the dashboard decides on: every number of a cell is about the people recognised. */
const RECOGNISED = 'recognised';

/** What one group received in one period, before suppression. */
interface Counts {
  recognised: number;
  /** People in the group at some moment of the period. */
  size: number;
  counters: Map<string, number>;
}

/**
 * Recognition for HR: the organisation's trend and one page of sites, or of the teams of one site:
 * coverage (people recognised in the period ÷ the group's headcount then), kudos received, values
 * mix and cross-team share. Cells are counted ahead by the projection; what may be shown is released
 * once per ended week over the whole month on the distinct people recognised (`Releases`).
 */
@QueryHandler(RecognitionDashboardQuery)
export class RecognitionDashboardHandler implements IQueryHandler<RecognitionDashboardQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly releases: Releases,
  ) {}

  async execute({ request }: RecognitionDashboardQuery): Promise<RecognitionDashboard> {
    const { groupBy } = request;
    const { periods, keys, reads, released, page, answer } = await this.releases.open(
      recognitionStatsProjection,
      request,
      monthTables,
    );
    const { items, nextCursor } = page(await listedGroups(reads, keys, request));
    const names = await teamNames(this.readModels, items);
    const figures = async (group: string, period: string) => {
      const [counts, hidden] = await Promise.all([
        countsOf(reads, keys, group, period),
        released(RECOGNISED, group, period),
      ]);
      return recognition(counts, hidden);
    };
    const answered = await Promise.all(
      periods.map(async (period) => ({
        period,
        groups: await Promise.all(
          items.map(async (id) => ({
            [groupBy]: id,
            name: names.get(id) ?? '',
            ...(await figures(`${groupBy}:${id}`, period)),
          })),
        ),
        org: await figures(ORG, period),
      })),
    );
    return answer(answered, nextCursor);
  }
}

/** A month's table of the people recognised, over the org, its sites and their teams. */
function monthTables(keys: RecognitionStatsKeys, reads: BatchedReads): DashboardTables {
  return {
    metrics: async () => [RECOGNISED],
    table: async (month, weeks) => {
      // A month nobody was recognised in is only the org's zeros.
      const anyone = (await reads.zcard(keys.recipients(ORG, month))) > 0;
      const breakdowns = anyone ? await siteBreakdowns(reads, keys) : [];
      const rows = [...new Set(breakdowns.flatMap(({ total, parts }) => [total, ...parts]))];
      const cells = [ORG, ...rows].flatMap((group) => [...weeks, month].map((period) => ({ group, period })));
      const people = await Promise.all(cells.map(({ group, period }) => reads.zcard(keys.recipients(group, period))));
      const count = new Map(cells.map(({ group, period }, i) => [`${group}|${period}`, people[i]]));
      return { weeks, month, breakdowns, people: (group, period) => count.get(`${group}|${period}`) ?? 0 };
    },
  };
}

async function countsOf(
  reads: BatchedReads,
  keys: RecognitionStatsKeys,
  group: string,
  period: string,
): Promise<Counts> {
  const [recognised, tally, changes] = await Promise.all([
    reads.zcard(keys.recipients(group, period)),
    reads.zrange(keys.tally(group, period), 0, -1, true),
    reads.hgetall(keys.headcount(group)),
  ]);
  return {
    recognised,
    // Someone recognised in the group was in it: only data from before headcounts were kept can say otherwise.
    size: Math.max(headcountAt(changes, period), recognised),
    counters: new Map(pairs(tally).map(([name, count]) => [name, Number(count)])),
  };
}

function recognition(
  { recognised, size, counters }: Counts,
  hidden: SuppressionReason | undefined,
): RecognitionFigures {
  const count = (name: string) => counters.get(name) ?? 0;
  const kudos = count('kudos');
  return {
    coverage: reveal(share(recognised, size), hidden),
    kudos: reveal(kudos, hidden),
    values: reveal(Object.fromEntries(KUDOS_VALUES.map((value) => [value, count(`value:${value}`)])), hidden),
    crossTeamShare: reveal(share(count('crossTeam'), kudos), hidden),
  };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
