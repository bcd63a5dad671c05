import { type Dataset, datasetCsv, datasetOf, periodLabel, toCsv } from './figures';

const shown = (value: number | null) => ({ value, suppressed: false });
const hidden = (reason: 'too-few-people' | 'protects-another-cell' | 'period-open') => ({
  value: null,
  suppressed: true,
  reason,
});

describe('dashboard figures', () => {
  const answer = {
    minGroup: 5,
    periods: [
      {
        period: '2026-W44',
        total: { rate: shown(2.5) },
        groups: [
          { site: 's1', name: 'Leeds', rate: shown(3) },
          { site: 's2', name: 'Glasgow, North', rate: hidden('too-few-people') },
        ],
      },
      {
        period: '2026-W45',
        total: { rate: shown(1) },
        groups: [
          { site: 's2', name: 'Glasgow, North', rate: hidden('protects-another-cell') },
          { site: 's1', name: 'Leeds', rate: shown(0) },
        ],
      },
    ],
  };
  const dataset: Dataset = datasetOf(
    answer,
    { name: 'Organisation', of: (period) => period.total },
    (cell) => cell.rate,
  );

  it('puts the organisation first, then each group with one point per period, matched by id', () => {
    expect(dataset.series).toEqual([
      { id: 'org', name: 'Organisation', points: [{ value: 2.5 }, { value: 1 }] },
      { id: 's1', name: 'Leeds', site: 's1', points: [{ value: 3 }, { value: 0 }] },
      {
        id: 's2',
        name: 'Glasgow, North',
        site: 's2',
        points: [
          { value: null, hidden: 'too-few-people' },
          { value: null, hidden: 'protects-another-cell' },
        ],
      },
    ]);
    expect(dataset.minGroup).toBe(5);
  });

  it('writes a CSV of what is shown: the number or why it is hidden, and the threshold, quoting what needs it', () => {
    const csv = datasetCsv(
      dataset,
      { group: 'Group', period: 'Period', value: 'Rate', hidden: 'Hidden because', threshold: 'Threshold' },
      { period: (period) => period, hidden: (reason) => `hidden: ${reason}` },
    );
    expect(csv.split('\r\n')).toEqual([
      'Group,Period,Rate,Hidden because,Threshold',
      'Organisation,2026-W44,2.5,,5',
      'Organisation,2026-W45,1,,5',
      'Leeds,2026-W44,3,,5',
      'Leeds,2026-W45,0,,5',
      '"Glasgow, North",2026-W44,,hidden: too-few-people,5',
      '"Glasgow, North",2026-W45,,hidden: protects-another-cell,5',
      '',
    ]);
    expect(toCsv([['say "hi"', null]])).toBe('"say ""hi""",\r\n');
  });

  it('names weeks and months in the reader language', () => {
    const week = (w: number, y: number) => `W${w}/${y}`;
    expect(periodLabel('2026-W05', 'en', week)).toBe('W5/2026');
    expect(periodLabel('2026-10', 'en', week)).toBe('October 2026');
    expect(periodLabel('2026-10', 'fr', week)).toBe('octobre 2026');
  });
});
