import { Injectable } from '@nestjs/common';
import { type Interval, monthOfPeriod } from '@frontline/decider';
import { AppConfig, Clock } from '@frontline/platform';
import {
  ORG,
  ReadModels,
  type Suppressible,
  type SuppressionReason,
  dashboardRange,
  decideMonths,
  reveal,
} from '@frontline/read-models';
import { KUDOS_VALUES } from '../domain/recognition.vocabulary';
import { pairs } from './recognition-feeds.query';
import { teamMembersKey } from './directory-view';

interface Recognition {
  coverage: Suppressible<number>;
  kudos: Suppressible<number>;
  values: Suppressible<Record<string, number>>;
  crossTeamShare: Suppressible<number>;
}

/** What one team (or the whole org) received in one period, before suppression. */
interface Row {
  /** Of the people recognised, today's members. */
  recognisedMembers: number;
  /** Today's members. */
  size: number;
  counters: Map<string, number>;
  prefix: string;
}

/**
 * Recognition by team and period for HR: coverage (current members recognised in the period ÷
 * current members), kudos received, values mix and cross-team share, and org totals. A month lists
 * the teams that received kudos in it, in every one of its periods. What may be shown is decided per
 * month for both intervals at once (`decideMonths`) on the distinct people recognised.
 */
@Injectable()
export class RecognitionDashboardQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async of(asked: { from?: string; to?: string }, interval: Interval) {
    const { from, to, periods, months } = dashboardRange(asked, interval, this.clock.now());
    const [keys, directory] = await Promise.all([
      this.readModels.keys('recognitionStats'),
      this.readModels.keys('directory'),
    ]);
    const reads = this.readModels.batched;
    const teamIds = await reads.smembers(directory.key('teams'));
    const teams = new Map(
      await Promise.all(
        teamIds.map(async (teamId) => {
          const members = teamMembersKey(directory, teamId);
          const [name, size] = await Promise.all([
            reads.hget(directory.key('team', teamId), 'name'),
            reads.scard(members),
          ]);
          return [teamId, { name: name ?? '', size, members }] as const;
        }),
      ),
    );
    const counters = async (period: string) =>
      new Map(
        pairs(await reads.zrange(keys.key('tally', period), 0, -1, true)).map(([name, count]) => [name, Number(count)]),
      );
    // A month's teams: those whose members received kudos in it (a month holds all its weeks' kudos).
    const teamsOf = new Map(
      await Promise.all(
        months.map(async (month) => {
          const names = [...(await counters(month)).keys()];
          return [month, names.flatMap((name) => /^team:(.+):kudos$/.exec(name)?.[1] ?? []).sort()] as const;
        }),
      ),
    );
    const recipients = (group: string, period: string) =>
      keys.key('recipients', period, ...(group === ORG ? ['org'] : ['team', group.slice('team:'.length)]));
    const decide = await decideMonths(
      months,
      this.clock.now(),
      async (month, weeks) => {
        const groups = teamsOf.get(month)!.map((teamId) => `team:${teamId}`);
        const cells = [ORG, ...groups].flatMap((group) => [...weeks, month].map((period) => ({ group, period })));
        const people = await Promise.all(cells.map(({ group, period }) => reads.zcard(recipients(group, period))));
        const count = new Map(cells.map(({ group, period }, i) => [`${group}|${period}`, people[i]]));
        return {
          weeks,
          month,
          breakdowns: [{ total: ORG, parts: groups }],
          people: (group, period) => count.get(`${group}|${period}`) ?? 0,
        };
      },
      this.config.PRIVACY_MIN_GROUP,
    );

    const everyone = [...teams.values()];
    const answered = await Promise.all(
      periods.map(async (period) => {
        const tally = await counters(period);
        // Counts, not lists: Redis intersects who was recognised with today's members.
        const row = async (teamId?: string): Promise<Row> => {
          const rowTeams = teamId ? [teams.get(teamId)].filter((team) => team !== undefined) : everyone;
          const key = recipients(teamId ? `team:${teamId}` : ORG, period);
          const recognised = await Promise.all(rowTeams.map(({ members }) => reads.zintercard(key, members)));
          return {
            recognisedMembers: recognised.reduce((sum, count) => sum + count, 0),
            size: rowTeams.reduce((sum, { size }) => sum + size, 0),
            counters: tally,
            prefix: teamId ? `team:${teamId}` : 'org',
          };
        };
        const active = teamsOf.get(monthOfPeriod(period))!;
        const [org, ...rows] = await Promise.all([row(), ...active.map((teamId) => row(teamId))]);
        return {
          period,
          teams: active.map((teamId, i) => ({
            teamId,
            name: teams.get(teamId)?.name ?? '',
            ...recognition(rows[i], decide(`team:${teamId}`, period)),
          })),
          org: recognition(org, decide(ORG, period)),
        };
      }),
    );
    const minGroup = this.config.PRIVACY_MIN_GROUP;
    return { from, to, interval, groupBy: 'team', minGroup, periods: answered };
  }
}

function recognition(
  { recognisedMembers, size, counters, prefix }: Row,
  hidden: SuppressionReason | undefined,
): Recognition {
  const count = (name: string) => counters.get(`${prefix}:${name}`) ?? 0;
  const kudos = count('kudos');
  return {
    coverage: reveal(share(recognisedMembers, size), hidden),
    kudos: reveal(kudos, hidden),
    values: reveal(Object.fromEntries(KUDOS_VALUES.map((value) => [value, count(`value:${value}`)])), hidden),
    crossTeamShare: reveal(share(count('crossTeam'), kudos), hidden),
  };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
