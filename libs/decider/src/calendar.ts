/*
 * Pure calendar arithmetic shared by deciders and read models. Everything is in UTC so a bucket
 * (ISO week, month) does not depend on the time zone of the machine that computes it.
 * This file imports nothing: domain folders may use it (see .dependency-cruiser.cjs).
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

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
/**
 * How dashboards bucket time: ISO weeks (`2026-W47`), and months made of whole ISO weeks (`2026-11`
 * holds the weeks whose Thursday falls in November, as an ISO week belongs to the year of its
 * Thursday). A month is then exactly the sum of its weeks, so no week can be worked out as a month
 * minus the other weeks without the suppression seeing it (see `privacy/suppression.ts`).
 */
export type Interval = (typeof INTERVALS)[number];

/** The month an ISO week belongs to: the month of its Thursday, in UTC. */
export function weekMonth(date: Date): string {
  return utcMonth(thursdayOf(date));
}

/** The bucket a moment falls in. */
export function periodOf(date: Date, interval: Interval): string {
  return interval === 'week' ? isoWeek(date) : weekMonth(date);
}

/** Every bucket from the one holding calendar date `from` to the one holding `to`, oldest first (none if `to` < `from`). */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  const end = Date.parse(`${to}T00:00:00Z`);
  const periods = new Set<string>();
  if (Date.parse(`${from}T00:00:00Z`) > end) return [];
  // Week by week from the Monday of `from`'s week: a month is a run of whole weeks.
  for (let day = mondayOf(new Date(`${from}T00:00:00Z`)); day.getTime() <= end; day = addDays(day, 7)) {
    periods.add(periodOf(day, interval));
  }
  return [...periods];
}

/** The week-month a period (`2026-W47` or `2026-11`) lies in. */
export function monthOfPeriod(period: string): string {
  return isWeek(period) ? weekMonth(addDays(periodEnd(period), -1)) : period;
}

/**
 * The moment a fact counts at in dashboards: when it happened, unless its week had already ended
 * when it was recorded; then when it was recorded. A week's numbers never change once it has ended,
 * so two looks at an ended week can never differ by a late report.
 */
export function countedAt(happened: Date, recorded: Date): Date {
  return periodEnd(isoWeek(happened)) <= recorded ? recorded : happened;
}

/** The ISO weeks of a week-month (`2026-11`), oldest first: four or five. */
export function weeksOfMonth(month: string): string[] {
  const first = new Date(`${month}-01T00:00:00Z`);
  // The first week whose Thursday is in the month starts at most three days before the 1st.
  let monday = mondayOf(addDays(first, 3));
  const weeks: string[] = [];
  for (; weekMonth(monday) === month; monday = addDays(monday, 7)) weeks.push(isoWeek(monday));
  return weeks;
}

/** The first moment after a period (`2026-W47` or `2026-11`): until then, the period is still open. */
export function periodEnd(period: string): Date {
  const week = WEEK.exec(period);
  if (week) {
    // Week 1 holds January 4th; its Monday plus the weeks gone by, plus one week.
    const mondayOfWeek1 = mondayOf(new Date(Date.UTC(Number(week[1]), 0, 4)));
    return addDays(mondayOfWeek1, 7 * Number(week[2]));
  }
  const weeks = weeksOfMonth(period);
  return periodEnd(weeks[weeks.length - 1]);
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const isWeek = (period: string) => WEEK.test(period);

/** The Monday, 00:00 UTC, of the ISO week of a moment. */
export function mondayOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return addDays(day, -((day.getUTCDay() || 7) - 1));
}

function thursdayOf(date: Date): Date {
  return addDays(mondayOf(date), 3);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
