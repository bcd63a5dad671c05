import { WorkerHost } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { campaignStream } from '@frontline/campaigns';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { after, dayBetween, secondsFromNow, sleepUntil } from './support/campaign-timing';
import { TestRedisServer } from './support/redis-server';
import { type TestApi, person, startTestApi } from './support/test-api';
import { eventually } from './support/webhooks';

const STEPS = [
  'start',
  'day-1-open',
  'day-1-announce',
  'kudos-wall',
  'day-1-headlines',
  'day-2-open',
  'day-2-announce',
  'day-2-headlines',
  'badges',
  'badges', // two badges, one event each
  'final-headlines',
  'close',
];

/** Closes a worker context as a crash would, without waiting for its BullMQ workers' jobs or blocking reads. */
async function crash(context: INestApplicationContext): Promise<void> {
  const processors = context
    .get(DiscoveryService, { strict: false })
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
  await Promise.all(processors.map((processor) => processor.worker.close(true)));
  await context.close();
}

describe('campaign steps across a queue Redis restart', () => {
  let queueRedis: TestRedisServer;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  const hr = person(['hr']);

  const startWorker = async () => {
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config), { logger: false });
    await context.init();
    return context;
  };
  const stepsRun = async (campaignId: string) =>
    (await api.app.get<EventStore>(EVENT_STORE, { strict: false }).readStream(campaignStream(campaignId))).flatMap(
      (event) => ((event.data as { step?: string }).step ? [(event.data as { step: string }).step] : []),
    );
  const queueKeys = async () => {
    const client = new Redis(queueRedis.url);
    try {
      return await client.keys(`${api.config.REDIS_KEY_PREFIX}*`);
    } finally {
      client.disconnect();
    }
  };

  beforeAll(async () => {
    queueRedis = await TestRedisServer.start();
    api = await startTestApi('campaign_faults', { QUEUE_REDIS_URL: queueRedis.url });
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await queueRedis?.stop();
  });

  it('runs every step once when the queue Redis loses its jobs and the worker restarts', async () => {
    const opens = await secondsFromNow(3_000, 15_000);
    const days = [
      dayBetween(opens, after(opens, 5_000), 'Kick-off', 'Day one'),
      dayBetween(after(opens, 6_000), after(opens, 8_000), 'Celebration', 'Day two'),
    ];
    const planned = await api.request({
      method: 'POST',
      url: '/v1/campaigns',
      as: hr,
      body: { kind: 'customer_service_week', name: 'Fault', timezone: 'UTC', days },
    });
    expect(planned.status).toBe(201);
    const { campaignId } = planned.body as { campaignId: string };
    await eventually('day 1 under way', async () => (await stepsRun(campaignId)).includes('kudos-wall'));
    expect((await queueKeys()).some((key) => key.includes(`campaign:${campaignId}:day-1-headlines`))).toBe(true);

    // The queue Redis goes away with every pending job, the index and the reactor checkpoints,
    // and stays away past the day-1 headlines.
    await queueRedis.stop();
    await sleepUntil(after(opens, 5_500));
    await queueRedis.restart();
    expect(await queueKeys()).toEqual([]);
    expect(await stepsRun(campaignId)).toEqual(STEPS.slice(0, 4));

    // The old worker goes as a crash would take it: its BullMQ workers stop without waiting for
    // blocking reads begun before the restart (a graceful close waits on those for a long time).
    await crash(worker!);
    worker = await startWorker();
    await eventually('the close', async () => (await stepsRun(campaignId)).includes('close'), 20_000);
    expect(await stepsRun(campaignId)).toEqual(STEPS);
  }, 45_000);
});
