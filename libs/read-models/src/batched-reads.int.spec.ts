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
      .sadd('team', 'ana', 'ben')
      .hset('person', 'name', 'Ana', 'team', 't1')
      .zadd('acks', 30, 'i3', 10, 'i1', 20, 'i2')
      .sadd('closed', 'i1', 'i3', 'i9')
      .exec();
  });

  afterAll(async () => {
    await redis.del('team', 'person', 'acks', 'closed', 'plain');
    redis.disconnect();
  });

  it('answers reads asked for in one tick with one script call, each as ioredis would', async () => {
    const calls = jest.spyOn(redis, 'readMany');

    const answers = await Promise.all([
      reads.scard('team'),
      reads.smembers('team').then((members) => members.sort()),
      reads.hget('person', 'name'),
      reads.hget('person', 'missing'),
      reads.hmget('person', 'team', 'missing', 'name'),
      reads.hgetall('person'),
      reads.hgetall('nobody'),
      reads.zcard('acks'),
      reads.zrange('acks', 0, 1),
      reads.zrange('acks', 1, 1, true),
      reads.zintercard('acks', 'closed'),
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

  it('reads asked for after an answer go in a call of their own', async () => {
    const calls = jest.spyOn(redis, 'readMany');

    const size = await reads.scard('team');
    const name = await reads.hget('person', 'name');

    expect([size, name]).toEqual([2, 'Ana']);
    expect(calls).toHaveBeenCalledTimes(2);
    calls.mockRestore();
  });

  it('fails every read of a call that fails', async () => {
    await redis.set('plain', 'not a set');

    const answers = await Promise.allSettled([reads.scard('team'), reads.scard('plain')]);

    expect(answers.map(({ status }) => status)).toEqual(['rejected', 'rejected']);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toMatch(/WRONGTYPE/);
  });
});
