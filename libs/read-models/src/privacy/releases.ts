import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Interval, monthOfPeriod, periodEnd, weeksOfMonth } from '@frontline/decider';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { AppConfig, Clock, type ReadModelRedis } from '@frontline/platform';
import type { BatchedReads } from '../batched-reads';
import type { Keyspace, TypedProjection } from '../projection';
import { caughtUp } from '../projection-status';
import { ReadModels } from '../read-models';
import { type MonthTable, type SuppressionReason, cellId } from './suppression';
import { type Page, Paging } from '../paging';
import { dashboardRange, decideWeekByWeek, groupsPerPage } from './released-periods';

/** The tables a dashboard releases: one per figure about its own people (`metric`), per month. */
export interface DashboardTables {
  /** The figures of a month, each decided on its own people (abuse: one; wellbeing: one per kind…). */
  metrics(month: string): Promise<readonly string[]>;
  /** The month's table of one figure, every breakdown, from the read model. */
  table(month: string, weeks: string[], metric: string): Promise<MonthTable>;
}

/** What every dashboard is asked: a range, an interval, one level of groups and a page of them. */
export interface DashboardRequest<Grouping extends string = 'site' | 'team'> extends Page {
  from?: string;
  to?: string;
  interval: Interval;
  groupBy: Grouping;
  /** Only the teams of this site (with `groupBy: team`). */
  site?: string;
}

/** Where a dashboard keeps what it released of each month, in its own keyspace. */
export interface ReleaseKeys {
  /** How many of the month's weeks are released (the month itself with the last one). */
  released(month: string): string;
  /** `<metric>|<group>|<period>` → why that cell is hidden, for every hidden cell of a released period. */
  hidden(month: string): string;
  lock(month: string): string;
}

export interface ReleaseContext {
  redis: ReadModelRedis;
  reads: BatchedReads;
  keys: ReleaseKeys;
  now: Date;
  minGroup: number;
  /** Whether the read model has applied everything recorded so far. */
  caughtUp(): Promise<boolean>;
}

/** Whether one cell of one figure may be shown, and if not why; read for the cells an answer shows only. */
export type ReleasedCell = (metric: string, group: string, period: string) => Promise<SuppressionReason | undefined>;

/** The keys of a dashboard's releases, for its key module. */
export const releaseKeys = (keys: Keyspace): ReleaseKeys => ({
  released: (month) => keys.key('released', month),
  hidden: (month) => keys.key('released', month, 'hidden'),
  lock: (month) => keys.key('released', month, 'lock'),
});

/** What every dashboard query starts from: its range, its keys, and what of its months may be shown. */
@Injectable()
export class Releases {
  constructor(
    private readonly readModels: ReadModels,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly paging: Paging,
  ) {}

  /**
   * One dashboard answer under way: its range and periods, its read model's keys, what of its months
   * may be shown, a page of the groups it lists, and the answer's envelope.
   */
  async open<K extends ReleaseKeys, G extends string>(
    projection: TypedProjection<K>,
    request: DashboardRequest<G>,
    tables: (keys: K, reads: BatchedReads) => DashboardTables,
  ) {
    const { interval, groupBy, site, cursor, limit } = request;
    const { from, to, periods, months } = this.range(request, interval);
    const keys = await this.readModels.layout(projection);
    const reads = this.readModels.batched;
    const released = await this.of(projection, keys, months, tables(keys, reads));
    return {
      periods,
      months,
      keys,
      reads,
      released,
      /** The page of these sorted group ids this answer shows. */
      page: (ids: readonly string[]) =>
        this.paging.after(`${projection.name}:${groupBy}:${site ?? ''}`, ids, {
          cursor,
          limit: groupsPerPage(limit, periods.length),
        }),
      /** The answer: what was asked, under which threshold, its periods and where the next page starts. */
      answer: <P>(answered: P[], nextCursor: string | null) => ({
        from,
        to,
        interval,
        groupBy,
        ...(site === undefined ? {} : { site }),
        minGroup: this.minGroup,
        periods: answered,
        nextCursor,
      }),
    };
  }

  get minGroup(): number {
    return this.config.PRIVACY_MIN_GROUP;
  }

  range(asked: { from?: string; to?: string }, interval: Interval) {
    return dashboardRange(asked, interval, this.clock.now());
  }

