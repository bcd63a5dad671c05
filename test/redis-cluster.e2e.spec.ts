import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Cluster } from 'ioredis';
import type { Actor, ReadModelRedis } from '@frontline/platform';
import { PostgresEventStore } from '@frontline/event-store';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { BatchedReads, Keyspace, ReadModels, activeKeyspace, hashedPart, scanKeys } from '@frontline/read-models';
import {
  type HistoryAppend,
  type TestDatabase,
  SseClient,
  createTestDatabase,
  testConfig,
  writeHistory,
} from '@frontline/testing';
import { ProjectorModule } from '../apps/projector/src/projector.module';
import { TestRedisCluster } from './support/redis-cluster';
import { type TestApi, type TestResponse, person, startTestApi } from './support/test-api';

const EVENTS = 3_000;
const RANGE = 'from=2026-01-05&to=2026-05-03';

/**
 * Every read-model key (status bookkeeping aside), keyed without the prefix, from every master:
 * its encoding and DUMP bytes, or what it holds where bytes cannot compare. A hashtable (a set of
 * strings, a big hash) dumps in the order of its buckets, which follows the SipHash seed each
 * redis-server draws at start, so the same model on another node dumps in another order.
 */
async function dump(redis: ReadModelRedis, match = 'rm:*'): Promise<Map<string, string>> {
  const prefix = redis.options.keyPrefix ?? '';
  const dumped = new Map<string, string>();
  for await (const keys of scanKeys(redis, `${prefix}${match}`)) {
    for (const key of keys.map((found) => found.slice(prefix.length))) {
      // What dashboards released when asked is theirs, not the projections': only the model is compared.
      if (key.endsWith(':status') || key.includes(':released:')) continue;
      const [encoding, bytes] = await Promise.all([redis.object('ENCODING', key), redis.dumpBuffer(key)]);
      if (!bytes) continue; // dropped between the scan and its dump
      const type = await redis.type(key);
      // An undo list names the keys it undoes: a rebuild's names its own version's, so it compares by what it holds.
      if (type === 'list')
        dumped.set(key, `list ${String(encoding)} ${JSON.stringify(await redis.lrange(key, 0, -1))}`);
      else if (encoding !== 'hashtable') dumped.set(key, `${String(encoding)} ${bytes.toString('base64')}`);
      else if (type === 'set') dumped.set(key, `set ${JSON.stringify((await redis.smembers(key)).sort())}`);
      else dumped.set(key, `hash ${JSON.stringify(Object.entries(await redis.hgetall(key)).sort())}`);
    }
  }
  return dumped;
}

const checkpoints = (redis: ReadModelRedis) =>
  Promise.all(ALL_PROJECTIONS.map(({ name }) => redis.get(new Keyspace(name, 1).key('checkpoint'))));

/** How many keys each hash tag holds. */
function keysByTag(model: Map<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of model.keys()) counts[hashedPart(key)] = (counts[hashedPart(key)] ?? 0) + 1;
  return counts;
}

