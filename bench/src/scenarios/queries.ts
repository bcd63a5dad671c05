import { type Check, type Measured, type Row, type Sample, atMost, median } from '../harness';
import { httpLoad } from '../load';
import { longLog } from '../long-log';
import type { BenchContext, Scenario } from '../scenario';
import type { Role } from '../stack';

interface Endpoint {
  name: string;
  path: string;
  roles: Role[];
}

/** The 17 weeks the generated history covers. */
const RANGE = 'from=2026-01-05&to=2026-05-03';

/** Each read endpoint, as its allowed role asks for it, someone enrolled in the log asking. */
function endpoints(personId: string, teamId: string): Endpoint[] {
  return [
    { name: 'GET /v1/feeds/org', path: '/v1/feeds/org', roles: ['agent'] },
    { name: 'GET /v1/feeds/teams/{id}', path: `/v1/feeds/teams/${teamId}`, roles: ['agent'] },
    { name: 'GET /v1/feeds/people/{id}', path: `/v1/feeds/people/${personId}`, roles: ['agent'] },
    { name: 'GET /v1/me/recognition', path: '/v1/me/recognition', roles: ['agent'] },
    { name: 'GET /v1/incidents', path: '/v1/incidents', roles: ['wellbeing_officer'] },
    { name: 'GET /v1/dashboards/abuse', path: `/v1/dashboards/abuse?${RANGE}&interval=week`, roles: ['hr'] },
    { name: 'GET /v1/dashboards/wellbeing', path: `/v1/dashboards/wellbeing?${RANGE}&interval=week`, roles: ['hr'] },
    {
      name: 'GET /v1/dashboards/recognition',
      path: `/v1/dashboards/recognition?${RANGE}&interval=week`,
      roles: ['hr'],
    },
  ];
}

/**
 * Read latency as the log grows: every read endpoint under the same load on a log of 10,000
 * events and on one of 1,000,000 (quick: 100,000), with the read models caught up each time.
 */
export const queries: Scenario = {
  name: 'queries',
  async run(context) {
    const { stack } = longLog;
    const small = 10_000;
    const large = context.size(1_000_000, 100_000);
    if (longLog.events > small) throw new Error('queries needs a log it starts itself: run it before replay');
    await longLog.grow(small);
    await stack.start(['api', 'projector']);
    try {
      // Whose feed and recognition pages are fullest already: a page of 3 kudos on the small log
      // against a full one on the large one would measure the page, not the log.
      const { personId, teamId } = longLog.mostRecognised();
      const loads = await Promise.all(
        endpoints(personId, teamId).map(async (endpoint) => ({
          ...endpoint,
          token: await stack.token(personId, endpoint.roles, teamId),
        })),
      );
      await longLog.caughtUp();
      context.log(`${longLog.events.toLocaleString('en')} events: loading ${loads.length} endpoints`);
      const before = await loadEach(context, loads);

      const growing = Date.now();
      await longLog.grow(large);
      await longLog.caughtUp();
      context.log(
        `grown to ${longLog.events.toLocaleString('en')} events and caught up in ${((Date.now() - growing) / 1000).toFixed(0)} s`,
      );
      const after = await loadEach(context, loads);

      return loads.map(({ name }, i) =>
        queryRow(
          name,
          measured(`${small.toLocaleString('en')} events`, before[i]),
          measured(`${large.toLocaleString('en')} events`, after[i]),
        ),
      );
    } finally {
      await stack.stop(['api', 'projector']);
    }
  },
};

/** Every endpoint in turn, the whole round repeated: repetitions of one endpoint are not back to back. */
async function loadEach(context: BenchContext, loads: (Endpoint & { token: string })[]): Promise<Sample[][]> {
  const runs: Sample[][] = loads.map(() => []);
  for (let repetition = 0; repetition < context.size(3, 1); repetition++) {
    for (const [i, { path, token }] of loads.entries()) {
      runs[i].push(
        await httpLoad({
          url: longLog.stack.url + path,
          connections: 4,
          duration: context.size(2, 1),
          headers: { authorization: `Bearer ${token}` },
        }),
      );
    }
  }
  return runs;
}

function measured(label: string, runs: Sample[]): Measured {
  const names = Object.keys(runs[0]);
  return { label, runs, median: Object.fromEntries(names.map((name) => [name, median(runs.map((run) => run[name]))])) };
}

function queryRow(name: string, baseline: Measured, project: Measured): Row {
  const ratio = project.median.p99 / baseline.median.p99;
  const checks: Check[] = [atMost('p99 ms', project.median.p99, 5), atMost('ratio', ratio, 1.5)];
  return {
    scenario: `Queries as the log grows: ${name}`,
    figure: 'p99',
    unit: 'ms',
    baseline,
    project,
    ratio,
    checks,
    notes: [
      'Baseline is the same endpoint on the 10,000-event log: the two logs cannot alternate (one grows into the other), so each side is the median of repeated loads, every endpoint in turn.',
      '4 connections; read models caught up before each load.',
    ],
  };
}