  /** Releases what has ended of these months (see `releaseMonths`) in the projection's serving keys. */
  async of<K extends ReleaseKeys>(
    projection: TypedProjection<K>,
    keys: K,
    months: readonly string[],
    tables: DashboardTables,
  ): Promise<ReleasedCell> {
    const { redis, batched } = this.readModels;
    return releaseMonths(
      {
        redis,
        reads: batched,
        keys,
        now: this.clock.now(),
        minGroup: this.minGroup,
        caughtUp: () => caughtUp(this.store, redis, projection),
      },
      months,
      tables,
    );
  }
}

/** How long one release may hold a month before another process may take it over. */
const LOCK_MS = 60_000;
const WAIT_STEP_MS = 50;

/**
 * What HR may see of each month, decided once per week that ends and kept: the decisions of
 * `decideWeekByWeek` over the month's whole table, whatever answer first asks, so no later answer
 * redoes them and an answer reads only the decisions of the cells it shows. A week is released when
 * it has ended and the read model has caught up with the log (so has counted all of it: a fact
 * recorded after its week ended counts in a later week); until then it reads as `period-open`.
 * Decisions are deterministic, so a rebuilt read model releases exactly what the old one did.
 */
export async function releaseMonths(
  context: ReleaseContext,
  months: readonly string[],
  tables: DashboardTables,
): Promise<ReleasedCell> {
  const { redis, now } = context;
  // Released under one threshold: another PRIVACY_MIN_GROUP releases afresh.
  const keys = underThreshold(context.keys, context.minGroup);
  const ended = new Map(
    months.map((month) => [month, weeksOfMonth(month).filter((week) => periodEnd(week) <= now).length]),
  );
  const stored = await Promise.all(months.map((month) => redis.get(keys.released(month))));
  let released = new Map(months.map((month, i) => [month, Number(stored[i] ?? 0)]));
  const behind = months.filter((month) => released.get(month)! < ended.get(month)!);
  if (behind.length > 0 && (await context.caughtUp())) {
    // One month at a time: a month of a large organisation is a table of thousands of cells.
    for (const month of behind) await release({ ...context, keys }, month, ended.get(month)!, tables);
    released = new Map(months.map((month) => [month, Math.max(released.get(month)!, ended.get(month)!)]));
  }
  return async (metric, group, period) => {
    const month = monthOfPeriod(period);
    const weeks = weeksOfMonth(month);
    const step = period === month ? weeks.length : weeks.indexOf(period) + 1;
    if (step > released.get(month)!) return 'period-open';
    const reason = await context.reads.hget(keys.hidden(month), `${metric}|${cellId(group, period)}`);
    return (reason ?? undefined) as SuppressionReason | undefined;
  };
}

function underThreshold(keys: ReleaseKeys, minGroup: number): ReleaseKeys {
  const id = (month: string) => `${month}:k${minGroup}`;
  return {
    released: (month) => keys.released(id(month)),
    hidden: (month) => keys.hidden(id(month)),
    lock: (month) => keys.lock(id(month)),
  };
}

/** Single flight within this process; across processes, a lock, and the others wait for its result. */
const inFlight = new Map<string, Promise<void>>();

function release(context: ReleaseContext, month: string, steps: number, tables: DashboardTables): Promise<void> {
  const id = `${context.keys.released(month)}:${steps}`;
  const running = inFlight.get(id) ?? decideAndStore(context, month, steps, tables);
  inFlight.set(id, running);
  return running.finally(() => inFlight.delete(id));
}

async function decideAndStore(
  { redis, keys, minGroup }: ReleaseContext,
  month: string,
  steps: number,
  tables: DashboardTables,
): Promise<void> {
  const token = randomUUID();
  for (;;) {
    if (Number((await redis.get(keys.released(month))) ?? 0) >= steps) return;
    if (await redis.set(keys.lock(month), token, 'PX', LOCK_MS, 'NX')) break;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  try {
    const weeks = weeksOfMonth(month);
    const hidden: Record<string, string> = {};
    for (const metric of await tables.metrics(month)) {
      const decided = decideWeekByWeek(await tables.table(month, weeks, metric), minGroup, steps);
      for (const [cell, reason] of decided[decided.length - 1]) {
        // Open periods are open by the step count, not by a stored reason.
        if (reason !== 'period-open') hidden[`${metric}|${cell}`] = reason;
      }
    }
    const transaction = redis.multi().del(keys.hidden(month));
    if (Object.keys(hidden).length > 0) transaction.hset(keys.hidden(month), hidden);
    await transaction.set(keys.released(month), String(steps)).exec();
  } finally {
    if ((await redis.get(keys.lock(month))) === token) await redis.del(keys.lock(month));
  }
}
