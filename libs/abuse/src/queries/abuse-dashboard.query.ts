import { Query } from '@nestjs/cqrs';
import type { DashboardRequest, Suppressible } from '@frontline/read-models';
import type { DashboardGrouping, DashboardInterval } from '../projections/abuse-dashboard.projection';

export type AbuseDashboardRequest = DashboardRequest<DashboardGrouping>;

type Figure = Suppressible<number | null>;

/** One cell: every number about its reporters, shown or suppressed together. */
export interface AbuseFigures {
  incidents: Figure;
  distinctReporters: Figure;
  ratePer1000Contacts: Figure;
  medianMinutesToAcknowledge: Figure;
  supportUptake: Figure;
}

export interface AbuseDashboard {
  from: string;
  to: string;
  interval: DashboardInterval;
  groupBy: DashboardGrouping;
  site?: string;
  minGroup: number;
  /**
   * Each period's organisation total, and the page's groups, each named by its grouping (`{site: 's1', …}`);
   * sites and teams also by their `name`.
   */
  periods: {
    period: string;
    total: AbuseFigures;
    groups: (AbuseFigures & Partial<Record<DashboardGrouping, string>> & { name?: string })[];
  }[];
  nextCursor: string | null;
}

/** HR's abuse dashboard: the org's trend and one page of one level of groups. */
export class AbuseDashboardQuery extends Query<AbuseDashboard> {
  constructor(readonly request: AbuseDashboardRequest) {
    super();
  }
}
