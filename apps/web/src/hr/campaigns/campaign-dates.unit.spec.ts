import { firstFullWeekOfOctober, localDateLabel, plannableYears, stepLabelKey } from './campaign-dates';

describe('campaign dates', () => {
  it('finds the first full week of October', () => {
    expect(firstFullWeekOfOctober(2026).toISOString().slice(0, 10)).toBe('2026-10-05');
    expect(firstFullWeekOfOctober(2029).toISOString().slice(0, 10)).toBe('2029-10-01');
    expect(firstFullWeekOfOctober(2030).toISOString().slice(0, 10)).toBe('2030-10-07');
  });

  it('offers only years whose week is still ahead', () => {
    expect(plannableYears(new Date('2026-06-01T00:00:00Z'))).toEqual([2026, 2027, 2028]);
    expect(plannableYears(new Date('2026-12-07T00:00:00Z'))).toEqual([2027, 2028, 2029]);
  });

  it('names days and steps', () => {
    expect(localDateLabel('2026-10-05', 'en-GB')).toMatch(/^Monday,? 5 October 2026$/);
    expect(stepLabelKey('day-2-open')).toEqual({ key: 'campaigns.steps.open', day: 2 });
    expect(stepLabelKey('kudos-wall')).toEqual({ key: 'campaigns.steps.kudos-wall' });
  });
});
