import type { ReadModels } from '@frontline/read-models';
import type { ChainableCommander } from 'ioredis';
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
  const { redis } = readModels;
  const directory = await readModels.keys('directory');
  const trends = await readModels.keys('wellbeingTrends');

  const teamIds = await redis.smembers(directory.key('teams'));
  const facts = await run(redis.pipeline(), (p) =>
    teamIds.forEach((id) => p.hget(directory.key('team', id), 'name').scard(directory.key('team', id, 'members'))),
  );
  const teams: Scope[] = teamIds.map((teamId, i) => ({
    teamId,
    name: String(facts[2 * i] ?? ''),
    scope: `team:${teamId}`,
    size: Number(facts[2 * i + 1]),
  }));
  const org: Scope = { teamId: '', name: '', scope: 'org', size: teams.reduce((sum, team) => sum + team.size, 0) };

  const cells = periods.flatMap((period) => [...teams, org].map((team) => ({ period, team })));
  const raw = await run(redis.pipeline(), (p) =>
    cells.forEach(({ team: { scope }, period }) =>
      p
        .scard(trends.key(scope, period, 'participants'))
        .hgetall(trends.key(scope, period, 'minutes'))
        .hgetall(trends.key(scope, period, 'pulse'))
        .scard(trends.key(scope, period, 'respondents')),
    ),
  );
  const counted = cells.map(({ period, team }, i): WellbeingCounts & { period: string; team: Scope } => ({
    period,
    team,
    size: team.size,
    participants: Number(raw[4 * i]),
    minutes: numbers(raw[4 * i + 1]),
    kindPeople: {},
    pulse: { mood: 0, energy: 0, workload: 0, answers: 0, ...numbers(raw[4 * i + 2]) },
    respondents: Number(raw[4 * i + 3]),
  }));
  // A second round trip: the minutes say which kinds a team has, each kind's set says how many people it covers.
  const kinds = counted.flatMap((cell) => Object.keys(cell.minutes).map((kind) => ({ cell, kind })));
  const people = await run(redis.pipeline(), (p) =>
    kinds.forEach(({ cell, kind }) => p.scard(trends.key(cell.team.scope, cell.period, 'kind', kind))),
  );
  kinds.forEach(({ cell, kind }, i) => (cell.kindPeople[kind] = Number(people[i])));

  return periods.map((period) => {
    const inPeriod = counted.filter((cell) => cell.period === period);
    return {
      period,
      org: inPeriod.find((cell) => cell.team === org)!,
      teams: inPeriod
        // A team with nobody in it and nothing logged is a known zero: listing it would weaken complementary suppression.
        .filter((cell) => cell.team !== org && (cell.size > 0 || cell.participants > 0 || cell.respondents > 0))
        .map((cell) => ({ ...cell, teamId: cell.team.teamId, name: cell.team.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.teamId.localeCompare(b.teamId)),
    };
  });
}

async function run(pipeline: ChainableCommander, queue: (p: ChainableCommander) => void): Promise<unknown[]> {
  queue(pipeline);
  return ((await pipeline.exec()) ?? []).map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

function numbers(hash: unknown): Record<string, number> {
  return Object.fromEntries(
    Object.entries(hash as Record<string, string>).map(([field, value]) => [field, Number(value)]),
  );
}
