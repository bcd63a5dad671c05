import type { ReadModels } from '@frontline/read-models';
import type { PeriodCounts, WellbeingCounts } from './wellbeing-figures';

interface Scope {
  teamId: string;
  name: string;
  /** The trends scope: `team:<id>`, or `org`. */
  scope: string;
  size: number;
}

/**
 * The raw counts of every team and of the org, per period, from the `wellbeingTrends` and `directory`
 * read models. Team size is today's membership, also for past periods: the directory keeps no history
 * of sizes, so the participation rates of old periods use today's team sizes.
 */
export async function readWellbeingCounts(readModels: ReadModels, periods: string[]): Promise<PeriodCounts[]> {
  const reads = readModels.batched;
  const [directory, trends] = await Promise.all([readModels.keys('directory'), readModels.keys('wellbeingTrends')]);

  const teamIds = await reads.smembers(directory.key('teams'));
  const teams: Scope[] = await Promise.all(
    teamIds.map(async (teamId) => {
      const [name, size] = await Promise.all([
        reads.hget(directory.key('team', teamId), 'name'),
        reads.scard(directory.key('team', teamId, 'members')),
      ]);
      return { teamId, name: name ?? '', scope: `team:${teamId}`, size };
    }),
  );
  const org: Scope = { teamId: '', name: '', scope: 'org', size: teams.reduce((sum, team) => sum + team.size, 0) };

  const cells = periods.flatMap((period) => [...teams, org].map((team) => ({ period, team })));
  const counted = await Promise.all(
    cells.map(async ({ period, team }): Promise<WellbeingCounts & { period: string; team: Scope }> => {
      const key = (...parts: string[]) => trends.key(team.scope, period, ...parts);
      const [participants, minutes, pulse, respondents] = await Promise.all([
        reads.scard(key('participants')),
        reads.hgetall(key('minutes')),
        reads.hgetall(key('pulse')),
        reads.scard(key('respondents')),
      ]);
      // A second round trip: the minutes say which kinds a team has, each kind's set says how many people it covers.
      const kinds = Object.keys(minutes);
      const kindPeople = await Promise.all(kinds.map((kind) => reads.scard(key('kind', kind))));
      return {
        period,
        team,
        size: team.size,
        participants,
        minutes: numbers(minutes),
        kindPeople: Object.fromEntries(kinds.map((kind, i) => [kind, kindPeople[i]])),
        pulse: { mood: 0, energy: 0, workload: 0, answers: 0, ...numbers(pulse) },
        respondents,
      };
    }),
  );

  return periods.map((period) => {
    const inPeriod = counted.filter((cell) => cell.period === period);
    return {
      period,
      org: inPeriod.find((cell) => cell.team === org)!,
      teams: inPeriod
        .filter((cell) => cell.team !== org)
        .map((cell) => ({ ...cell, teamId: cell.team.teamId, name: cell.team.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.teamId.localeCompare(b.teamId)),
    };
  });
}

function numbers(hash: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(hash).map(([field, value]) => [field, Number(value)]));
}
