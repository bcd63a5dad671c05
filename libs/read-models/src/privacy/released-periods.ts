import {
  DomainError,
  type Interval,
  addDays,
  daysBetween,
  isCalendarDate,
  mondayOf,
  monthOfPeriod,
  periodEnd,
  periodsBetween,
  utcDateOf,
  weeksOfMonth,
} from '@frontline/decider';
import { type MonthTable, type SuppressionReason, cellId, rowsOfTable, suppressMonth } from './suppression';

export class DashboardRangeError extends DomainError {
  readonly code = 'dashboard-range';
  readonly kind = 'invalid';
}

/** About two years of weeks or months: enough for trends, and a bound on the work one answer asks for. */
export const MAX_DASHBOARD_DAYS = 731;

/** How far back a dashboard looks when asked without dates: the last twelve complete weeks. */
export const DEFAULT_DASHBOARD_WEEKS = 12;

/**
 * The days a dashboard answer covers, its periods (whole weeks or week-months) and the months they
 * lie in. Without `to`, the last complete week ends it; without `from`, it starts twelve weeks before.
 */
export function dashboardRange(
  asked: { from?: string; to?: string },
  interval: Interval,
  now: Date,
): { from: string; to: string; periods: string[]; months: string[] } {
  const to = asked.to ?? utcDateOf(addDays(mondayOf(now), -1));
  const from =
    asked.from ?? utcDateOf(addDays(mondayOf(new Date(`${to}T00:00:00Z`)), -7 * (DEFAULT_DASHBOARD_WEEKS - 1)));
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new DashboardRangeError('from and to are calendar dates');
  const days = daysBetween(from, to);
  if (days < 0 || days >= MAX_DASHBOARD_DAYS) {
    throw new DashboardRangeError(`from must not be after to, and the range at most ${MAX_DASHBOARD_DAYS} days`);
  }
  const periods = periodsBetween(from, to, interval);
  return { from, to, periods, months: [...new Set(periods.map(monthOfPeriod))] };
}

/**
 * Cells one answer holds at most, some 250 KiB of JSON: a page of groups is cut to fit its periods
 * (six months take 100 groups, twelve weeks 50, two years of weeks 5), and its cursor goes on from
 * there. It bounds what one request costs the api, whatever range and page size it asks.
 */
export const MAX_ANSWER_CELLS = 600;

/** The groups a page of an answer of this many periods may hold. */
export function groupsPerPage(limit: number, periods: number): number {
  return Math.max(1, Math.min(limit, Math.floor(MAX_ANSWER_CELLS / Math.max(1, periods))));
}

/** Which cells of a month may not be shown, and why; undefined for a cell that may. */
export type Decision = (group: string, period: string) => SuppressionReason | undefined;

/**
 * Decides every cell of each month an answer touches, from the whole month whatever the answer
 * shows of it. A period shows nothing until it has ended (its numbers would move with every event,
 * and two looks would differ by a few people). Weeks are decided as they end, in order, each on top
 * of what the weeks before it showed and hid, then the month with its last week: the same steps the
 * answers went through, so every answer ever given about the month, put together, stays safe.
 * A week's numbers no longer change once it has ended (`countedAt`), which keeps the steps replayable.
 */
export async function decideMonths(
  months: readonly string[],
  now: Date,
  tableOf: (month: string, weeks: string[]) => Promise<MonthTable>,
  minGroup: number,
): Promise<Decision> {
  const decided = await Promise.all(
    months.map(async (month): Promise<[string, Decision]> => {
      const weeks = weeksOfMonth(month);
      const ended = weeks.filter((week) => periodEnd(week) <= now).length;
      if (ended === 0) return [month, () => 'period-open'];
      const steps = decideWeekByWeek(await tableOf(month, weeks), minGroup, ended);
      const hidden = steps[steps.length - 1];
      return [month, (group, period) => hidden.get(cellId(group, period))];
    }),
  );
  const byMonth = new Map<string, Decision>(decided);
  return (group, period) => byMonth.get(monthOfPeriod(period))!(group, period);
}

/**
 * What each step of a month hid, as its first `ended` weeks ended one after another (the month with
 * its last week): each step keeps what the steps before it showed and hid.
 */
export function decideWeekByWeek(table: MonthTable, minGroup: number, ended: number): Map<string, SuppressionReason>[] {
  const { weeks, month } = table;
  const rows = [...new Set(rowsOfTable(table).flat())];
  const steps: Map<string, SuppressionReason>[] = [];
  let hidden = new Map<string, SuppressionReason>();
  const shown = new Set<string>();
  for (let step = 1; step <= ended; step++) {
    // The week that ends at this step, and with the last week, the month.
    const ending = step === weeks.length ? [weeks[step - 1], month] : [weeks[step - 1]];
    const open = new Set(step === weeks.length ? [] : [...weeks.slice(step), month]);
    const stands = new Map([...hidden].filter(([, reason]) => reason !== 'period-open'));
    hidden = suppressMonth(table, minGroup, { open, shown, hidden: stands });
    for (const id of ending.flatMap((period) => rows.map((row) => cellId(row, period)))) {
      if (!hidden.has(id)) shown.add(id);
    }
    steps.push(hidden);
  }
  return steps;
}
