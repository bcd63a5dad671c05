import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type NewEvent, PostgresEventStore } from '@frontline/event-store';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { Keyspace } from '@frontline/read-models';
import { type TestDatabase, createTestDatabase, testEnvironment } from '@frontline/testing';

const ROOT = join(__dirname, '..');
const EVENTS = 100_000;

/**
 * A log of EVENTS events in the shapes every projection reads: teams, people joining, moving
 * and leaving, kudos with reactions (some retracted), incidents through their lifecycle,
 * contact volumes (some corrected), wellbeing activities and pulses.
 */
async function writeHistory(store: PostgresEventStore): Promise<void> {
  const metadata = () => ({
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actorId: 'history',
    schemaVersion: 1,
  });
  const event = (type: string, data: object): NewEvent => ({ id: randomUUID(), type, data, metadata: metadata() });
  const append = (stream: string, events: NewEvent[]) =>
    store.appendToStream(stream, events, { expectedRevision: 'any' });
  const random = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 5) + offset * 86_400_000);

  const teams = Array.from({ length: 12 }, () => randomUUID());
  for (const teamId of teams)
    await append(`team-${teamId}`, [event('TeamCreated', { teamId, name: `Team ${teamId.slice(0, 4)}` })]);
  const people: { personId: string; teamId: string }[] = [];
  for (let i = 0; i < 600; i++) {
    const person = { personId: randomUUID(), teamId: random(teams) };
    people.push(person);
    await append(`person-${person.personId}`, [
      event('PersonEnrolled', {
        ...person,
        displayName: `pd1.${person.personId}.x`,
        roles: ['agent'],
        timezone: 'UTC',
      }),
    ]);
  }

  let written = teams.length + people.length;
  // Rounds are written 25 at a time: the order within the log does not matter, only that both copies replay the same one.
  const writeRound = async (round: number): Promise<number> => {
    const when = day(round % 120);
    const at = when.toISOString();
    const [sender, recipient] = [random(people), random(people)];
    const kudosId = randomUUID();
    const kudos = [
      event('KudosSent', {
        kudosId,
        fromId: sender.personId,
        toIds: [recipient.personId],
        fromTeamId: sender.teamId,
        toTeamIds: [recipient.teamId],
        message: 'Thank you',
        values: [random(['empathy', 'teamwork', 'ownership'])],
        visibility: random(['public', 'team', 'private']),
        sentAt: at,
      }),
      event('KudosReactionAdded', { kudosId, personId: random(people).personId, emoji: '🎉' }),
      ...(round % 10 === 0 ? [event('KudosRetracted', { kudosId, by: sender.personId })] : []),
    ];
    const agent = random(people);
    const incidentId = randomUUID();
    const facts = {
      teamId: agent.teamId,
      channel: random(['phone', 'chat', 'email']),
      kinds: ['insult'],
      severity: random(['low', 'high']),
      occurredAt: at,
      reportedAt: at,
    };
    const incident = [
      event('AbuseIncidentReported', {
        incidentId,
        agentId: agent.personId,
        ...facts,
        supportRequested: true,
        shareNarrativeWithLead: false,
      }),
      event('IncidentAcknowledged', {
        incidentId,
        by: 'lead',
        at: new Date(when.getTime() + 3_600_000).toISOString(),
        ...facts,
      }),
      event('SupportOffered', { incidentId, kind: 'debrief', by: 'lead', ...facts }),
      event('SupportAccepted', { incidentId, kind: 'debrief', ...facts }),
      event('IncidentClosed', { incidentId, outcome: 'resolved', by: 'lead' }),
    ];
    const worker = random(people);
    const wellbeing = [
      event('WellbeingActivityLogged', {
        activityId: randomUUID(),
        kind: random(['yoga', 'walk']),
        minutes: 20,
        occurredOn: at.slice(0, 10),
        loggedAt: at,
        teamId: worker.teamId,
      }),
    ];
    const volume = { teamId: random(teams), date: at.slice(0, 10), channel: 'phone' };
    await Promise.all([
      append(`kudos-${kudosId}`, kudos),
      append(`abuseIncident-${incidentId}`, incident),
      append(`wellbeing-${worker.personId}`, wellbeing),
      append(`contactVolume-${volume.teamId}_${volume.date}`, [
        event('ContactVolumeRecorded', { ...volume, contacts: 100 + round }),
      ]),
      ...(round % 7 === 0
        ? [
            append(`person-${worker.personId}`, [
              event('PersonMovedTeam', {
                personId: worker.personId,
                fromTeamId: worker.teamId,
                toTeamId: (worker.teamId = random(teams)),
              }),
            ]),
          ]
        : []),
    ]);
    return kudos.length + incident.length + wellbeing.length + 1 + (round % 7 === 0 ? 1 : 0);
  };
  for (let next = 0; written < EVENTS; next += 25) {
    const counts = await Promise.all(Array.from({ length: 25 }, (_, i) => writeRound(next + i)));
    written += counts.reduce((sum, count) => sum + count, 0);
  }
}

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
    await writeHistory(store);
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
