import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { encodeLogPosition } from '@frontline/event-store';
import { activeKeyspace } from '@frontline/read-models';
import { SseClient } from '@frontline/testing';
import { type Row, atMost, medians, percentile, row } from '../harness';
import { commandRequest } from '../load';
import type { Scenario } from '../scenario';
import { type Person, Stack } from '../stack';
import { firstSampleCovering, watchCheckpoint } from './projection-lag';

const CONNECTIONS = 2_000;
const RATE = 200;
/** The api lets a person hold this many streams (LIVE_STREAMS_PER_PERSON), and a wall token as many screens. */
const STREAMS_EACH = 5;

/** What one client saw: events in order, none twice (ids only grow), and how many. */
interface Seen {
  last: string;
  count: number;
  repeated: number;
}

/**
 * 2,000 SSE connections to one api, half personal streams (`/v1/me/stream`), half the org wall
 * with wall tokens, while kudos are sent at 200/s: from each kudos' 201 to its arrival at every
 * wall client, beside the projection lag of the same kudos (its feed checkpoint covering it), the
 * floor a live update cannot beat. Every kudos is public, so every client must see every one,
 * once: any client that saw fewer, or one twice, is counted.
 */
export const liveStreams: Scenario = {
  name: 'live-streams',
  // A stack of its own: 2,000 streams and their people would weigh on the scenarios after it.
  ownStacks: true,
  async run({ size, log }) {
    const stack = new Stack({
      database: 'frontline_bench_live',
      redisDatabase: 14,
      keyPrefix: 'bench-live:',
      port: 3904,
      appsMayDie: true,
    });
    stack.reset();
    await stack.start();
    try {
      return await measure(stack, size(30, 5), log);
    } finally {
      await stack.stop();
    }
  },
};

