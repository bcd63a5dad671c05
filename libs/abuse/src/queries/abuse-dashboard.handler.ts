import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { teamNames } from '@frontline/directory';
import {
  type BatchedReads,
  type Breakdown,
  type DashboardTables,
  ORG,
  ReadModels,
  Releases,
  type SuppressionReason,
  reveal,
} from '@frontline/read-models';
import type { AbuseDashboardKeys } from '../projections/abuse-dashboard.keys';
import { abuseDashboardProjection } from '../projections/abuse-dashboard.projection';
import { type AbuseDashboard, type AbuseFigures, AbuseDashboardQuery } from './abuse-dashboard.query';

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
/** The one figure the dashboard decides on: every number of a cell is about its reporters. */
const REPORTERS = 'reporters';

/**
 * Abuse for HR: the organisation's trend, and one level of groups at a time — sites, the teams of
 * one site, channels, kinds or severities — a page of groups per answer: incidents, distinct
 * reporters, rate per 1,000 contacts, median time to acknowledge and support uptake. Every cell is
 * computed ahead by the projection, and what may be shown is released once per ended week over the
 * whole month (`Releases`), so an answer reads a bounded number of keys whatever the size of the
 * organisation, and no set of answers gives away a cell about fewer than PRIVACY_MIN_GROUP
 * reporters. Only ids of sites, teams, channels, kinds and severities appear.
 */
@QueryHandler(AbuseDashboardQuery)
export class AbuseDashboardHandler implements IQueryHandler<AbuseDashboardQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly releases: Releases,
  ) {}

  async execute({ request }: AbuseDashboardQuery): Promise<AbuseDashboard> {
    const { groupBy, site } = request;
    const { periods, months, keys, reads, released, page, answer } = await this.releases.open(
      abuseDashboardProjection,
      request,
      monthTables,
    );
    // The groups of the range: those with incidents in any of its months (a month holds its weeks').
    const listed = await Promise.all(
      months.map((month) =>
        reads.smembers(site === undefined ? keys.groups(month, groupBy) : keys.siteTeams(month, site)),
      ),
    );
    const { items, nextCursor } = page([...new Set(listed.flat())].sort());
    // Sites and teams are named as the directory has them now; channels, kinds and severities by their ids.
    const names = groupBy === 'site' || groupBy === 'team' ? await teamNames(this.readModels, items) : undefined;

    // Kinds and severities have no contacts of their own: they are rated against all contacts.
    const ownContacts = groupBy !== 'kind' && groupBy !== 'severity';
    const cell = async (group: string, period: string, orgContacts?: number) => {
      const [figures, hidden] = await Promise.all([
        figuresOf(keys, reads, period, group),
        released(REPORTERS, group, period),
      ]);
      return shown(figures, orgContacts ?? figures.contacts, hidden);
    };
    const answered = await Promise.all(
      periods.map(async (period) => {
        const total = await figuresOf(keys, reads, period, ORG);
        const groups = await Promise.all(
          items.map(async (value) => ({
            [groupBy]: value,
            ...(names && { name: names.get(value) ?? '' }),
            ...(await cell(`${groupBy}:${value}`, period, ownContacts ? undefined : total.contacts)),
          })),
        );
        return { period, total: shown(total, total.contacts, await released(REPORTERS, ORG, period)), groups };
      }),
    );
    return answer(answered, nextCursor);
  }
}

async function figuresOf(
  keys: AbuseDashboardKeys,
  reads: BatchedReads,
  period: string,
  group: string,
): Promise<Figures> {
  const [[incidents, offered, accepted, contacts], reporters, acknowledged] = await Promise.all([
    reads.hmget(keys.cell(period, group), 'incidents', 'offered', 'accepted', 'contacts'),
    reads.scard(keys.reporters(period, group)),
    reads.zcard(keys.acks(period, group)),
  ]);
  return {
    incidents: Number(incidents ?? 0),
    offered: Number(offered ?? 0),
    accepted: Number(accepted ?? 0),
    contacts: Number(contacts ?? 0),
    reporters,
    medianAckMs: await median(reads, keys.acks(period, group), acknowledged),
  };
}

function monthTables(keys: AbuseDashboardKeys, reads: BatchedReads): DashboardTables {
  return { metrics: async () => [REPORTERS], table: (month, weeks) => monthTable(reads, keys, month, weeks) };
}

/**
 * The month's whole table of reporters, as every answer may show it: the org broken down into
 * sites, each site into its teams, and the org into channels, kinds and severities.
 */
async function monthTable(reads: BatchedReads, keys: AbuseDashboardKeys, month: string, weeks: string[]) {
  const values = async (grouping: string) => (await reads.smembers(keys.groups(month, grouping))).sort();
  const [sites, ...others] = await Promise.all(['site', 'channel', 'kind', 'severity'].map(values));
  const siteTeams = await Promise.all(sites.map(async (s) => (await reads.smembers(keys.siteTeams(month, s))).sort()));
  const breakdowns: Breakdown[] = [
    { total: ORG, parts: sites.map((s) => `site:${s}`) },
    ...sites.map((s, i) => ({ total: `site:${s}`, parts: siteTeams[i].map((team) => `team:${team}`) })),
    ...others.map((groups, i) => ({
      total: ORG,
      parts: groups.map((v) => `${['channel', 'kind', 'severity'][i]}:${v}`),
    })),
  ];
  const rows = [...new Set(breakdowns.flatMap(({ total, parts }) => [total, ...parts]))];
  const periods = [...weeks, month];
  const counts = await Promise.all(
    rows.flatMap((row) => periods.map((period) => reads.scard(keys.reporters(period, row)))),
  );
  const people = new Map(
    rows.flatMap((row, r) => periods.map((period, p) => [`${row}|${period}`, counts[r * periods.length + p]])),
  );
  return { weeks, month, breakdowns, people: (group: string, period: string) => people.get(`${group}|${period}`) ?? 0 };
}

/** The middle of a sorted set's scores, read without fetching the whole set. */
async function median(reads: BatchedReads, key: string, count: number): Promise<number | null> {
  if (count === 0) return null;
  const [low, high] = [Math.floor((count - 1) / 2), Math.floor(count / 2)];
  const middle = await reads.zrange(key, low, high, true);
  // One score for an odd count, the two around the middle for an even one.
  return (Number(middle[1]) + Number(middle[middle.length - 1])) / 2;
}

function shown(figures: Figures, contacts: number, hidden: SuppressionReason | undefined): AbuseFigures {
  const { incidents, reporters, offered, accepted, medianAckMs } = figures;
  return {
    incidents: reveal(incidents, hidden),
    distinctReporters: reveal(reporters, hidden),
    ratePer1000Contacts: reveal(contacts > 0 ? round((incidents / contacts) * 1000, 2) : null, hidden),
    medianMinutesToAcknowledge: reveal(medianAckMs === null ? null : round(medianAckMs / MINUTE_MS, 1), hidden),
    supportUptake: reveal(offered > 0 ? round(accepted / offered, 2) : null, hidden),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
