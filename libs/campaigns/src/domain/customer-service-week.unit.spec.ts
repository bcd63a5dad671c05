import fc from 'fast-check';
import { campaignSteps } from './campaign-steps';
import { customerServiceWeek, firstFullWeekOfOctober } from './customer-service-week';

describe('the first full week of October', () => {
  it.each([
    [2026, ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09']],
    [2025, ['2025-10-06', '2025-10-07', '2025-10-08', '2025-10-09', '2025-10-10']],
    [2023, ['2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06']],
    [2022, ['2022-10-03', '2022-10-04', '2022-10-05', '2022-10-06', '2022-10-07']],
    [2029, ['2029-10-01', '2029-10-02', '2029-10-03', '2029-10-04', '2029-10-05']], // October 1st is a Monday
  ])('%i: %j', (year, dates) => expect(firstFullWeekOfOctober(year)).toEqual(dates));

  it('is Monday to Friday of a Monday-to-Sunday week inside October, and the first such week', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2400 }), (year) => {
        const dates = firstFullWeekOfOctober(year).map((date) => new Date(`${date}T00:00:00Z`));
        expect(dates.map((d) => d.getUTCDay())).toEqual([1, 2, 3, 4, 5]);
        const monday = dates[0].getUTCDate();
        expect(dates.every((d) => d.getUTCFullYear() === year && d.getUTCMonth() === 9)).toBe(true);
        // Its Sunday is in October too, and a week starting 7 days earlier would begin in September.
        expect(monday + 6).toBeLessThanOrEqual(31);
        expect(monday - 7).toBeLessThan(1);
      }),
    ));
});

describe('the Customer Service Week programme', () => {
  it('has five themed days, 09:00 to 17:00 local time', () => {
    const days = customerServiceWeek(2026);
    expect(days.map((day) => day.theme)).toEqual([
      'Kick-off and thank-you wall',
      'Volunteering',
      'Wellbeing sessions',
      'Team quiz',
      'Celebration',
    ]);
    expect(days[2].activities).toEqual(['Yoga', 'Meditation', 'Origami']);
    expect(days[4].activities).toContain('Meal donation');
    for (const day of days) {
      expect(day).toMatchObject({ opensAt: '09:00', closesAt: '17:00' });
      expect(day.announcement.length).toBeGreaterThan(0);
    }
  });

  it('runs its steps in order at local time in the campaign time zone', () => {
    const steps = campaignSteps(customerServiceWeek(2026), 'Europe/London');
    expect(steps.map((s) => s.step)).toEqual([
      'start',
      'day-1-open',
      'day-1-announce',
      'kudos-wall',
      'day-1-headlines',
      ...[2, 3, 4, 5].flatMap((n) => [`day-${n}-open`, `day-${n}-announce`, `day-${n}-headlines`]),
      'badges',
      'final-headlines',
      'close',
    ]);
    expect(steps[0]).toEqual({ step: 'start', at: '2026-10-05T08:00:00.000Z' });
    expect(steps.find((s) => s.step === 'day-1-headlines')?.at).toBe('2026-10-05T16:00:00.000Z');
    expect(steps.at(-1)).toEqual({ step: 'close', at: '2026-10-09T16:00:00.000Z' });
    const instants = steps.map((s) => Date.parse(s.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
  });
});
