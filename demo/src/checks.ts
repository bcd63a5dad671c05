import { setTimeout as sleep } from 'node:timers/promises';
import { type Actor, ApiError, type FrontlineClient } from './frontline-client';
import type { Period } from './history';
import { type DemoOrganisation, leadOf } from './organisation';

/** One thing a newcomer will look at, as the person who would look, and what makes it worth looking at. */
export interface Check {
  what: string;
  as: Actor;
  path: string;
  passes(answer: unknown): boolean;
}

const DASHBOARDS = ['abuse', 'wellbeing', 'recognition'] as const;

export const dashboardPath = (name: (typeof DASHBOARDS)[number], { from, to }: Period, interval = 'week') =>
  `/v1/dashboards/${name}?from=${from}&to=${to}&interval=${interval}`;

/** The admin, who acts in every run, is in the directory with their own feed. */
const adminEntry = ({ admin }: DemoOrganisation) => `/v1/feeds/people/${admin.personId}?limit=1`;

/**
 * Every dashboard shows at least one cell that is not suppressed, every feed and list has entries,
 * and the next run will find the organisation complete.
 */
export function demoChecks(org: DemoOrganisation, period: Period): Check[] {
  const { agent, officer, hr, admin } = org;
  const lists: [what: string, as: Actor, path: string][] = [
    ['the org feed', agent, '/v1/feeds/org'],
    ...org.teams.map((team): [string, Actor, string] => [
      `the feed of ${team.name}`,
      leadOf(org.people, team),
      `/v1/feeds/teams/${team.teamId}`,
    ]),
    ['the agent’s feed', agent, `/v1/feeds/people/${agent.personId}`],
    ['the agent’s incidents', agent, '/v1/me/incidents'],
    ['the agent’s wellbeing', agent, '/v1/me/wellbeing'],
    ['the incident queue', officer, '/v1/incidents'],
    ['the repeat abusers', officer, '/v1/repeat-abusers'],
    ...org.teams.map((team): [string, Actor, string] => [
      `the recognition gaps of ${team.name}`,
      leadOf(org.people, team),
      `/v1/teams/${team.teamId}/recognition-gaps`,
    ]),
  ];
  return [
    ...DASHBOARDS.map((name) => ({
      what: `the ${name} dashboard shows a cell`,
      as: hr,
      path: dashboardPath(name, period),
      passes: hasVisibleCell,
    })),
    ...lists.map(([what, as, path]) => ({
      what: `${what} has entries`,
      as,
      path,
      passes: (answer: unknown) => (answer as { items: unknown[] }).items.length > 0,
    })),
    { what: 'the admin is in the directory', as: admin, path: adminEntry(org), passes: () => true },
    {
      what: 'the agent’s recognition has entries',
      as: agent,
      path: '/v1/me/recognition',
      passes: (answer) => (answer as { recentlyReceived: unknown[] }).recentlyReceived.length > 0,
    },
  ];
}

/** What fails, one line each: the check, and the api's answer when it refused. */
export async function failedChecks(api: FrontlineClient, checks: readonly Check[]): Promise<string[]> {
  const results = await Promise.all(
    checks.map(async ({ what, as, path, passes }) => {
      try {
        return passes(await api.get(path, as)) ? [] : [`${what}: GET ${path} shows nothing`];
      } catch (error) {
        if (error instanceof ApiError) return [`${what}: ${error.message}`];
        throw error;
      }
    }),
  );
  return results.flat();
}

/** A cell the privacy rules let through: `{value, suppressed: false}` anywhere in a dashboard. */
/** A cell with something in it is shown: a shown zero is about nobody and proves nothing. */
function hasVisibleCell(answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  const { suppressed, value } = answer as { suppressed?: unknown; value?: unknown };
  if (suppressed === false && typeof value === 'number' && value > 0) return true;
  return Object.values(answer).some(hasVisibleCell);
}

interface ProjectionStatus {
  name: string;
  serving: { state: string; lagEvents: number; error?: string };
}

/**
 * Waits until `GET /v1/projections` shows no lag and every check passes. Both are needed: the status
 * shows no lag while events wait behind a transaction still open elsewhere on the server, and the
 * worker's part (the repeat-abuser match) lands a moment after the events that cause it.
 */
export async function settled(
  api: FrontlineClient,
  org: DemoOrganisation,
  checks: readonly Check[],
  timeoutMs = 60_000,
) {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(250)) {
    const { projections } = await api.get<{ projections: ProjectionStatus[] }>('/v1/projections', org.admin);
    const broken = projections.filter(({ serving }) => serving.error);
    if (broken.length > 0) {
      throw new Error(
        `Projections stopped: ${broken.map(({ name, serving }) => `${name} (${serving.error})`).join('; ')}`,
      );
    }
    const lagging = projections.filter(({ serving }) => serving.lagEvents > 0);
    const failures = lagging.length
      ? lagging.map(({ name, serving }) => `${name} is ${serving.lagEvents} events behind`)
      : await failedChecks(api, checks);
    if (failures.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`after ${timeoutMs / 1000} s, these still fail:\n  ${failures.join('\n  ')}`);
    }
  }
}
