import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { PostgresEventStore } from '@frontline/event-store';
import { History, type TestDatabase, createTestDatabase, deleteRedisKeys, testEnvironment } from '@frontline/testing';
import { freePort, running, startApp, stop } from './support/apps';
import { type TestApi, person, startTestApi } from './support/test-api';

describe('projections over HTTP', () => {
  let api: TestApi;
  const admin = person(['admin']);

  beforeAll(async () => (api = await startTestApi('projections_e2e', {}, { projector: true })));
  afterAll(async () => api?.close());

  it('reports each projection live, at the head of the log, to admins only', async () => {
    await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Status' } });
    await api.projectionsCaughtUp();

    const response = await api.request({ method: 'GET', url: '/v1/projections', as: admin });

    expect(response.status).toBe(200);
    expect(response.body.projections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'directory',
          serving: expect.objectContaining({
            version: 'directory.v1',
            lagEvents: 0,
            lagMs: 0,
            checkpoint: expect.any(String),
          }),
        }),
      ]),
    );
    expect((await api.request({ method: 'GET', url: '/v1/projections', as: person(['hr']) })).status).toBe(403);
  });

  it('rebuilds a projection into its next version while the current one serves, then switches', async () => {
    const response = await api.request({ method: 'POST', url: '/v1/projections/directory/rebuild', as: admin });
    expect(response).toMatchObject({ status: 202, body: { rebuilding: 'directory.v2' } });

    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      const { body } = await api.request({ method: 'GET', url: '/v1/projections', as: admin });
      const directory = body.projections.find((p: { name: string }) => p.name === 'directory');
      if (directory.serving.version === 'directory.v2' && !directory.rebuilding) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { body } = await api.request({ method: 'GET', url: '/v1/projections', as: admin });
    expect(body.projections.find((p: { name: string }) => p.name === 'directory').serving).toMatchObject({
      version: 'directory.v2',
      lagEvents: 0,
    });
    expect((await api.request({ method: 'POST', url: '/v1/projections/nothing/rebuild', as: admin })).status).toBe(404);
  });
});

describe('projection status while a long log is caught up', () => {
  const EVENTS = 200_000;
  let database: TestDatabase;
  const apps: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('projections_heap');
    await (await PostgresEventStore.connect({ connectionString: database.url })).close(); // the schema
    const db = new Pool({ connectionString: database.url });
    await new History().insert(db, EVENTS);
    await db.end();
  }, 120_000);

  let env: Record<string, string> | undefined;

  afterAll(async () => {
    await Promise.all(apps.map(stop));
    await database?.drop();
    if (env) await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  it('answers a poll every 100 ms on the api’s production heap, and the api stays up', async () => {
    env = testEnvironment(database.url, { PORT: String(await freePort()), HOST: '127.0.0.1' });
    const url = `http://127.0.0.1:${env.PORT}`;
    const api = startApp('api', env);
    apps.push(api);
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
    const { token } = (await (
      await fetch(`${url}/v1/dev/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: randomUUID(), roles: ['admin'] }),
      })
    ).json()) as { token: string };
    apps.push(startApp('projector', env));

    // Polls as a status page would: every 100 ms, whether or not the last one has answered.
    const answers: (number | string)[] = [];
    const progress = { caughtUp: false, last: [] as string[] };
    const poll = async () => {
      try {
        const response = await fetch(`${url}/v1/projections`, { headers: { authorization: `Bearer ${token}` } });
        answers.push(response.status);
        const { projections } = (await response.json()) as {
          projections: { name: string; serving: { state: string; lagEvents: number } }[];
        };
        progress.last = projections.map(({ name, serving }) => `${name} ${serving.state} ${serving.lagEvents}`);
        if (response.ok && projections.every(({ serving }) => serving.lagEvents === 0)) progress.caughtUp = true;
      } catch (error) {
        answers.push((error as Error).message);
      }
    };
    const pending: Promise<void>[] = [];
    for (const deadline = Date.now() + 240_000; !progress.caughtUp && running(api) && Date.now() < deadline;) {
      pending.push(poll());
      await sleep(100);
    }
    await Promise.all(pending);

    expect({ apiRunning: running(api), exit: api.exitCode ?? api.signalCode, ...progress }).toEqual({
      apiRunning: true,
      exit: null,
      caughtUp: true,
      last: expect.any(Array),
    });
    expect(answers.filter((answer) => answer !== 200)).toEqual([]);
    expect(answers.length).toBeGreaterThan(10);
  }, 400_000);
});
