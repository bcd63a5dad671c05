import { type Cell, type CellGroup, cellsToSuppress, reveal } from '@frontline/read-models';
import type { WellbeingDashboardPeriod, WellbeingFigures } from './wellbeing-dashboard.query';

/** The raw counts of one team, or the org, in one period, as the read models hold them. */
export interface WellbeingCounts {
  /** People in the team today (the org: in every team listed). */
  size: number;
  participants: number;
  minutes: Record<string, number>;
  /** Distinct people behind each kind's minutes. */
  kindPeople: Record<string, number>;
  pulse: { mood: number; energy: number; workload: number; answers: number };
  respondents: number;
}

export interface PeriodCounts {
  period: string;
  teams: (WellbeingCounts & { teamId: string; name: string })[];
  org: WellbeingCounts;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * One period of the dashboard: each cell shows only if it covers at least `minGroup` people, and
 * the org total of each figure hides one more team when it would otherwise give a hidden team away.
 */
export function wellbeingFigures(counts: PeriodCounts, minGroup: number): WellbeingDashboardPeriod {
  const kinds = Object.keys(counts.org.minutes).sort();
  const metrics = ['participation', 'pulse', ...kinds.map((kind) => `minutes:${kind}`)];
  const scopes = [
    ...counts.teams.map((team) => ({ scope: `team:${team.teamId}`, team })),
    { scope: 'org', team: counts.org },
  ];
  const cell = (scope: string, metric: string) => `${scope}|${metric}`;

  const cells: Cell[] = scopes.flatMap(({ scope, team }) => [
    // A rate is about the participants and about the team they are a share of: both must be big enough.
    { id: cell(scope, 'participation'), people: Math.min(team.participants, team.size) },
    { id: cell(scope, 'pulse'), people: team.respondents },
    ...kinds.map((kind) => ({ id: cell(scope, `minutes:${kind}`), people: team.kindPeople[kind] ?? 0 })),
  ]);
  const groups: CellGroup[] = metrics.map((metric) => ({
    total: cell('org', metric),
    parts: counts.teams.map((team) => cell(`team:${team.teamId}`, metric)),
  }));
  const hidden = cellsToSuppress(cells, groups, minGroup);

  const figures = (scope: string, team: WellbeingCounts): WellbeingFigures => {
    const participation = hidden.has(cell(scope, 'participation'));
    const pulse = hidden.has(cell(scope, 'pulse'));
    const mean = (sum: number) => reveal(pulse ? 0 : round(sum / team.pulse.answers, 2), pulse);
    return {
      participants: reveal(team.participants, participation),
      participationRate: reveal(participation ? 0 : round(team.participants / team.size, 3), participation),
      minutesByKind: Object.fromEntries(
        kinds.map((kind) => [kind, reveal(team.minutes[kind] ?? 0, hidden.has(cell(scope, `minutes:${kind}`)))]),
      ),
      pulse: {
        respondents: reveal(team.respondents, pulse),
        mood: mean(team.pulse.mood),
        energy: mean(team.pulse.energy),
        workload: mean(team.pulse.workload),
      },
    };
  };
  return {
    period: counts.period,
    teams: counts.teams.map((team) => ({
      teamId: team.teamId,
      name: team.name,
      ...figures(`team:${team.teamId}`, team),
    })),
    org: figures('org', counts.org),
  };
}
