import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { Client, Pool } from 'pg';
import { encodeLogPosition } from '@frontline/event-store';
import { activeKeyspace } from '@frontline/read-models';
import { type Sample, alternate, atMost, percentile, row } from '../harness';
import { commandRequest } from '../load';
import type { Scenario } from '../scenario';
import type { Person } from '../stack';

const RATE = 1_000;

/**
 * How long after its 201 a kudos shows in the org feed, at 1,000 commands/s. The feed's
 * checkpoint moves in the same script that writes the feed, so a kudos is in the feed from
 * the first moment its checkpoint covers the event's position; the checkpoint is sampled
 * every millisecond. Baseline: the floor under it, PostgreSQL telling a LISTENer about a
 * committed row at the same rate (the projector is woken the same way).
 */
export const projectionLag: Scenario = {
  name: 'projection-lag',
  async run({ stack, size }) {
    const team = await stack.createTeam('Projection lag');
    const people = await Promise.all(Array.from({ length: 32 }, () => stack.enrol(['agent'], team)));
    const redis = new Redis(stack.redisUrl, { keyPrefix: stack.env.REDIS_KEY_PREFIX });
    const database = new Pool({ connectionString: stack.databaseUrl, max: 16 });
    try {
      const feedCheckpoint = (await activeKeyspace(redis, 'recognitionFeed')).key('checkpoint');
      const measured = await alternate({
        rounds: 1,
        baseline: { label: 'PostgreSQL NOTIFY', run: ({ warmUp }) => notifyLag(database, warmUp ? 2 : size(20, 3)) },
        project: {
          label: 'kudos → feed',
          run: ({ warmUp }) => feedLag(stack.url, people, redis, feedCheckpoint, database, warmUp ? 3 : size(60, 5)),
        },
      });
      return [
        row(
          `Projection lag, ${RATE} commands/s offered`,
          measured,
          'p99',
          'ms',
          (_, project) => [atMost('p50', project.p50, 20), atMost('p99', project.p99, 100)],
          [
            `${Math.round(measured.project.median.commandsPerS)} commands/s were answered 201: the rest of the offered rate is what the api could not take`,
          ],
        ),
      ];
    } finally {
      redis.disconnect();
      await database.end();
    }
  },
};

async function feedLag(
  url: string,
  people: Person[],
  redis: Redis,
  checkpointKey: string,
  database: Pool,
  seconds: number,
): Promise<Sample> {
  const answeredAt = new Map<string, number>();
  const watching = watchCheckpoint(redis, checkpointKey);
  const thanks = (_: Person, to: Person) => ({
    to: [to.personId],
    message: 'Thanks for the handover',
    values: ['teamwork'],
    visibility: 'public',
  });
  await autocannon({
    url,
    connections: 32,
    overallRate: RATE,
    duration: seconds,
    requests: [
      {
        ...commandRequest('/v1/kudos', people, thanks),
        onResponse: (status, body) => {
          if (status === 201) answeredAt.set((JSON.parse(body) as { kudosId: string }).kudosId, performance.now());
        },
      },
    ],
  });
  await sleep(1_000); // lets the last kudos reach the feed
  const samples = await watching.stop();

  const { rows } = await database.query<{ kudos_id: string; xid: string; position: string }>(
    `SELECT data->>'kudosId' AS kudos_id, transaction_id::text AS xid, position::text FROM eventstore.events
      WHERE event_type = 'KudosSent' AND data->>'kudosId' = ANY($1)`,
    [[...answeredAt.keys()]],
  );
  const lags = rows.map((event) => {
    const answered = answeredAt.get(event.kudos_id)!;
    const visibleAt = firstSampleCovering(
      samples,
      answered,
      encodeLogPosition('pg', BigInt(event.xid), BigInt(event.position)),
    );
    return visibleAt - answered;
  });
  return { p50: percentile(lags, 50), p99: percentile(lags, 99), commandsPerS: lags.length / seconds };
}

interface CheckpointSample {
  at: number;
  checkpoint: string;
}

/** Reads the checkpoint about every millisecond, keeping when each answer arrived. */
export function watchCheckpoint(redis: Redis, key: string) {
  const samples: CheckpointSample[] = [];
  const stopped = new AbortController();
  const loop = (async () => {
    while (!stopped.signal.aborted) {
      const checkpoint = (await redis.get(key)) ?? '';
      samples.push({ at: performance.now(), checkpoint });
      await sleep(1);
    }
  })();
  return {
    async stop() {
      stopped.abort();
      await loop;
      return samples;
    },
  };
}

/** The first sample taken after `after` whose checkpoint covers `position` (samples and checkpoints both only grow). */
export function firstSampleCovering(samples: CheckpointSample[], after: number, position: string): number {
  let i = lowerBound(samples, (sample) => sample.at >= after);
  i += lowerBound(samples.slice(i), (sample) => sample.checkpoint >= position);
  if (i >= samples.length) throw new Error(`position ${position} never reached the feed`);
  return samples[i].at;
}

function lowerBound<T>(items: T[], reached: (item: T) => boolean): number {
  let [low, high] = [0, items.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reached(items[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A row committed with a NOTIFY, RATE times a second: how long after the commit's acknowledgement the listener hears of it. */
async function notifyLag(database: Pool, seconds: number): Promise<Sample> {
  await database.query('CREATE TABLE IF NOT EXISTS bench_notified (id uuid PRIMARY KEY)');
  const listener = new Client({ connectionString: database.options.connectionString });
  await listener.connect();
  const heardAt = new Map<string, number>();
  listener.on('notification', ({ payload }) => heardAt.set(payload!, performance.now()));
  await listener.query('LISTEN bench_notified');
  const committedAt = new Map<string, number>();
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < seconds * RATE; i++) {
    const wait = started + (i * 1_000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    const id = randomUUID();
    pending.push(
      database
        .query(
          `WITH row AS (INSERT INTO bench_notified VALUES ($1) RETURNING id) SELECT pg_notify('bench_notified', id::text) FROM row`,
          [id],
        )
        .then(() => void committedAt.set(id, performance.now())),
    );
  }
  await Promise.all(pending);
  await sleep(200);
  await listener.end();
  await database.query('TRUNCATE bench_notified');
  const lags = [...committedAt].map(([id, at]) => Math.max(0, heardAt.get(id)! - at));
  return { p50: percentile(lags, 50), p99: percentile(lags, 99), commandsPerS: lags.length / seconds };
}
