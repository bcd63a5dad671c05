/** A campaign's local date (`2026-10-05`) as its weekday and day, in the reader's language. */
export function localDateLabel(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** An instant in the campaign's time zone, in the reader's language. */
export function momentLabel(at: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));
}

/**
 * The years whose Customer Service Week (the first full week of October) still lies ahead: this
 * year's until its Monday, then the next ones.
 */
export function plannableYears(now: Date, count = 3): number[] {
  const year = now.getUTCFullYear();
  const first = firstFullWeekOfOctober(year);
  const start = first.getTime() > now.getTime() ? year : year + 1;
  return Array.from({ length: count }, (_, i) => start + i);
}

/** The Monday of the first week of October whose seven days are all in October. */
export function firstFullWeekOfOctober(year: number): Date {
  const first = new Date(Date.UTC(year, 9, 1));
  const weekday = first.getUTCDay() || 7;
  return new Date(Date.UTC(year, 9, weekday === 1 ? 1 : 1 + 8 - weekday));
}

/** A step id (`day-2-open`) as a catalog key and its day: `campaigns.steps.open` with `{day: 2}`. */
export function stepLabelKey(step: string): { key: string; day?: number } {
  const day = /^day-(\d+)-(.+)$/.exec(step);
  return day ? { key: `campaigns.steps.${day[2]}`, day: Number(day[1]) } : { key: `campaigns.steps.${step}` };
}
