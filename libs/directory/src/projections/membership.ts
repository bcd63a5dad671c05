import { isoWeek, periodEnd, weekMonth } from '@frontline/decider';
import type { BatchedReads, Breakdown, Keyspace, Recorded, RedisOp } from '@frontline/read-models';
import type { PersonEnrolled, PersonMovedTeam, PersonOffboarded, PersonReinstated } from '../domain/person.events';

/** Where a read model keeps headcounts: per group (`org`, `site:<id>`, `team:<id>`), a hash period → change. */
export interface MembershipKeys {
  headcount(group: string): string;
  /** Every site and team that ever had members, and the teams of each site: the groups a dashboard lists. */
  sites: string;
  teams: string;
  siteTeams(siteId: string): string;
}

/** The membership keys of a read model that keeps headcounts. */
export const membershipKeys = (keys: Keyspace): MembershipKeys => ({
  headcount: (group) => keys.key(group, 'headcount'),
  sites: keys.key('groups', 'site'),
  teams: keys.key('groups', 'team'),
  siteTeams: (siteId) => keys.key('groups', 'site', siteId, 'teams'),
});

/** The directory's events that change who is in a team: a reinstatement is a join, as an enrolment is. */
export type MembershipEvent = PersonEnrolled | PersonMovedTeam | PersonOffboarded | PersonReinstated;

/** Events recorded before sites and times were: a team is its own site, and the event's time is when it was stored. */
type Placed = { siteId?: string; fromSiteId?: string; toSiteId?: string; at?: string };

/**
 * Headcounts of the organisation as it was: a person counts in a group's week (and month) if they
 * were in it at any moment of it. A join adds one from its period on, a leave takes one away from
 * the period after, so a group's headcount of a period is the sum of its changes up to it
 * (`headcountAt`), read from one hash whatever the size of the organisation.
 */
export function membershipOps(event: Recorded<MembershipEvent>, keys: MembershipKeys): RedisOp[] {
  const data = event.data as MembershipEvent['data'] & Placed;
  const at = new Date(data.at ?? event.recordedAt);
  const join = (group: string) => headcountChanges(keys.headcount(group), at, +1);
  const leave = (group: string) => headcountChanges(keys.headcount(group), at, -1);
  const listed = (teamId: string, siteId: string): RedisOp[] => [
    ['SADD', keys.sites, siteId],
    ['SADD', keys.teams, teamId],
    ['SADD', keys.siteTeams(siteId), teamId],
  ];
  switch (event.type) {
    case 'PersonEnrolled':
    case 'PersonReinstated': {
      const { teamId } = event.data;
      const siteId = data.siteId ?? teamId;
      return [...listed(teamId, siteId), ...['org', `site:${siteId}`, `team:${teamId}`].flatMap(join)];
    }
    case 'PersonMovedTeam': {
      const { fromTeamId, toTeamId } = event.data;
      const [fromSite, toSite] = [data.fromSiteId ?? fromTeamId, data.toSiteId ?? toTeamId];
      const sites = fromSite === toSite ? [] : [...leave(`site:${fromSite}`), ...join(`site:${toSite}`)];
      return [...listed(toTeamId, toSite), ...leave(`team:${fromTeamId}`), ...join(`team:${toTeamId}`), ...sites];
    }
    case 'PersonOffboarded': {
      const { teamId } = event.data;
      return ['org', `site:${data.siteId ?? teamId}`, `team:${teamId}`].flatMap(leave);
    }
  }
}

/** A join counts from the week (and month) it happens in; a leave from the next, the last one they were in. */
function headcountChanges(key: string, at: Date, change: 1 | -1): RedisOp[] {
  const week = isoWeek(at);
  const month = weekMonth(at);
  const [inWeek, inMonth] = change > 0 ? [week, month] : [isoWeek(periodEnd(week)), weekMonth(periodEnd(month))];
  return [
    ['HINCRBY', key, inWeek, change],
    ['HINCRBY', key, inMonth, change],
  ];
}

/** A group's headcount in a period, from its changes: those of periods of the same kind up to it. */
export function headcountAt(changes: Record<string, string>, period: string): number {
  const weekly = period.includes('-W');
  let count = 0;
  for (const [when, change] of Object.entries(changes)) {
    if (when.includes('-W') === weekly && when <= period) count += Number(change);
  }
  return count;
}

/** The groups of one level a dashboard lists, sorted: every site, every team, or the teams of one site. */
export async function listedGroups(
  reads: BatchedReads,
  keys: MembershipKeys,
  { groupBy, site }: { groupBy: 'site' | 'team'; site?: string },
): Promise<string[]> {
  const key = groupBy === 'site' ? keys.sites : site === undefined ? keys.teams : keys.siteTeams(site);
  return (await reads.smembers(key)).sort();
}

/** The org broken down into its sites, and each site into its teams, as the directory's events placed them. */
export async function siteBreakdowns(reads: BatchedReads, keys: MembershipKeys): Promise<Breakdown[]> {
  const sites = (await reads.smembers(keys.sites)).sort();
  const teams = await Promise.all(sites.map(async (site) => (await reads.smembers(keys.siteTeams(site))).sort()));
  return [
    { total: 'org', parts: sites.map((site) => `site:${site}`) },
    ...sites.map((site, i) => ({ total: `site:${site}`, parts: teams[i].map((team) => `team:${team}`) })),
  ];
}
