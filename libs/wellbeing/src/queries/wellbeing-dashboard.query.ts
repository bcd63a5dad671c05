import { Query } from '@nestjs/cqrs';
import type { DashboardRequest, Suppressible } from '@frontline/read-models';
import type { Interval } from '@frontline/decider';

/** What one team, or the org, did in one period; every number about people may be suppressed. */
export interface WellbeingFigures {
  participants: Suppressible<number>;
  /** Distinct people with an activity ÷ people in the group at some moment of the period. */
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
  /** The page's groups, each named by its grouping (`{site: 's1', name, …}`). */
  groups: (WellbeingFigures & { site?: string; team?: string; name: string })[];
  org: WellbeingFigures;
}

export interface WellbeingDashboard {
  from: string;
  to: string;
  interval: Interval;
  groupBy: 'site' | 'team';
  site?: string;
  minGroup: number;
  periods: WellbeingDashboardPeriod[];
  nextCursor: string | null;
}

/** HR's wellbeing dashboard: the org's trend and one page of sites, or of the teams of a site. */
export class WellbeingDashboardQuery extends Query<WellbeingDashboard> {
  constructor(readonly request: DashboardRequest) {
    super();
  }
}
