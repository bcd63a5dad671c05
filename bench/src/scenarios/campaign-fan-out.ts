import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { WEBHOOK_DELIVERY_ATTEMPTS, WEBHOOK_DELIVERY_CONCURRENCY } from '@frontline/notifications';
import { CpuMeter, cpuNote } from '../cpu';
import { type Sample, alternate, atLeast, row } from '../harness';
import type { BenchContext, Scenario } from '../scenario';
import type { Stack } from '../stack';

/**
 * A Customer Service Week announcement to N people, each with a webhook of their own, through
 * the real path: the campaign step runs at its instant, publishes one delivery job per
 * webhook, and the worker signs, checks the target, POSTs to a loopback receiver and records
 * every attempt as an event. Baseline: a no-op BullMQ worker on the same Redis, with the same
 * concurrency and job options, going through the same number of jobs, enqueued the same way.
 * Both are timed from the first enqueue to the last job done.
 */
export const campaignFanOut: Scenario = {
  name: 'campaign-fan-out',
  async run({ stack, size, log }: BenchContext) {
    const people = size(10_000, 1_000);
    const receiver = await Receiver.start();
    try {
      log(`registering ${people} webhooks`);
      await registerWebhooks(stack, receiver.url, people);
      const hr = await stack.token(randomUUID(), ['hr']);
      const measured = await alternate({
        rounds: size(2, 1),
        baseline: { label: 'no-op BullMQ worker', run: () => noOpJobs(stack, people) },
        project: { label: 'webhooks', run: () => announce(stack, hr, receiver, people) },
      });
      return [
        row(
          `Campaign fan-out to ${people.toLocaleString('en')} webhooks`,
          measured,
          'perSecond',
          'jobs/s',
          (ratio) => [atLeast('ratio', ratio, 0.5)],
          [cpuNote('job', measured)],
        ),
      ];
    } finally {
      await receiver.stop();
    }
  },
};

async function registerWebhooks(stack: Stack, url: string, count: number): Promise<void> {
  const admin = await stack.adminToken();
  let next = 0;
  const register = async () => {
    for (let i = next++; i < count; i = next++)
      await stack.request('POST', '/v1/webhooks', admin, {
        url: `${url}/people/${i}`,
        eventTypes: ['AnnouncementPublished'],
      });
  };
  await Promise.all(Array.from({ length: 32 }, register));
  // A publish reaches the webhooks the worker has indexed, so wait until it knows them all.
  const queueRedis = new Redis(stack.queueRedisUrl, { keyPrefix: stack.env.REDIS_KEY_PREFIX });
  try {
    while ((await queueRedis.scard('webhooks:subscribed:AnnouncementPublished')) < count) await sleep(100);
  } finally {
    queueRedis.disconnect();
  }
}

/** Plans a one-day campaign opening in a few seconds and times its announcement from that instant to the last delivery. */
async function announce(stack: Stack, hr: string, receiver: Receiver, people: number): Promise<Sample> {
  const opens = await wholeSecondSoon(3_000);
  const time = (instant: Date) => instant.toISOString().slice(11, 19);
  receiver.expect(people);
  await stack.request('POST', '/v1/campaigns', hr, {
    kind: 'customer_service_week',
    name: 'Bench week',
    timezone: 'UTC',
    days: [
      {
        date: opens.toISOString().slice(0, 10),
        theme: 'Thank you',
        activities: ['Thank-you wall'],
        announcement: 'Customer Service Week starts now: thank you for everything you do.',
        opensAt: time(opens),
        closesAt: time(new Date(opens.getTime() + 2_000)),
      },
    ],
  });
  // From the campaign's acceptance: the few idle seconds before it opens are counted too.
  const cpu = CpuMeter.start(stack);
  const lastDelivered = await receiver.allArrived();
  return { perSecond: (people * 1_000) / (lastDelivered - opens.getTime()), ...cpu.perUnit(people) };
}

/** A whole second at least `ms` from now, on a UTC date that lasts long enough for the campaign's day. */
async function wholeSecondSoon(ms: number): Promise<Date> {
  const soon = () => new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
  while (soon().toISOString().slice(0, 10) !== new Date(soon().getTime() + 10_000).toISOString().slice(0, 10))
    await sleep(500);
  return soon();
}

async function noOpJobs(stack: Stack, count: number): Promise<Sample> {
  const connection = { url: stack.queueRedisUrl };
  const name = `bench-no-op-${randomUUID()}`;
  const queue = new Queue(name, { connection, prefix: 'bench' });
  let done = 0;
  const allDone = Promise.withResolvers<number>();
  const worker = new Worker(name, async () => undefined, {
    connection,
    prefix: 'bench',
    concurrency: WEBHOOK_DELIVERY_CONCURRENCY,
  });
  worker.on('completed', () => ++done === count && allDone.resolve(Date.now()));
  await worker.waitUntilReady();
  try {
    const cpu = CpuMeter.start(stack);
    const started = Date.now();
    await queue.addBulk(
      Array.from({ length: count }, (_, i) => ({
        name: 'AnnouncementPublished',
        data: { webhookId: randomUUID(), message: { id: name, type: 'AnnouncementPublished', text: 'x', data: { i } } },
        opts: {
          jobId: `${name}@${i}`,
          attempts: WEBHOOK_DELIVERY_ATTEMPTS,
          backoff: { type: 'exponential', delay: 30_000 },
          removeOnComplete: { age: 7 * 24 * 3600 },
        },
      })),
    );
    return { perSecond: (count * 1_000) / ((await allDone.promise) - started), ...cpu.perUnit(count) };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** The people's side of the webhooks: answers 204 at once and notes when the expected number has arrived. */
class Receiver {
  private expected = 0;
  private received = 0;
  private arrived = Promise.withResolvers<number>();

  private constructor(private readonly server: Server) {
    server.on('request', (request, response) => {
      request.resume().on('end', () => {
        response.writeHead(204).end();
        if (++this.received === this.expected) this.arrived.resolve(Date.now());
      });
    });
  }

  static async start(): Promise<Receiver> {
    const server = createServer({ keepAlive: true });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new Receiver(server);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  expect(count: number): void {
    this.expected = count;
    this.received = 0;
    this.arrived = Promise.withResolvers<number>();
  }

  allArrived(): Promise<number> {
    return this.arrived.promise;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
  }
}
