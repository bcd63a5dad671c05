/*
 * Pure calendar arithmetic shared by deciders and read models. Everything is in UTC so a bucket
 * (ISO week, month) does not depend on the time zone of the machine that computes it.
 * This file imports nothing: domain folders may use it (see .dependency-cruiser.cjs).
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/** The ISO-8601 week of a moment, in UTC: `2026-W47`. Weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides which year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The UTC calendar month of a moment: `2026-11`. */
export function utcMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The UTC calendar date of a moment: `2026-11-20`. */
export function utcDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && utcDateOf(parsed) === text;
}

/** Whole days from calendar date `from` to calendar date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export const INTERVALS = ['week', 'month'] as const;
/** How dashboards bucket time: ISO weeks (`2026-W47`) or calendar months (`2026-11`), both in UTC. */
export type Interval = (typeof INTERVALS)[number];

/** The bucket a moment falls in. */
export function periodOf(date: Date, interval: Interval): string {
  return interval === 'week' ? isoWeek(date) : utcMonth(date);
}

/** Every bucket from the one holding calendar date `from` to the one holding `to`, oldest first (none if `to` < `from`). */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  const end = Date.parse(`${to}T00:00:00Z`);
  // Step from the first day of each bucket, so a step never skips one (months differ in length).
  const day = new Date(`${from}T00:00:00Z`);
  if (day.getTime() > end) return [];
  if (interval === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() || 7) - 1));
  else day.setUTCDate(1);
  const periods: string[] = [];
  while (day.getTime() <= end) {
    periods.push(periodOf(day, interval));
    if (interval === 'week') day.setUTCDate(day.getUTCDate() + 7);
    else day.setUTCMonth(day.getUTCMonth() + 1);
  }
  return periods;
}