/** Keys whose bytes differ, or that one of the two lacks. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key)).sort();
}

interface Answer {
  name: string;
  status: number;
  body: TestResponse['body'];
}

describe('the read models on a Redis Cluster of three masters', () => {
  let cluster: TestRedisCluster | undefined;
  let database: TestDatabase | undefined;
  let api: TestApi | undefined;
  let projectors: INestApplicationContext[] = [];
  /** The same api and projector on one Redis, from the same log: what every answer must be. */
  const onOneRedis = new Map<string, Answer>();
  let modelOnOneRedis: Map<string, string>;
  /** The model the projectors wrote on the cluster, before any query. */
  let modelOnCluster: Map<string, string>;
  /** Where each projection ends: its last event in the log. */
  let heads: (string | null)[];

  const hr = person(['hr']);
  const admin = person(['admin']);
  const officer = person(['wellbeing_officer']);
  let reads: [name: string, as: Actor, url: string][];

  /** Whom the history's events concern: reporters and their incidents, people who logged wellbeing, leavers. */
  const seen = { incidents: [] as [agentId: string, incidentId: string][], wellbeing: [] as string[], left: new Set() };
  const observe = ({ streamName, events }: HistoryAppend) => {
    for (const { type, data } of events) {
      const fields = data as Record<string, string>;
      if (type === 'AbuseIncidentReported') seen.incidents.push([fields.agentId, fields.incidentId]);
      if (type === 'WellbeingActivityLogged') seen.wellbeing.push(streamName.slice('wellbeing-'.length));
      if (type === 'PersonOffboarded') seen.left.add(fields.personId);
    }
  };

  const answer = async (on: TestApi, name: string, as: Actor, url: string): Promise<Answer> => {
    const response = await on.request({ method: 'GET', url, as });
    return { name, status: response.status, body: response.body };
  };

  beforeAll(async () => {
    [cluster, database] = await Promise.all([TestRedisCluster.start(), createTestDatabase('redis_cluster')]);
    const store = await PostgresEventStore.connect({ connectionString: database.url });
    let history;
    try {
      history = await writeHistory(store, EVENTS, { teams: 4, people: 48, observe });
    } finally {
      await store.close();
    }
    const recognised = history.mostRecognised();
    const agent: Actor = { personId: recognised.personId, roles: ['agent'], teamId: recognised.teamId };
    // People who are still enrolled: someone who left may no longer read their own.
    const [reporterId, incidentId] = seen.incidents.find(([agentId]) => !seen.left.has(agentId))!;
    const reporter: Actor = { personId: reporterId, roles: ['agent'] };
    const active: Actor = { personId: seen.wellbeing.find((personId) => !seen.left.has(personId))!, roles: ['agent'] };
    reads = [
      ...(['team', 'channel', 'kind', 'severity'] as const).flatMap((groupBy) =>
        (['week', 'month'] as const).map(
          (interval) =>
            [
              `abuse dashboard by ${groupBy} and ${interval}`,
              hr,
              `/v1/dashboards/abuse?${RANGE}&interval=${interval}&groupBy=${groupBy}`,
            ] as [string, Actor, string],
        ),
      ),
      ['wellbeing dashboard by week', hr, `/v1/dashboards/wellbeing?${RANGE}&interval=week`],
      ['wellbeing dashboard by month', hr, `/v1/dashboards/wellbeing?${RANGE}&interval=month`],
      ['org feed', agent, '/v1/feeds/org?limit=100'],
      ['team feed', agent, `/v1/feeds/teams/${recognised.teamId}?limit=100`],
      ['person feed', agent, `/v1/feeds/people/${recognised.personId}?limit=100`],
      ['own recognition', agent, '/v1/me/recognition'],
      ['incident queue', officer, '/v1/incidents?limit=100'],
      ['an incident', officer, `/v1/incidents/${incidentId}`],
      ['own incidents', reporter, '/v1/me/incidents?limit=100'],
      ['repeat abusers', officer, '/v1/repeat-abusers?limit=100'],
      ['own wellbeing', active, '/v1/me/wellbeing'],
      ['recognition dashboard by week', hr, `/v1/dashboards/recognition?${RANGE}&interval=week`],
      ['recognition dashboard by month', hr, `/v1/dashboards/recognition?${RANGE}&interval=month`],
    ];

    const one = await startTestApi('redis_cluster', {}, { projector: true, database });
    try {
      // The history's people are agents: the lead who may read their team's gaps joins through the api.
      const lead = await one.enrol(['team_lead'], recognised.teamId);
      reads.push(['recognition gaps', lead, `/v1/teams/${recognised.teamId}/recognition-gaps`]);
      await one.projectionsCaughtUp(30_000);
      for (const [name, as, url] of reads) onOneRedis.set(name, await answer(one, name, as, url));
      // An officer's reads of incidents are recorded as events, which the projections apply too.
      await one.projectionsCaughtUp(30_000);
      heads = await checkpoints(one.app.get(ReadModels).redis);
      modelOnOneRedis = await dump(one.app.get(ReadModels).redis);
    } finally {
      await one.close();
    }

    // Two projectors at once, as the fault spec runs them: each batch is applied once, whichever gets there first.
    const onCluster = {
      REDIS_CLUSTER_NODES: cluster.nodes,
      REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
    };
    projectors = await Promise.all(
      [1, 2].map(() =>
        NestFactory.createApplicationContext(ProjectorModule.forRoot(testConfig(database!.url, onCluster)), {
          logger: ['error', 'warn'],
        }),
      ),
    );
    await Promise.all(projectors.map((projector) => projector.init()));
    api = await startTestApi('redis_cluster', onCluster, { database });
    const redis = api.app.get(ReadModels).redis;
    for (const deadline = Date.now() + 30_000; JSON.stringify(await checkpoints(redis)) !== JSON.stringify(heads);) {
      if (Date.now() > deadline) throw new Error(`Not caught up: ${JSON.stringify(await checkpoints(redis))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 120_000);

  afterAll(async () => {
    try {
      await Promise.all(projectors.map((projector) => projector.close()));
      await api?.close();
    } finally {
      try {
        await cluster?.remove();
      } finally {
        await database?.drop();
      }
    }
  }, 60_000);

  it('spreads the projections over the masters, so that a script crossing them could not run', async () => {
    const redis = api!.app.get(ReadModels).redis as Cluster;
    const mastersOf = new Map<string, number>();
    for (const master of redis.nodes('master')) {
      for await (const keys of master.scanStream({ match: `${redis.options.keyPrefix}rm:{*`, count: 1_000 }))
        for (const key of keys as string[]) mastersOf.set(hashedPart(key), master.options.port!);
    }

    expect([...mastersOf.keys()].sort()).toEqual(
      ALL_PROJECTIONS.map(({ name }) => hashedPart(new Keyspace(name, 1).key('checkpoint'))).sort(),
    );
    expect(new Set(mastersOf.values()).size).toBeGreaterThan(1);
  });

  it('applies the history with two projectors as on one Redis, byte for byte (member for member in a hashtable)', async () => {
    modelOnCluster = await dump(api!.app.get(ReadModels).redis);

    expect(modelOnCluster.size).toBeGreaterThan(100);
    expect(differences(modelOnCluster, modelOnOneRedis)).toEqual([]);
    const { status, body } = await api!.request({ method: 'GET', url: '/v1/projections', as: admin });
    expect(status).toBe(200);
    expect(
      body.projections.map(({ name, serving }: { name: string; serving: object }) => ({ name, ...serving })),
    ).toEqual(ALL_PROJECTIONS.map(({ name }) => expect.objectContaining({ name, state: 'live', lagEvents: 0 })));
  });

  it('answers every dashboard and feed as on one Redis', async () => {
    const known = reads.filter(([name]) => !name.startsWith('recognition dashboard'));
    const answers = [];
    for (const [name, as, url] of known) answers.push(await answer(api!, name, as, url));

    expect(answers.filter(({ status }) => status !== 200)).toEqual([]);
    expect(answers).toEqual(known.map(([name]) => onOneRedis.get(name)));
    // Answers with something in them, not empty lists everywhere.
    const body = (name: string) => onOneRedis.get(name)!.body;
    expect(body('org feed').items.length).toBeGreaterThan(10);
    expect(body('incident queue').items.length).toBeGreaterThan(0);
    expect(JSON.stringify(body('abuse dashboard by team and month'))).toMatch(/"suppressed":false/);
  });

  // It once intersected its recipients with the directory's team members (two hash tags, CROSSSLOT);
  // it now reads headcounts of its own.
  it('answers the recognition dashboard as on one Redis', async () => {
    const known = reads.filter(([name]) => name.startsWith('recognition dashboard'));
    for (const [name, as, url] of known) {
      expect(onOneRedis.get(name)!.status).toBe(200);
      expect(await answer(api!, name, as, url)).toEqual(onOneRedis.get(name));
    }
  });

  it('refuses a batched read across two hash tags, as it must', async () => {
    const redis = api!.app.get(ReadModels).redis;
    const [stats, directory] = await Promise.all([
      activeKeyspace(redis, 'recognitionStats'),
      activeKeyspace(redis, 'directory'),
    ]);
    const batched = new BatchedReads(redis);

    await expect(batched.zintercard(stats.key('a'), directory.key('b'))).rejects.toThrow(/CROSSSLOT/);
    await expect(batched.zintercard(stats.key('a'), stats.key('b'))).resolves.toBe(0);
  });

  // The projector publishes through its cluster client, the api subscribes through its own: any node relays.
  it('streams a kudos to a wall live, through the pub/sub of the cluster', async () => {
    const teamId = (await api!.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Wall' } })).body
      .teamId;
    const [from, to] = [await api!.enrol(['agent'], teamId), await api!.enrol(['agent'], teamId)];
    await api!.app.listen({ port: 0, host: '127.0.0.1' });
    const wall = await SseClient.open(`${await api!.app.getUrl()}/v1/walls/org/stream`, {
      authorization: `Bearer ${await api!.tokenFor(admin)}`,
    });
    expect(wall.status).toBe(200);
    let kudosId: string | undefined;
    // The directory projection may not have the two enrolled yet: kudos go to active people only.
    for (const deadline = Date.now() + 15_000; !kudosId && Date.now() < deadline;) {
      const sent = await api!.request({
        method: 'POST',
        url: '/v1/kudos',
        as: from,
        body: { to: [to.personId], message: 'Seen on every floor', values: ['teamwork'], visibility: 'public' },
      });
      if (sent.status === 201) kudosId = sent.body.kudosId;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await wall.until(() => wall.events.some((event) => JSON.parse(event.data).kudosId === kudosId), 15_000);
    wall.close();
    expect(wall.events.map((event) => JSON.parse(event.data).kudosId)).toEqual([kudosId]);
  });

  it('rebuilds every projection on the cluster into the same model, and drops the versions replaced', async () => {
    // One projector rebuilds: two would each switch to the new version and drop the one they replaced.
    await projectors.pop()!.close();
    const redis = api!.app.get(ReadModels).redis;
    // The answers above recorded the officer's reads: the model to rebuild is the one with them applied.
    for (const deadline = Date.now() + 30_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const { body } = await api!.request({ method: 'GET', url: '/v1/projections', as: admin });
      if (body.projections.every(({ serving }: { serving: { lagEvents: number } }) => serving.lagEvents === 0)) break;
      if (Date.now() > deadline) throw new Error('The projections did not catch up with the recorded reads');
    }
    const before = { heads: await checkpoints(redis), model: await dump(redis) };
    for (const { name } of ALL_PROJECTIONS) {
      const response = await api!.request({ method: 'POST', url: `/v1/projections/${name}/rebuild`, as: admin });
      expect(response.status).toBe(202);
    }

    for (const deadline = Date.now() + 90_000; ;) {
      const progress = await Promise.all(
        ALL_PROJECTIONS.map(async ({ name }, i) => {
          const serving = await activeKeyspace(redis, name);
          const checkpoint = await redis.get(serving.key('checkpoint'));
          let replaced = 0;
          for await (const keys of scanKeys(redis, `${redis.options.keyPrefix}rm:${new Keyspace(name, 1).tag}:*`))
            replaced += keys.length;
          return { name, generation: serving.generation, atHead: checkpoint === before.heads[i], replaced };
        }),
      );
      const waiting = progress.filter(
        ({ generation, atHead, replaced }) => generation !== 2 || !atHead || replaced > 0,
      );
      if (waiting.length === 0) break;
      if (Date.now() > deadline) throw new Error(`The rebuilds did not finish: ${JSON.stringify(waiting)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const rebuilt = new Map(
      [...(await dump(redis))]
        .filter(([key]) => key !== 'rm:generations')
        .map(([key, held]) => [key.replace(/\{(\w+)\.v2\}/, '{$1.v1}'), held.replace(/\{(\w+)\.v2\}/g, '{$1.v1}')]),
    );
    const replaced = new Map([...before.model].filter(([key]) => key !== 'rm:generations'));
    expect(keysByTag(rebuilt)).toEqual(keysByTag(replaced));
    expect(differences(rebuilt, replaced)).toEqual([]);
  }, 120_000);
});
