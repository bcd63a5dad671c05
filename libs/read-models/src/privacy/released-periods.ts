import {
  DomainError,
  type Interval,
  daysBetween,
  isCalendarDate,
  monthOfPeriod,
  periodEnd,
  periodsBetween,
  weeksOfMonth,
} from '@frontline/decider';
import { type MonthTable, type SuppressionReason, cellId, suppressMonth } from './suppression';

export class DashboardRangeError extends DomainError {
  readonly code = 'dashboard-range';
  readonly kind = 'invalid';
}

/** About two years of weeks or months: enough for trends, and a bound on the work one answer asks for. */
export const MAX_DASHBOARD_DAYS = 731;

/** The periods a dashboard answer covers (whole weeks or week-months), and the months they lie in. */
export function dashboardRange(from: string, to: string, interval: Interval): { periods: string[]; months: string[] } {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new DashboardRangeError('from and to are calendar dates');
  const days = daysBetween(from, to);
  if (days < 0 || days >= MAX_DASHBOARD_DAYS) {
    throw new DashboardRangeError(`from must not be after to, and the range at most ${MAX_DASHBOARD_DAYS} days`);
  }
  const periods = periodsBetween(from, to, interval);
  return { periods, months: [...new Set(periods.map(monthOfPeriod))] };
}

/** Which cells of a month may not be shown, and why; undefined for a cell that may. */
export type Decision = (group: string, period: string) => SuppressionReason | undefined;

/**
 * Decides every cell of each month an answer touches, from the whole month whatever the answer
 * shows of it: a month that has not ended shows nothing (its numbers move with every event, so
 * two looks would differ by a few people), an ended one hides what `suppressMonth` says.
 */
export async function decideMonths(
  months: readonly string[],
  now: Date,
  tableOf: (month: string, weeks: string[]) => Promise<MonthTable>,
  minGroup: number,
): Promise<Decision> {
  const decided = await Promise.all(
    months.map(async (month) => {
      if (periodEnd(month) > now) return [month, () => 'period-open' as const] as const;
      const hidden = suppressMonth(await tableOf(month, weeksOfMonth(month)), minGroup);
      return [month, (group: string, period: string) => hidden.get(cellId(group, period))] as const;
    }),
  );
  const byMonth = new Map<string, Decision>(decided);
  return (group, period) => byMonth.get(monthOfPeriod(period))!(group, period);
}
