import { randomUUID } from 'node:crypto';
import { type Check, type Measured, type Row, type Sample, alternate, atMost, row } from '../harness';
import { httpLoad } from '../load';
import { LongLog, type Organisation } from '../long-log';
import type { BenchContext, Scenario } from '../scenario';
import { type Role, Stack } from '../stack';

/** One request the scenario measures on each organisation. */
export interface MeasuredRequest {
  name: string;
  /** Who asks: HR, or an agent (the organisation's most recognised person, in their own team). */
  role: Role;
  /** Path and query string; `{personId}`, `{teamId}` and `{siteId}` (their team's site team) are filled in. */
  path: string;
}

/** The 17 weeks the generated history covers. */
const RANGE = 'from=2026-01-05&to=2026-05-03&interval=week';

/**
 * What "queries as the organisation grows" measures: every dashboard in each grouping, and the
 * feeds. Edit this table as the dashboards' parameters change (`groupBy=site`,
 * `site={siteId}`, `limit`, `cursor`…): every row is loaded on both organisations, and a row
 * the api refuses (a 400 for a parameter it does not know) shows as failed runs.
 */
export const ORG_GROWTH_REQUESTS: readonly MeasuredRequest[] = [
  { name: 'abuse by site', role: 'hr', path: `/v1/dashboards/abuse?${RANGE}&groupBy=site` },
  { name: "abuse by a site's teams", role: 'hr', path: `/v1/dashboards/abuse?${RANGE}&groupBy=team&site={siteId}` },
  { name: 'abuse by channel', role: 'hr', path: `/v1/dashboards/abuse?${RANGE}&groupBy=channel` },
  { name: 'abuse by kind', role: 'hr', path: `/v1/dashboards/abuse?${RANGE}&groupBy=kind` },
  { name: 'abuse by severity', role: 'hr', path: `/v1/dashboards/abuse?${RANGE}&groupBy=severity` },
  { name: 'wellbeing by site', role: 'hr', path: `/v1/dashboards/wellbeing?${RANGE}&groupBy=site` },
  {
    name: "wellbeing by a site's teams",
    role: 'hr',
    path: `/v1/dashboards/wellbeing?${RANGE}&groupBy=team&site={siteId}`,
  },
  { name: 'recognition by site', role: 'hr', path: `/v1/dashboards/recognition?${RANGE}&groupBy=site` },
  {
    name: "recognition by a site's teams",
    role: 'hr',
    path: `/v1/dashboards/recognition?${RANGE}&groupBy=team&site={siteId}`,
  },
  { name: 'org feed', role: 'agent', path: '/v1/feeds/org' },
  { name: 'team feed', role: 'agent', path: '/v1/feeds/teams/{teamId}' },
  { name: 'person feed', role: 'agent', path: '/v1/feeds/people/{personId}' },
];

/** The two organisations compared, the small one the baseline; the teams are spread over site teams. */
const SMALL: Organisation = { sites: 3, teams: 12, people: 600 };
const LARGE: Organisation = { sites: 30, teams: 600, people: 12_000 };

const TARGET = { p99Ms: 50, ratio: 1.5, answerKiB: 256 };

/** An organisation's generated log on a stack of its own (Redis database 14 under a key prefix of its own). */
interface Side {
  label: string;
  log: LongLog;
  /** The scenario's requests with their placeholders filled in, and a token of the role each asks as (the api's own). */
  requests: { path: string; token: string }[];
  /** Each request's answer size in bytes and time alone in ms, as last seen. */
  bytes: number[];
  alone: number[];
  /** Each request's failed runs so far. */
  failures: number[];
}

/** Longer than this, an answer counts as failed (autocannon's default timeout). */
const TIMEOUT_S = 10;
/** The first answer of each request is awaited longer, so its size and time are known even when it fails the runs. */
const FIRST_ANSWER_TIMEOUT_S = 60;
/** A request that failed this often on a side is not asked again there: its remaining runs count as failed. */
const GIVE_UP_AFTER = 2;

