import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@frontline/decider';
import { AppConfig } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { periodsBetween } from '@frontline/decider';
import { readWellbeingCounts } from './wellbeing-counts';
import { type WellbeingDashboard, WellbeingDashboardQuery } from './wellbeing-dashboard.query';
import { wellbeingFigures } from './wellbeing-figures';

/** About two years of weeks: enough for trends, and a bound on the work one request asks for. */
export const MAX_DASHBOARD_PERIODS = 106;

export class InvalidDashboardRangeError extends DomainError {
  readonly code = 'invalid-dashboard-range';
  readonly kind = 'invalid';
}

/** HR's view of wellbeing: aggregates only, each covering at least PRIVACY_MIN_GROUP people or suppressed. */
@QueryHandler(WellbeingDashboardQuery)
export class WellbeingDashboardHandler implements IQueryHandler<WellbeingDashboardQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly config: AppConfig,
  ) {}

  async execute({ from, to, interval }: WellbeingDashboardQuery): Promise<WellbeingDashboard> {
    if (from > to) throw new InvalidDashboardRangeError('from must not be after to');
    const periods = periodsBetween(from, to, interval);
    if (periods.length > MAX_DASHBOARD_PERIODS) {
      throw new InvalidDashboardRangeError(`At most ${MAX_DASHBOARD_PERIODS} periods in one answer`);
    }
    const minGroup = this.config.PRIVACY_MIN_GROUP;
    const counts = await readWellbeingCounts(this.readModels, periods);
    return {
      from,
      to,
      interval,
      groupBy: 'team',
      minGroup,
      periods: counts.map((period) => wellbeingFigures(period, minGroup)),
    };
  }
}
