/*
 * Local wall-clock time in an IANA time zone → the instant it names, with nothing but Intl:
 * pure, so deciders may use it (see .dependency-cruiser.cjs).
 */

/** True for a time zone Intl knows (`Europe/London`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

/** `HH:mm` or `HH:mm:ss`, 00:00 to 23:59:59. */
export function isTimeOfDay(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(text);
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClock - Math.floor(instantMs / 1000) * 1000;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant at which the wall clock of `timeZone` shows `date` (YYYY-MM-DD) at `time`
 * (HH:mm or HH:mm:ss). A time skipped by a spring-forward change is read with the offset from
 * before the change (01:30 on the last Sunday of March in London is 02:30 BST); a time that occurs twice in the autumn is taken
 * at its first occurrence.
 */
export function localToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  // Offsets change at most once around a given day: the ones a day before and after cover every answer.
  const before = offsetAt(wallClock - DAY_MS, timeZone);
  const after = offsetAt(wallClock + DAY_MS, timeZone);
  const candidates = [wallClock - before, wallClock - after].filter(
    (instant) => instant + offsetAt(instant, timeZone) === wallClock,
  );
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wallClock - before);
}