async function measure(stack: Stack, seconds: number, log: (message: string) => void): Promise<Row[]> {
  const teams = await Promise.all([1, 2, 3, 4].map((n) => stack.createTeam(`Live ${n}`)));
  const people: Person[] = [];
  for (let i = 0; i < CONNECTIONS / 2 / STREAMS_EACH; i += 25)
    people.push(
      ...(await Promise.all(Array.from({ length: 25 }, (_, j) => stack.enrol(['agent'], teams[(i + j) % 4])))),
    );
  const hr = await stack.enrol(['hr'], teams[0]);
  const wallTokens: string[] = [];
  for (let i = 0; i < CONNECTIONS / 2 / STREAMS_EACH; i++)
    wallTokens.push(
      (await stack.request<{ token: string }>('POST', '/v1/walls/tokens', hr.token, { wall: 'org' })).token,
    );
  await stack.projectionsCaughtUp();

  const redis = new Redis(stack.redisUrl, { keyPrefix: stack.env.REDIS_KEY_PREFIX });
  const database = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  const clients: { client: SseClient; seen: Seen; wall: boolean }[] = [];
  /** Arrival times (performance.now) at wall clients, by event id. */
  const arrivals = new Map<string, number[]>();
  try {
    stack.resetPeakRss('api');
    for (let i = 0; i < CONNECTIONS; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, async (_, j) => {
          const n = i + j;
          const wall = n % 2 === 0;
          const client = wall
            ? await SseClient.open(
                `${stack.url}/v1/walls/org/stream?token=${wallTokens[(n >> 1) % wallTokens.length]}`,
                {},
                { keep: false },
              )
            : await SseClient.open(
                `${stack.url}/v1/me/stream`,
                { authorization: `Bearer ${people[(n >> 1) % people.length].token}` },
                { keep: false },
              );
          if (client.status !== 200) throw new Error(`stream ${n} answered ${client.status}: ${client.body}`);
          const seen: Seen = { last: '', count: 0, repeated: 0 };
          client.onEvent = ({ id = '' }) => {
            const at = performance.now();
            if (id <= seen.last) seen.repeated++;
            seen.last = id;
            seen.count++;
            if (wall) (arrivals.get(id) ?? arrivals.set(id, []).get(id)!).push(at);
          };
          clients.push({ client, seen, wall });
        }),
      );
    }
    log(`${clients.length} streams open`);

    const checkpoint = (await activeKeyspace(redis, 'recognitionFeed')).key('checkpoint');
    const watching = watchCheckpoint(redis, checkpoint);
    const answeredAt = await sendKudos(stack, people, seconds);
    // Late is not lost: wait while events still arrive (2 minutes at most); what never comes is lost.
    const received = () => clients.reduce((sum, { seen }) => sum + seen.count, 0);
    for (let before = -1, deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(5_000)) {
      if (clients.every(({ seen }) => seen.count >= answeredAt.size) || received() === before) break;
      before = received();
    }
    const samples = await watching.stop();
    const rssMb = stack.peakRssMb('api');

    const { rows } = await database.query<{ kudos_id: string; xid: string; position: string }>(
      `SELECT data->>'kudosId' AS kudos_id, transaction_id::text AS xid, position::text FROM eventstore.events
          WHERE event_type = 'KudosSent' AND data->>'kudosId' = ANY($1)`,
      [[...answeredAt.keys()]],
    );
    const delivery: number[] = [];
    const lag: number[] = [];
    for (const event of rows) {
      const answered = answeredAt.get(event.kudos_id)!;
      const position = encodeLogPosition('pg', BigInt(event.xid), BigInt(event.position));
      lag.push(firstSampleCovering(samples, answered, position) - answered);
      for (const at of arrivals.get(`kudos=${position}`) ?? []) delivery.push(at - answered);
    }
    // Every client was open before the first kudos and saw every one (all are public), once.
    const expected = rows.length;
    const lost = clients.filter(({ seen }) => seen.count < expected).length;
    const repeated = clients.filter(({ seen }) => seen.repeated > 0 || seen.count > expected).length;
    const missedArrivals = expected * (CONNECTIONS / 2) - delivery.length;
    const project = { p50: percentile(delivery, 50), p99: percentile(delivery, 99), rssMb, lost, repeated };
    const baseline = { p50: percentile(lag, 50), p99: percentile(lag, 99) };
    return [
      row(
        `Live streams: ${CONNECTIONS} SSE connections, kudos at ${RATE}/s, 201 → every wall`,
        { baseline: medians('projection lag', [baseline]), project: medians('201 → wall client', [project]) },
        'p99',
        'ms',
        (_, measured) => [
          atMost('p99 ms', measured.p99, 250),
          atMost('api MB', measured.rssMb, 250),
          atMost('clients that lost one', measured.lost, 0),
          atMost('clients that saw one twice', measured.repeated, 0),
        ],
        [
          `${expected} kudos answered 201 in ${seconds} s; p50 ${project.p50.toFixed(1)} ms (projection lag p50 ${baseline.p50.toFixed(1)} ms); ${missedArrivals} wall arrivals missing`,
        ],
      ),
    ];
  } finally {
    for (const { client } of clients) client.close();
    redis.disconnect();
    await database.end();
  }
}

/** Public kudos at RATE/s for `seconds`: when each was answered 201 (performance.now), by kudos id. */
async function sendKudos(stack: Stack, people: Person[], seconds: number): Promise<Map<string, number>> {
  const answeredAt = new Map<string, number>();
  await autocannon({
    url: stack.url,
    connections: 16,
    overallRate: RATE,
    duration: seconds,
    requests: [
      {
        ...commandRequest('/v1/kudos', people, (_, to) => ({
          to: [to.personId],
          message: 'Thanks for covering the queue',
          values: ['teamwork'],
          visibility: 'public',
        })),
        onResponse: (status, body) => {
          if (status === 201) answeredAt.set((JSON.parse(body) as { kudosId: string }).kudosId, performance.now());
        },
      },
    ],
  });
  return answeredAt;
}
