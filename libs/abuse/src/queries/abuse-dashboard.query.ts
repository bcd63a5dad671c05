import { Injectable } from '@nestjs/common';
import { DomainError } from '@frontline/decider';
import { AppConfig } from '@frontline/platform';
import {
  type BatchedReads,
  type Keyspace,
  ReadModels,
  type Suppressible,
  cellsToSuppress,
  reveal,
} from '@frontline/read-models';
import { daysBetween, isCalendarDate, isoWeek, utcMonth } from '@frontline/decider';
import type { DashboardGrouping, DashboardInterval } from '../projections/abuse-dashboard.projection';

export class DashboardRangeError extends DomainError {
  readonly code = 'dashboard-range';
  readonly kind = 'invalid';
}

export interface AbuseDashboardRequest {
  from: string;
  to: string;
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

const MAX_RANGE_DAYS = 731;
const MINUTE_MS = 60_000;

/**
 * Abuse per group and period for HR: incidents, distinct reporters, rate per 1,000 contacts,
 * median time to acknowledge and support uptake, with the organisation's total per period.
 * A cell about fewer than PRIVACY_MIN_GROUP reporters is suppressed, and so is whatever would
 * let it be worked out from the period's total. Only ids of teams, channels, kinds and severities appear.
 */
@Injectable()
export class AbuseDashboardQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly config: AppConfig,
  ) {}

  async read({ from, to, interval, groupBy }: AbuseDashboardRequest) {
    if (!isCalendarDate(from) || !isCalendarDate(to)) throw new DashboardRangeError('from and to are calendar dates');
    const span = daysBetween(from, to);
    if (span < 0 || span >= MAX_RANGE_DAYS) {
      throw new DashboardRangeError(`from must not be after to, and the range at most ${MAX_RANGE_DAYS} days`);
    }
    const keys = await this.readModels.keys('abuseDashboard');
    const periods = await Promise.all(
      periodsBetween(from, span, interval).map(async (period) => {
        const base = `${interval}:${period}`;
        const values = (await this.readModels.batched.smembers(keys.key(base, 'groups', groupBy))).sort();
        const [total, ...groups] = await Promise.all([
          this.figures(keys, base, 'org', 'all'),
          ...values.map((value) => this.figures(keys, base, groupBy, value)),
        ]);
        return { period, total, groups: values.map((value, i) => ({ value, figures: groups[i] })) };
      }),
    );

    // A period's groups are the parts of its total; periods are not parts of anything in one answer.
    const hidden = cellsToSuppress(
      periods.flatMap(({ period, total, groups }) => [
        { id: period, people: total.reporters },
        ...groups.map(({ value, figures }) => ({ id: `${period}|${value}`, people: figures.reporters })),
      ]),
      periods.map(({ period, groups }) => ({ total: period, parts: groups.map(({ value }) => `${period}|${value}`) })),
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
      periods: periods.map(({ period, total, groups }) => ({
        period,
        total: shown(total, total.contacts, hidden.has(period)),
        groups: groups.map(({ value, figures }) => ({
          [groupBy]: value,
          ...shown(figures, ownContacts ? figures.contacts : total.contacts, hidden.has(`${period}|${value}`)),
        })),
      })),
    };
  }

  private async figures(keys: Keyspace, base: string, group: string, value: string): Promise<Figures> {
    const cell = keys.key(base, group, value);
    const reads = this.readModels.batched;
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

/** The middle of a sorted set's scores, read without fetching the whole set. */
async function median(reads: BatchedReads, key: string, count: number): Promise<number | null> {
  if (count === 0) return null;
  const [low, high] = [Math.floor((count - 1) / 2), Math.floor(count / 2)];
  const middle = await reads.zrange(key, low, high, true);
  // One score for an odd count, the two around the middle for an even one.
  return (Number(middle[1]) + Number(middle[middle.length - 1])) / 2;
}

function shown(figures: Figures, contacts: number, hidden: boolean) {
  const { incidents, reporters, offered, accepted, medianAckMs } = figures;
  return {
    incidents: reveal(incidents, hidden),
    distinctReporters: reveal(reporters, hidden),
    ratePer1000Contacts: reveal(contacts > 0 ? round((incidents / contacts) * 1000, 2) : null, hidden),
    medianMinutesToAcknowledge: reveal(medianAckMs === null ? null : round(medianAckMs / MINUTE_MS, 1), hidden),
    supportUptake: reveal(offered > 0 ? round(accepted / offered, 2) : null, hidden),
  } satisfies Record<string, Suppressible<number | null>>;
}

/** The ISO weeks or calendar months (UTC) that overlap the days from `from`, in order. */
function periodsBetween(from: string, span: number, interval: DashboardInterval): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const periods = new Set<string>();
  for (let day = 0; day <= span; day += 1) {
    const date = new Date(start + day * 86_400_000);
    periods.add(interval === 'week' ? isoWeek(date) : utcMonth(date));
  }
  return [...periods];
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
