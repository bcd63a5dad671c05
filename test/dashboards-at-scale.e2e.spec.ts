import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { PostgresEventStore } from '@frontline/event-store';
import { History, type TestDatabase, createTestDatabase, deleteRedisKeys, testEnvironment } from '@frontline/testing';
import { freePort, running, startApp, stop } from './support/apps';

/**
 * The largest customer on the api's production heap: 600 teams and 12,000 people, and HR (or a
 * client with a bug) asking every dashboard at once, for the widest range and the biggest pages.
 */
const TEAMS = 600;
const PEOPLE = 12_000;
const EVENTS = 60_000;
const CONCURRENT = 16;

/** Every dashboard and grouping, each for the longest range a dashboard allows, week by week, 100 groups a page. */
const WIDEST = 'from=2025-06-01&to=2027-05-31&interval=week&limit=100';
const REQUESTS = [
  ...['site', 'team', 'channel', 'kind', 'severity'].map(
    (groupBy) => `/v1/dashboards/abuse?${WIDEST}&groupBy=${groupBy}`,
  ),
  ...['site', 'team'].map((groupBy) => `/v1/dashboards/wellbeing?${WIDEST}&groupBy=${groupBy}`),
  ...['site', 'team'].map((groupBy) => `/v1/dashboards/recognition?${WIDEST}&groupBy=${groupBy}`),
  `/v1/dashboards/abuse?from=2026-01-05&to=2026-05-03&interval=month&groupBy=team`,
];

describe(`dashboards of ${TEAMS} teams and ${PEOPLE} people`, () => {
  let database: TestDatabase;
  let env: Record<string, string> | undefined;
  const apps: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('dashboards_at_scale');
    await (await PostgresEventStore.connect({ connectionString: database.url })).close(); // the schema
    const db = new Pool({ connectionString: database.url });
    await new History({ teams: TEAMS, people: PEOPLE }).insert(db, EVENTS);
    await db.end();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map(stop));
    await database?.drop();
    if (env) await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  it(`answers ${CONCURRENT} concurrent requests of every dashboard on the api's production heap, and stays up`, async () => {
    env = testEnvironment(database.url, { PORT: String(await freePort()), HOST: '127.0.0.1' });
    const url = `http://127.0.0.1:${env.PORT}`;
    const api = startApp('api', env);
    apps.push(api, startApp('projector', env));
    const token = async (roles: string[]) => {
      const response = await fetch(`${url}/v1/dev/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: randomUUID(), roles }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    for (
      const deadline = Date.now() + 60_000;
      !(await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ));
    ) {
      if (Date.now() > deadline || !running(api)) throw new Error('The api did not start');
      await sleep(200);
    }
    const [admin, hr] = [await token(['admin']), await token(['hr'])];
    const get = (path: string, bearer: string) =>
      fetch(`${url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    for (let caughtUp = false, deadline = Date.now() + 300_000; !caughtUp; await sleep(500)) {
      if (Date.now() > deadline || !running(api)) throw new Error('The projections did not catch up');
      const { projections } = (await (await get('/v1/projections', admin)).json()) as {
        projections: { serving: { lagEvents: number } }[];
      };
      caughtUp = projections.every(({ serving }) => serving.lagEvents === 0);
    }

    // Every kind of request at once, CONCURRENT at a time, until each kind was asked that many times.
    const queue = Array.from({ length: CONCURRENT }, () => REQUESTS).flat();
    const answers: { path: string; status: number | string; bytes: number }[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          try {
            const response = await get(path, hr);
            answers.push({ path, status: response.status, bytes: (await response.arrayBuffer()).byteLength });
          } catch (error) {
            answers.push({ path, status: (error as Error).message, bytes: 0 });
          }
        }
      }),
    );

    expect({ apiRunning: running(api), exit: api.exitCode ?? api.signalCode }).toEqual({
      apiRunning: true,
      exit: null,
    });
    expect(answers.filter(({ status }) => status !== 200)).toEqual([]);
    expect(answers).toHaveLength(CONCURRENT * REQUESTS.length);
    // Every answer is a bounded page, however large the organisation.
    expect(answers.filter(({ bytes }) => bytes > 2 * 1024 * 1024)).toEqual([]);
  }, 600_000);
});
