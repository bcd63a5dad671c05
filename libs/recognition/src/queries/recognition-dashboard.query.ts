import { Injectable } from '@nestjs/common';
import { DomainError } from '@frontline/decider';
import { AppConfig } from '@frontline/platform';
import {
  type Cell,
  type CellGroup,
  ReadModels,
  type Suppressible,
  cellsToSuppress,
  reveal,
} from '@frontline/read-models';
import { daysBetween, isCalendarDate, isoWeek, utcMonth } from '@frontline/decider';
import { KUDOS_VALUES } from '../domain/recognition.vocabulary';
import { pairs } from './recognition-feeds.query';
import { teamMembersKey } from './directory-view';

export class InvalidDashboardRangeError extends DomainError {
  readonly code = 'invalid-dashboard-range';
  readonly kind = 'invalid';
}

/** Two years of weeks or months at most: enough for trends, bounded for the reader. */
const MAX_DAYS = 731;

export type Interval = 'week' | 'month';

interface Recognition {
  coverage: Suppressible<number>;
  kudos: Suppressible<number>;
  values: Suppressible<Record<string, number>>;
  crossTeamShare: Suppressible<number>;
}

/** What one team (or the whole org) received in one period, before suppression. */
interface Row {
  cell: string;
  /** Distinct people recognised. */
  people: number;
  /** Of them, today's members. */
  recognisedMembers: number;
  /** Today's members. */
  size: number;
  counters: Map<string, number>;
  prefix: string;
}

/**
 * Recognition by team and period for HR: coverage (current members recognised in the period ÷
 * current members), kudos received, values mix and cross-team share, and org totals. Teams with
 * no kudos in a period are left out. Every row covers at least PRIVACY_MIN_GROUP distinct people
 * recognised or is suppressed, and complementary suppression keeps the org total from giving a
 * suppressed team away.
 */
@Injectable()
export class RecognitionDashboardQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly config: AppConfig,
  ) {}

  async of(from: string, to: string, interval: Interval) {
    const periods = periodsBetween(from, to, interval);
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
    const everyone = [...teams.values()];

    // Counts, not lists: Redis intersects who was recognised with today's members, so an answer
    // costs the same whether ten people or ten thousand were recognised in a period.
    const answered = await Promise.all(
      periods.map(async (period) => {
        const counters = new Map(
          pairs(await reads.zrange(keys.key('tally', period), 0, -1, true)).map(([name, count]) => [
            name,
            Number(count),
          ]),
        );
        const active = [...counters.keys()].flatMap((name) => /^team:(.+):kudos$/.exec(name)?.[1] ?? []).sort();
        // The org's row (no team) or a team's: how many were recognised, and how many of them are members today.
        const row = async (teamId?: string): Promise<Row> => {
          const recipients = keys.key('recipients', period, ...(teamId ? ['team', teamId] : ['org']));
          const rowTeams = teamId ? [teams.get(teamId)].filter((team) => team !== undefined) : everyone;
          const [people, ...recognised] = await Promise.all([
            reads.zcard(recipients),
            // Teams do not overlap: the members recognised are the sum over the row's teams.
            ...rowTeams.map(({ members }) => reads.zintercard(recipients, members)),
          ]);
          return {
            cell: `${period}|${teamId ?? 'org'}`,
            people,
            recognisedMembers: recognised.reduce((sum, count) => sum + count, 0),
            size: rowTeams.reduce((sum, { size }) => sum + size, 0),
            counters,
            prefix: teamId ? `team:${teamId}` : 'org',
          };
        };
        const [org, ...teamRows] = await Promise.all([row(), ...active.map((teamId) => row(teamId))]);
        const rows = active.map((teamId, i) => ({ teamId, row: teamRows[i] }));
        return { period, org, rows };
      }),
    );

    const cells: Cell[] = answered.flatMap(({ org, rows }) =>
      [org, ...rows.map(({ row }) => row)].map(({ cell, people }) => ({ id: cell, people })),
    );
    const groups: CellGroup[] = answered.map(({ org, rows }) => ({
      total: org.cell,
      parts: rows.map(({ row }) => row.cell),
    }));
    const minGroup = this.config.PRIVACY_MIN_GROUP;
    const hidden = cellsToSuppress(cells, groups, minGroup);
    return {
      from,
      to,
      interval,
      groupBy: 'team',
      minGroup,
      periods: answered.map(({ period, org, rows }) => ({
        period,
        teams: rows.map(({ teamId, row }) => ({
          teamId,
          name: teams.get(teamId)?.name ?? '',
          ...recognition(row, hidden.has(row.cell)),
        })),
        org: recognition(org, hidden.has(org.cell)),
      })),
    };
  }
}

function recognition({ recognisedMembers, size, counters, prefix }: Row, hidden: boolean): Recognition {
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

/** Every ISO week or calendar month (UTC, as the projection buckets them) that overlaps [from, to]. */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new InvalidDashboardRangeError('from and to are dates');
  const days = daysBetween(from, to);
  if (days < 0 || days > MAX_DAYS) {
    throw new InvalidDashboardRangeError(`from comes before to, at most ${MAX_DAYS} days apart`);
  }
  const bucket = interval === 'week' ? isoWeek : utcMonth;
  const start = Date.parse(`${from}T00:00:00Z`);
  const periods = Array.from({ length: days + 1 }, (_, day) => bucket(new Date(start + day * 86_400_000)));
  return [...new Set(periods)];
}
