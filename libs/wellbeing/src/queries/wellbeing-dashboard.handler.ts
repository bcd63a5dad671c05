import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { weeksOfMonth, monthOfPeriod } from '@frontline/decider';
import { AppConfig, Clock } from '@frontline/platform';
import { ORG, ReadModels, dashboardRange, decideMonths } from '@frontline/read-models';
import { readWellbeingCounts } from './wellbeing-counts';
import { type WellbeingDashboard, WellbeingDashboardQuery } from './wellbeing-dashboard.query';
import { type PeriodCounts, peopleIn, wellbeingFigures, wellbeingMetrics } from './wellbeing-figures';

/**
 * HR's view of wellbeing: aggregates only. What may be shown is decided per month and figure for
 * both intervals at once (`decideMonths`), so no set of answers gives away a cell about fewer than
 * PRIVACY_MIN_GROUP people.
 */
@QueryHandler(WellbeingDashboardQuery)
export class WellbeingDashboardHandler implements IQueryHandler<WellbeingDashboardQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute({ from, to, interval }: WellbeingDashboardQuery): Promise<WellbeingDashboard> {
    const range = dashboardRange({ from, to }, interval, this.clock.now());
    const { periods, months } = range;
    const minGroup = this.config.PRIVACY_MIN_GROUP;
    const counted = await readWellbeingCounts(
      this.readModels,
      months.flatMap((month) => [...weeksOfMonth(month), month]),
    );
    const byPeriod = new Map(counted.map((counts) => [counts.period, counts]));
    // A month lists the same teams in every period: a team with people, or with anything logged that month.
    const listedIn = new Map(
      months.map((month) => [
        month,
        new Set(
          byPeriod
            .get(month)!
            .teams.filter((team) => team.size > 0 || team.participants > 0 || team.respondents > 0)
            .map((team) => team.teamId),
        ),
      ]),
    );
    const listed = (month: string) => listedIn.get(month)!;
    const kindsOf = (month: string) => Object.keys(byPeriod.get(month)!.org.minutes).sort();
    const inMonth = (counts: PeriodCounts, month: string): PeriodCounts => ({
      ...counts,
      teams: counts.teams.filter((team) => listed(month).has(team.teamId)),
    });

    const metrics = [...new Set(months.flatMap((month) => wellbeingMetrics(kindsOf(month))))];
    const decisions = new Map(
      await Promise.all(
        metrics.map(async (metric) => {
          const decide = await decideMonths(
            months,
            this.clock.now(),
            async (month, weeks) => {
              const teams = [...listed(month)].map((teamId) => `team:${teamId}`);
              return {
                weeks,
                month,
                breakdowns: [{ total: ORG, parts: teams }],
                people: (group, period) => {
                  const counts = byPeriod.get(period)!;
                  const team = group === ORG ? counts.org : counts.teams.find((t) => `team:${t.teamId}` === group);
                  return team ? peopleIn(team, metric) : 0;
                },
              };
            },
            minGroup,
          );
          return [metric, decide] as const;
        }),
      ),
    );
    return {
      from: range.from,
      to: range.to,
      interval,
      groupBy: 'team',
      minGroup,
      periods: periods.map((period) => {
        const month = monthOfPeriod(period);
        return wellbeingFigures(inMonth(byPeriod.get(period)!, month), kindsOf(month), (metric, scope) =>
          decisions.get(metric)!(scope, period),
        );
      }),
    };
  }
}
