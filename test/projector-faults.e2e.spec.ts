import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { PostgresEventStore } from '@frontline/event-store';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { Keyspace } from '@frontline/read-models';
import { type TestDatabase, createTestDatabase, testEnvironment, writeHistory } from '@frontline/testing';

const ROOT = join(__dirname, '..');
const EVENTS = 100_000;

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
  async dump(): Promise<Map<string, string>> {
    const dumped = new Map<string, string>();
    for await (const keys of this.redis.scanStream({ match: `${this.prefix}rm:*`, count: 1_000 })) {
      for (const key of keys as string[]) {
        if (key.endsWith(':status')) continue;
        dumped.set(key.slice(this.prefix.length), (await this.redis.dumpBuffer(key))!.toString('base64'));
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
});
