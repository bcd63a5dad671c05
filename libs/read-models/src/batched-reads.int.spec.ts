import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '@frontline/testing';
import { BatchedReads } from './batched-reads';

describe('BatchedReads', () => {
  let redis: Redis;
  let reads: BatchedReads;

  beforeAll(async () => {
    redis = new Redis(TEST_REDIS_URL, {
      keyPrefix: `test:${randomBytes(4).toString('hex')}:`,
      enableAutoPipelining: true,
    });
    reads = new BatchedReads(redis);
    await redis
      .multi()
      .sadd('{t}:team', 'ana', 'ben')
      .hset('{t}:person', 'name', 'Ana', 'team', 't1')
      .zadd('{t}:acks', 30, 'i3', 10, 'i1', 20, 'i2')
      .sadd('{t}:closed', 'i1', 'i3', 'i9')
      .exec();
  });

  afterAll(async () => {
    await redis.del('{t}:team', '{t}:person', '{t}:acks', '{t}:closed', '{t}:plain');
    redis.disconnect();
  });

  it('answers reads of one hash tag asked for in one tick with one script call, each as ioredis would', async () => {
    const calls = jest.spyOn(redis, 'readMany');

    const answers = await Promise.all([
      reads.scard('{t}:team'),
      reads.smembers('{t}:team').then((members) => members.sort()),
      reads.hget('{t}:person', 'name'),
      reads.hget('{t}:person', 'missing'),
      reads.hmget('{t}:person', 'team', 'missing', 'name'),
      reads.hgetall('{t}:person'),
      reads.hgetall('{t}:nobody'),
      reads.zcard('{t}:acks'),
      reads.zrange('{t}:acks', 0, 1),
      reads.zrange('{t}:acks', 1, 1, true),
      reads.zintercard('{t}:acks', '{t}:closed'),
    ]);

    expect(answers).toEqual([
      2,
      ['ana', 'ben'],
      'Ana',
      null,
      ['t1', null, 'Ana'],
      { name: 'Ana', team: 't1' },
      {},
      3,
      ['i1', 'i2'],
      ['i2', '20'],
      2,
    ]);
    expect(calls).toHaveBeenCalledTimes(1);
    calls.mockRestore();
  });

  it('sends one script per hash tag, declaring its keys, and a command whose keys span tags on its own', async () => {
    await redis.sadd('{u}:team', 'cy');
    const calls = jest.spyOn(redis, 'readMany');

    const answers = await Promise.all([
      reads.scard('{t}:team'),
      reads.smembers('{u}:team'),
      reads.hget('{t}:person', 'name'),
      reads.zintercard('{t}:team', '{u}:team'),
    ]);

    expect(answers).toEqual([2, ['cy'], 'Ana', 0]);
    expect(calls.mock.calls.map(([count, ...rest]) => rest.slice(0, count))).toEqual([
      ['{t}:team', '{t}:person'],
      ['{u}:team'],
      ['{t}:team', '{u}:team'],
    ]);
    calls.mockRestore();
    await redis.del('{u}:team');
  });

  it('reads asked for after an answer go in a call of their own', async () => {
    const calls = jest.spyOn(redis, 'readMany');

    const size = await reads.scard('{t}:team');
    const name = await reads.hget('{t}:person', 'name');

    expect([size, name]).toEqual([2, 'Ana']);
    expect(calls).toHaveBeenCalledTimes(2);
    calls.mockRestore();
  });

  it('fails every read of a call that fails', async () => {
    await redis.set('{t}:plain', 'not a set');

    const answers = await Promise.allSettled([reads.scard('{t}:team'), reads.scard('{t}:plain')]);

    expect(answers.map(({ status }) => status)).toEqual(['rejected', 'rejected']);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toMatch(/WRONGTYPE/);
  });
});
