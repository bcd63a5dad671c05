import { Query } from '@nestjs/cqrs';
import type { Interval } from '@frontline/decider';
import type { DashboardRequest, Suppressible } from '@frontline/read-models';

/** What one group, or the org, received in one period; every number about people may be suppressed. */
export interface RecognitionFigures {
  /** People recognised in the period ÷ people in the group at some moment of it. */
  coverage: Suppressible<number>;
  kudos: Suppressible<number>;
  values: Suppressible<Record<string, number>>;
  crossTeamShare: Suppressible<number>;
}

export interface RecognitionDashboard {
  from: string;
  to: string;
  interval: Interval;
  groupBy: 'site' | 'team';
  site?: string;
  minGroup: number;
  periods: {
    period: string;
    /** The page's groups, each named by its grouping (`{site: 's1', name, …}`). */
    groups: (RecognitionFigures & { site?: string; team?: string; name: string })[];
    org: RecognitionFigures;
  }[];
  nextCursor: string | null;
}

/** HR's recognition dashboard: the org's trend and one page of sites, or of the teams of a site. */
export class RecognitionDashboardQuery extends Query<RecognitionDashboard> {
  constructor(readonly request: DashboardRequest) {
    super();
  }
}