/**
 * Queries as the organisation grows: every request of `ORG_GROWTH_REQUESTS` on 12 teams / 600
 * people and on 600 teams / 12,000 people, logs of the same length (200,000 events; quick 50,000),
 * loaded alternately at 4 connections with the read models caught up. An answer that takes longer
 * than 10 s, or takes the api down, fails its run (p99 ∞) and the api is started anew.
 */
export const orgGrowth: Scenario = {
  name: 'org-growth',
  ownStacks: true,
  async run(context) {
    const events = context.size(200_000, 50_000);
    const sides = [
      side(named(SMALL), SMALL, { database: 'frontline_bench_org_small', keyPrefix: 'bench-org-small:', port: 3902 }),
      side(named(LARGE), LARGE, { database: 'frontline_bench_org_large', keyPrefix: 'bench-org-large:', port: 3903 }),
    ];
    try {
      for (const { label, log } of sides) {
        const started = Date.now();
        await log.grow(events);
        context.log(`${label}: ${log.events.toLocaleString('en')} events in ${seconds(started)}`);
      }
      const started = Date.now();
      for (const { log } of sides) await log.stack.start(['api', 'projector']);
      await Promise.all(sides.map(({ log }) => log.caughtUp()));
      context.log(`both caught up in ${seconds(started)}`);
      for (const subject of sides) subject.requests = await requestsOf(subject.log);

      const rows = [];
      for (const [i, request] of ORG_GROWTH_REQUESTS.entries()) {
        const [small, large] = sides.map((subject) => ({ label: subject.label, run: load(context, subject, i) }));
        const measured = await alternate({ baseline: small, project: large, rounds: context.size(3, 1) });
        rows.push(requestRow(context, request, measured, sides, i));
      }
      return rows;
    } finally {
      await Promise.all(sides.map(({ log }) => log.stack.stop()));
    }
  },
};

/** The row of request `i`: the large organisation's p99 against the small one's. */
function requestRow(
  context: BenchContext,
  { name, path }: MeasuredRequest,
  measured: { baseline: Measured; project: Measured },
  sides: Side[],
  i: number,
): Row {
  const [before, after] = [measured.baseline.median, measured.project.median];
  const failed = [measured.baseline, measured.project].map(({ runs }) => runs.filter((run) => run.failed).length);
  const gaveUp = sides.some((subject) => subject.failures[i] >= GIVE_UP_AFTER);
  context.log(
    `${name}: p99 ${before.p99} → ${after.p99} ms (one alone: ${before.alone.toFixed(0)} → ${after.alone.toFixed(0)} ms), ` +
      `${kib(before.bytes)} → ${kib(after.bytes)} KiB` +
      (failed[0] + failed[1] > 0 ? `; runs failed: ${failed[0]} small, ${failed[1]} large` : ''),
  );
  const checks = (ratio: number, project: Sample): Check[] => [
    atMost('p99 ms', project.p99, TARGET.p99Ms),
    atMost('ratio', ratio, TARGET.ratio),
    atMost('KiB', project.bytes / 1024, TARGET.answerKiB),
    ...(failed[0] + failed[1] > 0 ? [atMost('runs failed', failed[0] + failed[1], 0)] : []),
  ];
  const notes = [
    `GET ${path}`,
    `Answer: ${before.bytes.toLocaleString('en')} bytes on ${measured.baseline.label}, ${after.bytes.toLocaleString('en')} on ${measured.project.label}; one request alone (before each run): ${before.alone.toFixed(0)} and ${after.alone.toFixed(0)} ms.`,
    'Baseline is the same request on the small organisation, both logs of the same length, loaded alternately at 4 connections; read models caught up.',
    ...(failed[0] + failed[1] > 0
      ? [
          `Runs failed (an answer over ${TIMEOUT_S} s, an error, or the api died): ${failed[0]} small, ${failed[1]} large` +
            (gaveUp ? `, counting those not run after ${GIVE_UP_AFTER} failures (warm-up included).` : '.'),
        ]
      : []),
    ...sides.flatMap(({ label, log }) => log.stack.deaths.map((death) => `${label}: ${death}`)),
  ];
  for (const { log } of sides) log.stack.deaths.length = 0;
  return row(`Queries as the organisation grows: ${name}`, measured, 'p99', 'ms', checks, notes);
}

