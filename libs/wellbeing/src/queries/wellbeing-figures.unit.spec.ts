import fc from 'fast-check';
import type { Suppressible } from '@frontline/read-models';
import { type WellbeingCounts, wellbeingFigures } from './wellbeing-figures';

const MIN_GROUP = 5;
const kinds = ['yoga', 'walk'];
const counts = fc
  .record({
    size: fc.integer({ min: 0, max: 12 }),
    participants: fc.integer({ min: 0, max: 12 }),
    yoga: fc.integer({ min: 0, max: 12 }),
    walk: fc.integer({ min: 0, max: 12 }),
    respondents: fc.integer({ min: 0, max: 12 }),
  })
  .map(({ size, participants, yoga, walk, respondents }): WellbeingCounts => ({
    size,
    participants,
    minutes: { yoga: yoga * 30, walk: walk * 15 },
    kindPeople: { yoga, walk },
    pulse: { mood: respondents * 3, energy: respondents * 2, workload: respondents * 4, answers: respondents },
    respondents,
  }));
const sum = (teams: WellbeingCounts[], pick: (team: WellbeingCounts) => number) =>
  teams.reduce((total, team) => total + pick(team), 0);

describe('wellbeing figures: privacy', () => {
  it('shows no cell about fewer than PRIVACY_MIN_GROUP people, and no total that gives a hidden team away', () => {
    fc.assert(
      fc.property(fc.array(counts, { minLength: 1, maxLength: 6 }), (teams) => {
        const org: WellbeingCounts = {
          size: sum(teams, (t) => t.size),
          participants: sum(teams, (t) => t.participants),
          minutes: { yoga: sum(teams, (t) => t.minutes.yoga), walk: sum(teams, (t) => t.minutes.walk) },
          kindPeople: { yoga: sum(teams, (t) => t.kindPeople.yoga), walk: sum(teams, (t) => t.kindPeople.walk) },
          pulse: { mood: 0, energy: 0, workload: 0, answers: sum(teams, (t) => t.respondents) },
          respondents: sum(teams, (t) => t.respondents),
        };
        const rows = teams.map((team, i) => ({ ...team, teamId: `t${i}`, name: `Team ${i}` }));
        const answer = wellbeingFigures({ period: '2026-W47', teams: rows, org }, MIN_GROUP);

        const figures = [...answer.teams, answer.org];
        const all = [...teams, org];
        const cellsOf = (i: number): [Suppressible<number>, number][] => [
          [figures[i].participants, Math.min(all[i].participants, all[i].size)],
          [figures[i].participationRate, Math.min(all[i].participants, all[i].size)],
          [figures[i].pulse.mood, all[i].respondents],
          [figures[i].pulse.respondents, all[i].respondents],
          ...kinds.map((kind): [Suppressible<number>, number] => [
            figures[i].minutesByKind[kind],
            all[i].kindPeople[kind],
          ]),
        ];
        const shownTooSmall = all.flatMap((_, i) =>
          cellsOf(i).filter(([cell, people]) => !cell.suppressed && people < MIN_GROUP),
        );
        expect(shownTooSmall).toEqual([]);
        // For each figure, a shown org total never sits above exactly one hidden team.
        for (let c = 0; c < cellsOf(0).length; c++) {
          const hiddenTeams = teams.filter((_, i) => cellsOf(i)[c][0].suppressed).length;
          expect(cellsOf(teams.length)[c][0].suppressed || hiddenTeams !== 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
