import fc from 'fast-check';
import type { SuppressionReason } from '@frontline/read-models';
import { type WellbeingCounts, peopleIn, wellbeingFigures, wellbeingMetrics } from './wellbeing-figures';

const kinds = ['yoga', 'walk'];
const counts = fc
  .record({
    size: fc.integer({ min: 1, max: 12 }),
    participants: fc.integer({ min: 0, max: 12 }),
    yoga: fc.integer({ min: 0, max: 12 }),
    walk: fc.integer({ min: 0, max: 12 }),
    respondents: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ size, participants, yoga, walk, respondents }): WellbeingCounts => ({
    size,
    participants,
    minutes: { yoga: yoga * 30, walk: walk * 15 },
    kindPeople: { yoga, walk },
    pulse: { mood: respondents * 3, energy: respondents * 2, workload: respondents * 4, answers: respondents },
    respondents,
  }));

describe('wellbeing figures', () => {
  it('counts a rate as about the smaller of its participants and its team', () => {
    const team: WellbeingCounts = {
      size: 3,
      participants: 7,
      minutes: {},
      kindPeople: { yoga: 2 },
      pulse: { mood: 0, energy: 0, workload: 0, answers: 0 },
      respondents: 4,
    };
    expect(wellbeingMetrics(['yoga']).map((metric) => peopleIn(team, metric))).toEqual([3, 4, 2]);
  });

  it('shows exactly the figures its month decided to show, and a hidden one as null with the reason', () => {
    fc.assert(
      fc.property(counts, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (team, hide) => {
        const metrics = wellbeingMetrics(kinds);
        const reason = (metric: string): SuppressionReason | undefined =>
          hide[metrics.indexOf(metric)] ? 'too-few-people' : undefined;
        const { org } = wellbeingFigures({ period: '2026-W47', groups: [], org: team }, 'team', kinds, reason);
        const shown = [org.participants, org.pulse.mood, org.minutesByKind.yoga, org.minutesByKind.walk];
        expect(shown.map((cell) => cell.suppressed)).toEqual(hide);
        expect(shown.filter((cell) => cell.suppressed)).toEqual(
          hide.filter(Boolean).map(() => ({ value: null, suppressed: true, reason: 'too-few-people' })),
        );
        expect(org.participationRate.suppressed).toBe(hide[0]);
        expect(org.pulse.respondents.suppressed).toBe(hide[1]);
      }),
    );
  });
});
