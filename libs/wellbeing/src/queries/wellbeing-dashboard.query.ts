import { Query } from '@nestjs/cqrs';
import type { Suppressible } from '@frontline/read-models';
import type { Interval } from '@frontline/decider';

/** What one team, or the org, did in one period; every number about people may be suppressed. */
export interface WellbeingFigures {
  participants: Suppressible<number>;
  /** Distinct people with an activity ÷ people in the team today. */
  participationRate: Suppressible<number>;
  minutesByKind: Record<string, Suppressible<number>>;
  pulse: {
    respondents: Suppressible<number>;
    mood: Suppressible<number>;
    energy: Suppressible<number>;
    workload: Suppressible<number>;
  };
}

export interface WellbeingDashboardPeriod {
  period: string;
  teams: (WellbeingFigures & { teamId: string; name: string })[];
  org: WellbeingFigures;
}

export interface WellbeingDashboard {
  from: string;
  to: string;
  interval: Interval;
  groupBy: 'team';
  minGroup: number;
  periods: WellbeingDashboardPeriod[];
}

export class WellbeingDashboardQuery extends Query<WellbeingDashboard> {
  constructor(
    readonly from: string | undefined,
    readonly to: string | undefined,
    readonly interval: Interval,
  ) {
    super();
  }
}
