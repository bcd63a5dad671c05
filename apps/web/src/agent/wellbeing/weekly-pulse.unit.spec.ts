import { thisWeeksPulse, today } from './weekly-pulse';

const pulse = (isoWeek: string) => ({ isoWeek, mood: 3, energy: 3, workload: 3, submittedAt: '' });

describe('the weekly pulse', () => {
  it("is answered for this week when this ISO week's answer is among the person's", () => {
    const monday = new Date('2026-12-07T08:00:00Z');
    expect(thisWeeksPulse([pulse('2026-W50'), pulse('2026-W49')], monday)).toMatchObject({ isoWeek: '2026-W50' });
    expect(thisWeeksPulse([pulse('2026-W49')], monday)).toBeUndefined();
  });

  it('counts weeks and days in UTC, as the api does', () => {
    const sundayNightInUtc = new Date('2026-12-06T23:30:00Z');
    expect(thisWeeksPulse([pulse('2026-W49')], sundayNightInUtc)).toBeDefined();
    expect(today(sundayNightInUtc)).toBe('2026-12-06');
  });
});
