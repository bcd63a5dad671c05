import { randomBytes, randomUUID } from 'node:crypto';
import { InMemoryEventStore, type NewEvent } from '@frontline/event-store';
import { TEST_REDIS_URL } from '@frontline/testing';
import { Redis } from 'ioredis';
import { LogFeed } from './log-feed';
import type { DomainEvent } from '@frontline/decider';
import { Keyspace, defineProjection } from './projection';
import { ProjectionRunner } from './projection-runner';

const counted = (type: string, data: object = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), causationId: randomUUID(), actorId: 'test', schemaVersion: 1 },
});

type Counted = DomainEvent<'Counted', { broken?: boolean; by?: string | number }>;
type Ignored = DomainEvent<'Ignored'>;
const countKey = (keys: Keyspace) => ({ count: keys.key('count') });

/** Counts events, by one or by what they say, and cannot apply one marked broken: it reads `Counted` only. */
const counter = defineProjection<Counted | Ignored, { count: string }>({
  name: 'counter',
  layout: countKey,
  on: {
    Counted: ({ data: { broken, by = 1 } }, keys) => {
      if (broken) throw new Error('cannot count this one');
      return [['INCRBY', keys.count, by]];
    },
  },
});

/** Counts the events the counter ignores. */
const ignoredCounter = defineProjection<Counted | Ignored, { count: string }>({
  name: 'ignoredCounter',
  layout: countKey,
  on: { Ignored: (_, keys) => [['INCRBY', keys.count, 1]] },
});

describe('projection runner', () => {
  let redis: Redis;
  let store: InMemoryEventStore;
  const keys = new Keyspace('counter', 1);

  beforeEach(() => {
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: `test:${randomBytes(4).toString('hex')}:` });
    store = new InMemoryEventStore();
  });
  afterEach(async () => {
    const prefix = redis.options.keyPrefix!;
    const raw = redis.duplicate({ keyPrefix: '' });
    const found = await raw.keys(`${prefix}*`);
    if (found.length > 0) await raw.del(...found);
    raw.disconnect();
    redis.disconnect();
  });

  async function expectEventually(condition: () => Promise<boolean>): Promise<void> {
    for (const deadline = Date.now() + 5_000; !(await condition());) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('applies what it follows, live, and resumes from its checkpoint after a restart', async () => {
    await store.appendToStream('c-1', [counted('Counted'), counted('Ignored'), counted('Counted')], {
      expectedRevision: 'any',
    });
    const first = new ProjectionRunner(store, redis, counter, keys).start();
    await expectEventually(async () => (await redis.get(keys.key('count'))) === '2');
    await first.stop();

    await store.appendToStream('c-1', [counted('Counted')], { expectedRevision: 'any' });
    const second = new ProjectionRunner(store, redis, counter, keys).start();
    await expectEventually(async () => (await redis.get(keys.key('count'))) === '3');
    await store.appendToStream('c-1', [counted('Counted')], { expectedRevision: 'any' });
    await expectEventually(async () => (await redis.get(keys.key('count'))) === '4');
    await second.stop();
  });

  it('stops at an event it cannot apply, says which, and never skips it', async () => {
    const broken = counted('Counted', { broken: true });
    // One append, so the good event and the broken one arrive in the same batch.
    await store.appendToStream('c-1', [counted('Counted'), broken, counted('Counted')], { expectedRevision: 'any' });
    const runner = new ProjectionRunner(store, redis, counter, keys).start();

    await expectEventually(async () => (await redis.hget(keys.key('status'), 'state')) === 'failed');
    await runner.stop();

    const status = await redis.hgetall(keys.key('status'));
    expect(JSON.parse(status.failedEvent)).toMatchObject({ id: broken.id, type: 'Counted', streamName: 'c-1' });
    expect(status.error).toBe('cannot count this one');
    expect(runner.state).toBe('failed');
    // Nothing at or after the broken event was applied, and the checkpoint stays before it.
    expect(await redis.get(keys.key('count'))).toBe('1');
    const [before] = await store.readStream('c-1');
    expect(await redis.get(keys.key('checkpoint'))).toBe(before.position);
  });

  it('stops right before an event Redis would refuse to count, writes nothing of it and does not retry it', async () => {
    const overflowing = counted('Counted', { by: '9223372036854775807' });
    // One append, so that the events before and after the overflowing one arrive in its batch.
    await store.appendToStream('c-1', [counted('Counted'), counted('Counted'), overflowing, counted('Counted')], {
      expectedRevision: 'any',
    });
    const runner = new ProjectionRunner(store, redis, counter, keys).start();

    await expectEventually(async () => (await redis.hget(keys.key('status'), 'state')) === 'failed');
    // Longer than the runner waits before it retries what failed.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await runner.stop();

    const status = await redis.hgetall(keys.key('status'));
    expect(JSON.parse(status.failedEvent)).toMatchObject({ id: overflowing.id, position: expect.any(String) });
    expect(status.error).toMatch(/INCRBY .*count/);
    expect(runner.state).toBe('failed');
    expect(await redis.get(keys.key('count'))).toBe('2');
    const [, second] = await store.readStream('c-1');
    expect(await redis.get(keys.key('checkpoint'))).toBe(second.position);
  });

  it('reads the log once for the runners of a feed, each applying its own types', async () => {
    const subscribe = jest.spyOn(store, 'subscribeToAll');
    await store.appendToStream('c-1', [counted('Counted'), counted('Ignored'), counted('Counted')], {
      expectedRevision: 'any',
    });
    const feed = new LogFeed(store, undefined);
    const ignoredKeys = new Keyspace('ignoredCounter', 1);
    const runners = [
      new ProjectionRunner(store, redis, counter, keys, { feed }).start(),
      new ProjectionRunner(store, redis, ignoredCounter, ignoredKeys, { feed }).start(),
    ];
    feed.start();
    await expectEventually(async () => (await redis.get(keys.key('count'))) === '2');
    await store.appendToStream('c-1', [counted('Ignored')], { expectedRevision: 'any' });
    await expectEventually(async () => (await redis.get(ignoredKeys.key('count'))) === '2');

    expect(subscribe).toHaveBeenCalledTimes(1);
    await Promise.all(runners.map((runner) => runner.stop()));
    await feed.stop();
  });

  it('applies every event once when a second runner writes the same generation', async () => {
    for (let i = 0; i < 20; i++) {
      await store.appendToStream(
        `c-${i}`,
        Array.from({ length: 50 }, () => counted('Counted')),
        {
          expectedRevision: 'any',
        },
      );
    }
    const feed = new LogFeed(store, undefined);
    const runners = [
      new ProjectionRunner(store, redis, counter, keys, { feed }).start(),
      new ProjectionRunner(store, redis, counter, keys).start(),
    ];
    feed.start();
    const [last] = await store.readStream('c-19', { fromRevision: 49n });
    await expectEventually(async () => (await redis.get(keys.key('checkpoint'))) === last.position);
    await Promise.all(runners.map((runner) => runner.stop()));
    await feed.stop();

    expect(await redis.get(keys.key('count'))).toBe('1000');
  });
});
