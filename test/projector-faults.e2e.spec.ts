import { countedAt, weekMonth } from '@frontline/decider';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type LogPosition, PostgresEventStore, type RecordedEvent } from '@frontline/event-store';
import { abuseDashboardKeys } from '@frontline/abuse';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { Keyspace, applyEvents, requestRebuild } from '@frontline/read-models';
import { type TestDatabase, createTestDatabase, testEnvironment, writeHistory } from '@frontline/testing';

const ROOT = join(__dirname, '..');
const EVENTS = 100_000;
const dashboard = ALL_PROJECTIONS.find((projection) => projection.name === 'abuseDashboard')!;

class Projector {
  private child?: ChildProcess;

  constructor(private readonly env: Record<string, string>) {}

  start(): this {
    this.child = spawn('node', ['dist/apps/projector/src/main.js'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: 'ignore',
    });
    return this;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child!;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

/** One Redis database and key prefix holding one copy of the read models. */
class ReadModelCopy {
  readonly prefix = `test:${randomBytes(4).toString('hex')}:`;
  readonly redis: Redis;

  constructor(readonly url: string) {
    this.redis = new Redis(url);
  }

  env(databaseUrl: string): Record<string, string> {
    return testEnvironment(databaseUrl, { REDIS_URL: this.url, REDIS_KEY_PREFIX: this.prefix, LOG_LEVEL: 'silent' });
  }

  checkpoints(): Promise<(string | null)[]> {
    return Promise.all(
      ALL_PROJECTIONS.map((p) => this.redis.get(`${this.prefix}${new Keyspace(p.name, 1).key('checkpoint')}`)),
    );
  }

  async caughtUp(heads: (string | null)[], timeoutMs = 120_000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; ;) {
      const checkpoints = await this.checkpoints();
      if (checkpoints.every((checkpoint, i) => checkpoint === heads[i])) return;
      if (Date.now() > deadline) throw new Error(`Not caught up: ${JSON.stringify({ checkpoints, heads })}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Every read-model key (status bookkeeping aside) with its DUMP bytes, keyed without the prefix. */
  async dump(match = 'rm:*'): Promise<Map<string, string>> {
    const dumped = new Map<string, string>();
    for await (const keys of this.redis.scanStream({ match: `${this.prefix}${match}`, count: 1_000 })) {
      for (const key of keys as string[]) {
        if (key.endsWith(':status')) continue;
        // A key dropped between the scan and its dump (a replaced version going) is gone, not empty.
        const bytes = await this.redis.dumpBuffer(key);
        if (bytes) dumped.set(key.slice(this.prefix.length), bytes.toString('base64'));
      }
    }
    return dumped;
  }

  async drop(): Promise<void> {
    for await (const keys of this.redis.scanStream({ match: `${this.prefix}*`, count: 1_000 })) {
      if ((keys as string[]).length > 0) await this.redis.unlink(...(keys as string[]));
    }
    this.redis.disconnect();
  }
}

describe('the projector under faults', () => {
  let database: TestDatabase;
  let heads: (string | null)[];
  let reference: Map<string, string>;
  /** The events the abuse dashboard projects, in log order. */
  let dashboardEvents: RecordedEvent[];
  const copies: ReadModelCopy[] = [];
  const copy = (db: number) => {
    const made = new ReadModelCopy(`redis://127.0.0.1:6379/${db}`);
    copies.push(made);
    return made;
  };

  beforeAll(async () => {
    database = await createTestDatabase('projector_faults');
    const store = await PostgresEventStore.connect({ connectionString: database.url });
    await writeHistory(store, EVENTS);
    // Where each projection must end: the last event of its types.
    dashboardEvents = [];
    for (
      let page = await store.readAll({ maxCount: 10_000 });
      page.length > 0;
      page = await store.readAll({ after: page.at(-1)!.position, maxCount: 10_000 })
    ) {
      dashboardEvents.push(...page.filter((event) => dashboard.eventTypes.includes(event.type)));
    }
    heads = await Promise.all(
      ALL_PROJECTIONS.map(async (projection) => {
        const events = [];
        for (
          let page = await store.readAll({ maxCount: 10_000 });
          page.length > 0;
          page = await store.readAll({ after: page.at(-1)!.position, maxCount: 10_000 })
        ) {
          events.push(
            ...page.filter((event) => projection.eventTypes.includes(event.type)).map((event) => event.position),
          );
        }
        return events.at(-1) ?? null;
      }),
    );
    await store.close();

    // The reference: one projector, from scratch, never disturbed, into its own Redis database.
    const fresh = copy(3);
    const projector = new Projector(fresh.env(database.url)).start();
    await fresh.caughtUp(heads);
    await projector.kill('SIGTERM');
    reference = await fresh.dump();
  }, 300_000);

  afterAll(async () => {
    await Promise.all(copies.map((made) => made.drop()));
    await database?.drop();
  });

  it('ends with the same read models, byte for byte, after kill -9 at random points of a 100,000-event replay', async () => {
    const faulted = copy(2);
    const env = faulted.env(database.url);
    let killedMidway = 0;
    for (let kill = 0; kill < 4; kill++) {
      const projector = new Projector(env).start();
      // Wait until it is applying, then kill it at a random moment of the replay.
      const before = await faulted.checkpoints();
      for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
        const now = await faulted.checkpoints();
        if (now.some((checkpoint, i) => checkpoint !== before[i])) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
      await projector.kill('SIGKILL');
      const at = await faulted.checkpoints();
      if (at.some((checkpoint, i) => checkpoint !== heads[i])) killedMidway++;
    }
    const last = new Projector(env).start();
    await faulted.caughtUp(heads);
    await last.kill('SIGTERM');

    expect(killedMidway).toBeGreaterThanOrEqual(2);
    const dumped = await faulted.dump();
    expect(dumped.size).toBe(reference.size);
    expect([...dumped].filter(([key, bytes]) => reference.get(key) !== bytes).map(([key]) => key)).toEqual([]);
  }, 300_000);

  it('ends with the same read models when two projectors run the same projections at once', async () => {
    const shared = copy(2);
    const env = shared.env(database.url);
    const projectors = [new Projector(env).start(), new Projector(env).start()];
    await shared.caughtUp(heads);
    await Promise.all(projectors.map((projector) => projector.kill('SIGTERM')));

    const dumped = await shared.dump();
    expect(dumped.size).toBe(reference.size);
    expect([...dumped].filter(([key, bytes]) => reference.get(key) !== bytes).map(([key]) => key)).toEqual([]);
  }, 300_000);

  it('stops a projection right before an event Redis would refuse, writes nothing of it, and rebuilds as undisturbed', async () => {
    // April's organisation-wide incident count, already at the most HINCRBY holds: April's first incident
    // overflows it with the last of its writes, after writing the cells of its week, team, channel, kinds.
    const v1 = new Keyspace('abuseDashboard', 1);
    const poisoned = abuseDashboardKeys(v1).cell('2026-04', 'org');
    const INT64_MAX = '9223372036854775807';
    const refused = dashboardEvents.find((event) => {
      if (event.type !== 'AbuseIncidentReported') return false;
      const { occurredAt, reportedAt } = event.data as { occurredAt: string; reportedAt: string };
      // The month the dashboard counts it in: of its week, of when it happened or was reported.
      return weekMonth(countedAt(new Date(occurredAt), new Date(reportedAt))) === '2026-04';
    })!;
    const before = dashboardEvents.slice(0, dashboardEvents.indexOf(refused));
    expect(before.length).toBeGreaterThan(0);

    const faulted = copy(2);
    await faulted.redis.hset(faulted.prefix + poisoned, 'incidents', INT64_MAX);
    const projector = new Projector(faulted.env(database.url)).start();
    try {
      const status = () => faulted.redis.hgetall(`${faulted.prefix}${v1.key('status')}`);
      for (const deadline = Date.now() + 60_000; (await status()).state !== 'failed';) {
        if (Date.now() > deadline)
          throw new Error(`The dashboard never reported failed: ${JSON.stringify(await status())}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const failed = await status();
      expect(JSON.parse(failed.failedEvent)).toMatchObject({ id: refused.id, position: refused.position });
      expect(failed.error).toMatch(/HINCRBY \S*month:2026-04:org(?![:\w])/);

      // What the dashboard holds is the poison and the events before the refused one, whole: nothing of its batch.
      const expected = copy(2);
      const writer = new Redis(expected.url, { keyPrefix: expected.prefix });
      await writer.hset(poisoned, 'incidents', INT64_MAX);
      let after: LogPosition | undefined;
      for (let i = 0; i < before.length; i += 1_000) {
        const chunk = before.slice(i, i + 1_000);
        expect(await applyEvents(writer, dashboard, v1, after, chunk)).toBe('applied');
        after = chunk.at(-1)!.position;
      }
      writer.disconnect();
      // Only its keys: the other projections are still writing theirs.
      const dashboardKeys = async (of: ReadModelCopy) =>
        [...(await of.dump(`rm:${v1.tag}:*`))].sort(([a], [b]) => a.localeCompare(b));
      expect(await dashboardKeys(faulted)).toEqual(await dashboardKeys(expected));

      // The rebuild writes the next version from scratch (the poison stays in the version it replaces, then goes).
      const rebuilder = new Redis(faulted.url, { keyPrefix: faulted.prefix });
      const v2 = await requestRebuild(rebuilder, 'abuseDashboard');
      rebuilder.disconnect();
      const head = dashboardEvents.at(-1)!.position;
      for (const deadline = Date.now() + 120_000; ;) {
        const [serving, checkpoint] = await Promise.all([
          faulted.redis.hget(`${faulted.prefix}rm:generations`, 'abuseDashboard'),
          faulted.redis.get(`${faulted.prefix}${v2.key('checkpoint')}`),
        ]);
        // Switched, caught up, and the version it replaces dropped: a dump before that would mix the two.
        const replaced = serving === '2' ? (await faulted.dump(`rm:${v1.tag}:*`)).size : -1;
        if (replaced === 0 && checkpoint === head) break;
        if (Date.now() > deadline) throw new Error(`The rebuild did not finish: ${serving} ${checkpoint} ${replaced}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await faulted.caughtUp(heads.map((checkpoint, i) => (ALL_PROJECTIONS[i] === dashboard ? null : checkpoint)));
    } finally {
      await projector.kill('SIGTERM');
    }

    const rebuilt = new Map(
      [...(await faulted.dump())]
        .filter(([key]) => key !== 'rm:generations')
        .map(([key, bytes]) => [key.replace('{abuseDashboard.v2}', '{abuseDashboard.v1}'), bytes]),
    );
    expect(rebuilt.size).toBe(reference.size);
    expect([...rebuilt].filter(([key, bytes]) => reference.get(key) !== bytes).map(([key]) => key)).toEqual([]);
  }, 300_000);
});
