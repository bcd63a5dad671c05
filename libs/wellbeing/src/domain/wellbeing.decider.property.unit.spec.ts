import fc from 'fast-check';
import { DomainError } from '@frontline/decider';
import { isoWeek } from '@frontline/decider';
import { wellbeingDecider } from './wellbeing.decider';
import type { PulseCheckInSubmitted, WellbeingEvent } from './wellbeing.events';

// Mostly valid scores, so that most weeks see several acceptable submissions, with some out of range or fractional.
const score = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 12 },
  { arbitrary: fc.integer({ min: -2, max: 8 }), weight: 1 },
  { arbitrary: fc.double({ min: -2, max: 8 }), weight: 1 },
);
const submission = fc.record({
  // Arbitrary times, in any order, clustered so that weeks repeat often.
  now: fc.date({ min: new Date('2026-12-01T00:00:00Z'), max: new Date('2027-02-01T00:00:00Z'), noInvalidDate: true }),
  mood: score,
  energy: score,
  workload: score,
});

describe('wellbeing decider: pulse properties', () => {
  it('accepts at most one pulse per ISO week, each with whole scores from 1 to 5', () => {
    fc.assert(
      fc.property(fc.array(submission, { maxLength: 40 }), (submissions) => {
        const history: WellbeingEvent[] = [];
        let state = wellbeingDecider.initialState();
        for (const { now, mood, energy, workload } of submissions) {
          try {
            const events = wellbeingDecider.decide(
              { type: 'SubmitPulseCheckIn', mood, energy, workload, teamId: 't1', siteId: 's1', now },
              state,
            );
            history.push(...events);
            state = events.reduce(wellbeingDecider.evolve, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        }
        const pulses = history.filter(
          (event): event is PulseCheckInSubmitted => event.type === 'PulseCheckInSubmitted',
        );
        const weeks = pulses.map((pulse) => pulse.data.isoWeek);
        expect(new Set(weeks).size).toBe(weeks.length);
        for (const { data } of pulses) {
          expect(data.isoWeek).toBe(isoWeek(new Date(data.submittedAt)));
          for (const value of [data.mood, data.energy, data.workload]) {
            expect(Number.isInteger(value) && value >= 1 && value <= 5).toBe(true);
          }
        }
        // Nothing valid is refused: every week with a valid submission has its pulse.
        const validWeeks = new Set(
          submissions
            .filter((s) => [s.mood, s.energy, s.workload].every((v) => Number.isInteger(v) && v >= 1 && v <= 5))
            .map((s) => isoWeek(s.now)),
        );
        expect(new Set(weeks)).toEqual(validWeeks);
      }),
      { numRuns: 300 },
    );
  });
});
