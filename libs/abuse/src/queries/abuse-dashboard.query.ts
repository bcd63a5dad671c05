import { Injectable } from '@nestjs/common';
import { monthOfPeriod } from '@frontline/decider';
import { AppConfig, Clock } from '@frontline/platform';
import {
  type BatchedReads,
  type Keyspace,
  ORG,
  ReadModels,
  type Suppressible,
  type SuppressionReason,
  dashboardRange,
  decideMonths,
  reveal,
} from '@frontline/read-models';
import {
  DASHBOARD_GROUPINGS,
  type DashboardGrouping,
  type DashboardInterval,
} from '../projections/abuse-dashboard.projection';

export interface AbuseDashboardRequest {
  from?: string;
  to?: string;
  interval: DashboardInterval;
  groupBy: DashboardGrouping;
}

/** What one cell holds before it is shown: counts, and the distinct people they are about. */
interface Figures {
  incidents: number;
  reporters: number;
  contacts: number;
  offered: number;
  accepted: number;
  medianAckMs: number | null;
}

const MINUTE_MS = 60_000;

/**
 * Abuse per group and period for HR: incidents, distinct reporters, rate per 1,000 contacts,
 * median time to acknowledge and support uptake, with the organisation's total per period.
 * What may be shown is decided per month for every grouping and interval at once (`decideMonths`),
 * so no answer, nor any set of answers, gives away a cell about fewer than PRIVACY_MIN_GROUP
 * reporters. Only ids of teams, channels, kinds and severities appear.
 */
@Injectable()
export class AbuseDashboardQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async read({ interval, groupBy, ...asked }: AbuseDashboardRequest) {
    const { from, to, periods, months } = dashboardRange(asked, interval, this.clock.now());
    const keys = await this.readModels.keys('abuseDashboard');
    const reads = this.readModels.batched;
    // Each month's groups, every grouping: the month's groups hold every week's.
    const groupsOf = new Map(
      await Promise.all(
        months.map(async (month) => {
          const lists = await Promise.all(
            DASHBOARD_GROUPINGS.map((grouping) => reads.smembers(keys.key(`month:${month}`, 'groups', grouping))),
          );
          return [
            month,
            DASHBOARD_GROUPINGS.map((grouping, i) => lists[i].sort().map((v) => `${grouping}:${v}`)),
          ] as const;
        }),
      ),
    );
    const people = (group: string, period: string) => reads.scard(`${cellKey(keys, group, period)}:reporters`);
    const decide = await decideMonths(
      months,
      this.clock.now(),
      async (month, weeks) => {
        const groupings = groupsOf.get(month)!;
        const cells = [ORG, ...groupings.flat()].flatMap((group) =>
          [...weeks, month].map((period) => ({ group, period })),
        );
        const counts = new Map(
          await Promise.all(
            cells.map(async ({ group, period }) => [`${group}|${period}`, await people(group, period)] as const),
          ),
        );
        return {
          weeks,
          month,
          breakdowns: groupings.map((parts) => ({ total: ORG, parts })),
          people: (group, period) => counts.get(`${group}|${period}`) ?? 0,
        };
      },
      this.config.PRIVACY_MIN_GROUP,
    );

    // Kinds and severities have no contacts of their own: they are rated against all contacts.
    const ownContacts = groupBy === 'team' || groupBy === 'channel';
    return {
      from,
      to,
      interval,
      groupBy,
      minGroupSize: this.config.PRIVACY_MIN_GROUP,
      periods: await Promise.all(
        periods.map(async (period) => {
          const values = groupsOf.get(monthOfPeriod(period))![DASHBOARD_GROUPINGS.indexOf(groupBy)];
          const [total, ...groups] = await Promise.all(
            [ORG, ...values].map((group) => this.figures(cellKey(keys, group, period), reads)),
          );
          return {
            period,
            total: shown(total, total.contacts, decide(ORG, period)),
            groups: values.map((group, i) => ({
              [groupBy]: group.slice(groupBy.length + 1),
              ...shown(groups[i], ownContacts ? groups[i].contacts : total.contacts, decide(group, period)),
            })),
          };
        }),
      ),
    };
  }

  private async figures(cell: string, reads: BatchedReads): Promise<Figures> {
    const [[incidents, offered, accepted, contacts], reporters, acknowledged] = await Promise.all([
      reads.hmget(cell, 'incidents', 'offered', 'accepted', 'contacts'),
      reads.scard(`${cell}:reporters`),
      reads.zcard(`${cell}:ack`),
    ]);
    return {
      incidents: Number(incidents ?? 0),
      offered: Number(offered ?? 0),
      accepted: Number(accepted ?? 0),
      contacts: Number(contacts ?? 0),
      reporters,
      medianAckMs: await median(reads, `${cell}:ack`, acknowledged),
    };
  }
}

/** The key of a cell: `week:2026-W47:team:t1`, `month:2026-11:org:all`. */
function cellKey(keys: Keyspace, group: string, period: string): string {
  const interval = period.includes('-W') ? 'week' : 'month';
  return group === ORG ? keys.key(`${interval}:${period}`, 'org', 'all') : keys.key(`${interval}:${period}`, group);
}

/** The middle of a sorted set's scores, read without fetching the whole set. */
async function median(reads: BatchedReads, key: string, count: number): Promise<number | null> {
  if (count === 0) return null;
  const [low, high] = [Math.floor((count - 1) / 2), Math.floor(count / 2)];
  const middle = await reads.zrange(key, low, high, true);
  // One score for an odd count, the two around the middle for an even one.
  return (Number(middle[1]) + Number(middle[middle.length - 1])) / 2;
}

function shown(figures: Figures, contacts: number, hidden: SuppressionReason | undefined) {
  const { incidents, reporters, offered, accepted, medianAckMs } = figures;
  return {
    incidents: reveal(incidents, hidden),
    distinctReporters: reveal(reporters, hidden),
    ratePer1000Contacts: reveal(contacts > 0 ? round((incidents / contacts) * 1000, 2) : null, hidden),
    medianMinutesToAcknowledge: reveal(medianAckMs === null ? null : round(medianAckMs / MINUTE_MS, 1), hidden),
    supportUptake: reveal(offered > 0 ? round(accepted / offered, 2) : null, hidden),
  } satisfies Record<string, Suppressible<number | null>>;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