function side(
  label: string,
  organisation: Organisation,
  stack: { database: string; keyPrefix: string; port: number },
): Side {
  const log = new LongLog(new Stack({ ...stack, redisDatabase: 14, appsMayDie: true }), organisation);
  return { label, log, requests: [], bytes: [], alone: [], failures: [] };
}

/** The table's requests for this organisation: its most recognised person asks, in their team and site. */
async function requestsOf(log: LongLog): Promise<Side['requests']> {
  const { personId, teamId } = log.mostRecognised();
  const site = log.organisationSites().find(({ teamIds }) => teamIds.includes(teamId));
  const tokens = new Map<Role, string>();
  const requests = [];
  for (const { role, path } of ORG_GROWTH_REQUESTS) {
    if (!tokens.has(role))
      tokens.set(role, await log.stack.token(role === 'agent' ? personId : randomUUID(), [role], teamId));
    const filled = path
      .replaceAll('{personId}', personId)
      .replaceAll('{teamId}', teamId)
      .replaceAll('{siteId}', site?.siteId ?? '');
    requests.push({ path: filled, token: tokens.get(role)! });
  }
  return requests;
}

/**
 * One run of request `i` on one side: one request alone (its answer's size and time), then
 * autocannon asking for as many answers as that time fits in the run's duration, at least 16 (so
 * p99 is about the slowest). Never for a duration: requests cut off at its end would still be
 * answered during the next run and slow it. A failed run stops at its first error; the api, which
 * may still be working through what was asked or collecting garbage near its heap cap, is
 * started anew.
 */
function load(context: BenchContext, subject: Side, i: number) {
  const { log } = subject;
  const failedRun = (alone = subject.alone[i] ?? Infinity) => ({
    rps: 0,
    p50: Infinity,
    p99: Infinity,
    loadCpu: 0,
    alone,
    bytes: subject.bytes[i] ?? Infinity,
    failed: 1,
  });
  return async ({ warmUp }: { warmUp: boolean }): Promise<Sample> => {
    if ((subject.failures[i] ?? 0) >= GIVE_UP_AFTER) return failedRun();
    const { path, token } = subject.requests[i];
    let alone = Infinity;
    try {
      const asked = performance.now();
      const answer = await fetch(log.stack.url + path, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout((subject.alone[i] === undefined ? FIRST_ANSWER_TIMEOUT_S : TIMEOUT_S) * 1_000),
      });
      const bytes = (await answer.arrayBuffer()).byteLength;
      if (!answer.ok) throw new Error(`GET ${path} answered ${answer.status}`);
      alone = subject.alone[i] = performance.now() - asked;
      subject.bytes[i] = bytes;
      const durationMs = (warmUp ? 1 : context.size(2, 1)) * 1_000;
      const sample = await httpLoad({
        url: log.stack.url + path,
        connections: 4,
        amount: Math.max(16, Math.round(durationMs / alone)),
        timeout: TIMEOUT_S,
        bailout: 1,
        headers: { authorization: `Bearer ${token}` },
      });
      return { ...sample, alone, bytes, failed: 0 };
    } catch (error) {
      subject.failures[i] = (subject.failures[i] ?? 0) + 1;
      const died = log.stack.running('api') ? '' : ' (the api died)';
      context.log(`${subject.label}: ${(error as Error).message.split('\n')[0]}${died}`);
      await log.stack.stop(['api'], 'SIGKILL');
      await log.stack.start(['api']);
      subject.requests = await requestsOf(log); // a dev token is signed by the api that made it
      return failedRun(alone);
    }
  };
}

const named = ({ sites, teams, people }: Organisation) =>
  `${teams} teams (${sites} sites), ${people!.toLocaleString('en')} people`;
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
