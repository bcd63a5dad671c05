import { type SuppressionReason, reveal } from '@frontline/read-models';
import type { WellbeingDashboardPeriod, WellbeingFigures } from './wellbeing-dashboard.query';

/** The raw counts of one team, or the org, in one period, as the read models hold them. */
export interface WellbeingCounts {
  /** People in the group at some moment of the period. */
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
  groups: (WellbeingCounts & { id: string; name: string })[];
  org: WellbeingCounts;
}

/**
 * Each figure is a table of its own, about its own people: participation, the pulse, and the
 * minutes of each kind of activity.
 */
export const wellbeingMetrics = (kinds: readonly string[]) => ['participation', 'pulse', ...kinds.map(minutesOf)];

const minutesOf = (kind: string) => `minutes:${kind}`;

/** The distinct people a figure of a team (or the org) covers. */
export function peopleIn(counts: WellbeingCounts, metric: string): number {
  // A rate is about the participants and about the team they are a share of: both must be big enough.
  if (metric === 'participation') return Math.min(counts.participants, counts.size);
  if (metric === 'pulse') return counts.respondents;
  return counts.kindPeople[metric.slice(minutesOf('').length)] ?? 0;
}

/** Whether a figure of a group (`team:<id>`, `site:<id>` or `org`) may be shown in this period, and why not. */
export type WellbeingDecision = (metric: string, group: string) => SuppressionReason | undefined;

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** One period of the dashboard, each figure shown or suppressed as decided for its month. */
export function wellbeingFigures(
  counts: PeriodCounts,
  groupBy: 'site' | 'team',
  kinds: readonly string[],
  hidden: WellbeingDecision,
): WellbeingDashboardPeriod {
  const figures = (scope: string, team: WellbeingCounts): WellbeingFigures => {
    const participation = hidden('participation', scope);
    const pulse = hidden('pulse', scope);
    const mean = (sum: number) => reveal(pulse ? 0 : round(sum / team.pulse.answers, 2), pulse);
    return {
      participants: reveal(team.participants, participation),
      participationRate: reveal(participation ? 0 : round(team.participants / team.size, 3), participation),
      minutesByKind: Object.fromEntries(
        kinds.map((kind) => [kind, reveal(team.minutes[kind] ?? 0, hidden(minutesOf(kind), scope))]),
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
    groups: counts.groups.map((group) => ({
      [groupBy]: group.id,
      name: group.name,
      ...figures(`${groupBy}:${group.id}`, group),
    })),
    org: figures('org', counts.org),
  };
}
