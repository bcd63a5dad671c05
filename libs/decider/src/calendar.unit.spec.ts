import {
  daysBetween,
  isCalendarDate,
  isoWeek,
  periodEnd,
  periodsBetween,
  utcDateOf,
  utcMonth,
  weekMonth,
  weeksOfMonth,
  monthOfPeriod,
  countedAt,
} from './calendar';

describe('isoWeek', () => {
  it.each([
    ['2026-11-20T12:00:00Z', '2026-W47'],
    ['2026-01-01T00:00:00Z', '2026-W01'],
    ['2026-12-31T12:00:00Z', '2026-W53'],
    ['2027-01-01T00:00:00Z', '2026-W53'],
    ['2027-01-03T23:59:59Z', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-W01'],
    ['2024-12-29T23:59:59Z', '2024-W52'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2023-01-01T12:00:00Z', '2022-W52'],
    ['2023-01-02T12:00:00Z', '2023-W01'],
  ])('puts %s in %s', (moment, week) => expect(isoWeek(new Date(moment))).toBe(week));

  it('reads the moment in UTC, not in the local time of the machine', () => {
    // Monday 00:30 in Paris is still Sunday in UTC.
    expect(isoWeek(new Date('2027-01-04T00:30:00+01:00'))).toBe('2026-W53');
  });
});

describe('calendar dates', () => {
  it('knows a real date from a malformed or impossible one', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00:00Z')).toBe(false);
  });

  it('counts days across month and year ends', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2026-01-01', '2026-04-01')).toBe(90);
  });

  it('takes the UTC date of a moment', () => {
    expect(utcDateOf(new Date('2026-11-20T23:30:00-02:00'))).toBe('2026-11-21');
  });
});

describe('periodsBetween', () => {
  it('lists every ISO week touched, across the turn of the year', () =>
    expect(periodsBetween('2026-12-23', '2027-01-05', 'week')).toEqual(['2026-W52', '2026-W53', '2027-W01']));

  it('lists every month touched, whatever their lengths', () =>
    expect(periodsBetween('2026-01-31', '2026-04-01', 'month')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']));

  it('gives one bucket for one day, and none when the range is backwards', () => {
    expect(periodsBetween('2026-11-20', '2026-11-20', 'week')).toEqual(['2026-W47']);
    expect(periodsBetween('2026-11-20', '2026-11-19', 'month')).toEqual([]);
  });

  it('names the month of a moment in UTC', () =>
    expect(utcMonth(new Date('2026-12-01T00:30:00+01:00'))).toBe('2026-11'));
});

describe('months of whole ISO weeks', () => {
  it('puts a week in the month of its Thursday', () => {
    // Monday 30 November 2026 starts the week of Thursday 3 December.
    expect(weekMonth(new Date('2026-11-30T10:00:00Z'))).toBe('2026-12');
    expect(weekMonth(new Date('2026-11-29T23:59:00Z'))).toBe('2026-11');
    expect(weekMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
  });

  it('makes a month of four or five whole weeks, each week in exactly one month', () => {
    expect(weeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeksOfMonth('2026-12')).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    const months = Array.from({ length: 12 }, (_, m) => `2027-${String(m + 1).padStart(2, '0')}`);
    const weeks = months.flatMap(weeksOfMonth);
    expect(new Set(weeks).size).toBe(weeks.length);
    expect(weeks).toEqual(periodsBetween('2027-01-04', '2028-01-02', 'week'));
  });

  it('ends a week on the next Monday and a month with its last week', () => {
    expect(periodEnd('2026-W47').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(periodEnd('2026-W53').toISOString()).toBe('2027-01-04T00:00:00.000Z');
    expect(periodEnd('2026-11').toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});

describe('countedAt', () => {
  it('counts a fact when it happened while its week is open, and when recorded once it has ended', () => {
    const happened = new Date('2026-11-20T10:00:00Z');
    expect(countedAt(happened, new Date('2026-11-22T23:00:00Z'))).toBe(happened);
    const late = new Date('2026-11-23T08:00:00Z');
    expect(countedAt(happened, late)).toBe(late);
  });

  it('finds the month of a week or a month', () => {
    expect(monthOfPeriod('2026-W49')).toBe('2026-12');
    expect(monthOfPeriod('2026-W48')).toBe('2026-11');
    expect(monthOfPeriod('2026-11')).toBe('2026-11');
  });
});
