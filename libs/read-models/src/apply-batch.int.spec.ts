import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import type { LogPosition } from '@frontline/event-store';
import { TEST_REDIS_URL } from '@frontline/testing';
import { applyOps } from './apply-events';
import { Keyspace, type RedisOp, remember } from './projection';

const at = (position: string) => ({ position: position as LogPosition, recordedAt: new Date() });

describe('a batch is all or nothing', () => {
  let redis: Redis;
  let raw: Redis;
  let keyspaces = 0;
  let keys: Keyspace;
  const prefix = `test:${randomBytes(4).toString('hex')}:`;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    raw = new Redis(TEST_REDIS_URL);
  });
  beforeEach(() => (keys = new Keyspace(`batch${++keyspaces}`, 1)));
  afterAll(async () => {
    for await (const found of raw.scanStream({ match: `${prefix}*`, count: 1_000 }))
      if ((found as string[]).length > 0) await raw.unlink(...(found as string[]));
    raw.disconnect();
    redis.disconnect();
  });

  /** Every key these tests write, by name: KEYS would walk the whole shared database each time. */
  const NAMES = ['cell', 'reporters', 'feed', 'undo', 'month', 'total', 'members', 'queue', 'checkpoint'];
  const PARTS = ['h', 's', 'z', 'c', 'u'];

  /** Every key of the keyspace with its DUMP bytes. */
  async function dump(of = keys): Promise<Record<string, string>> {
    const dumped: Record<string, string> = {};
    for (const name of [...NAMES, ...PARTS]) {
      const bytes = await raw.dumpBuffer(prefix + of.key(name));
      if (bytes) dumped[name] = bytes.toString('base64');
    }
    return dumped;
  }

  /** Good writes on keys of every type, and an undo list, before and after the one that fails. */
  const around = (failing: RedisOp): RedisOp[] => [
    ['HINCRBY', keys.key('cell'), 'incidents', 1],
    ['SADD', keys.key('reporters'), 'a1'],
    ['ZADD', keys.key('feed'), 5, 'k1'],
    remember(keys.key('undo'), ['ZREM', keys.key('feed'), 'k1']),
    failing,
    ['HINCRBY', keys.key('cell'), 'incidents', 1],
  ];

  const faults: [string, () => Promise<unknown>, () => RedisOp][] = [
    [
      'a count past what HINCRBY holds',
      () => redis.hset(keys.key('month'), 'contacts', '9223372036854775807'),
      () => ['HINCRBY', keys.key('month'), 'contacts', 1],
    ],
    ['an increment that is no integer', async () => undefined, () => ['HINCRBY', keys.key('month'), 'contacts', 1.5]],
    [
      'a counter that holds no integer',
      () => redis.hset(keys.key('month'), 'contacts', 'many'),
      () => ['HINCRBY', keys.key('month'), 'contacts', 1],
    ],
    [
      'INCRBY past 2^63',
      () => redis.set(keys.key('total'), '9223372036854775800'),
      () => ['INCRBY', keys.key('total'), 9],
    ],
    ['a key of another type', () => redis.set(keys.key('members'), 'x'), () => ['SADD', keys.key('members'), 'p1']],
    [
      'a hash write on a set',
      () => redis.sadd(keys.key('members'), 'x'),
      () => ['HSET', keys.key('members'), 'f', 'v'],
    ],
    ['a score that is no number', async () => undefined, () => ['ZADD', keys.key('feed'), 'soon', 'k2']],
    [
      'a score that would be NaN',
      () => redis.zadd(keys.key('feed'), '-inf', 'k3'),
      () => ['ZINCRBY', keys.key('feed'), 'inf', 'k3'],
    ],
    ['a command Redis does not know', async () => undefined, () => ['HINCRBYSOMETIMES', keys.key('cell'), 'x', 1]],
    [
      'a key of another keyspace, which a Redis Cluster keeps in another slot',
      async () => undefined,
      () => ['SADD', new Keyspace('elsewhere', 1).key('members'), 'p1'],
    ],
    [
      'a remembered op that fails when its undo list runs',
      async () => {
        await redis.set(keys.key('queue'), 'not a sorted set');
        await redis.rpush(keys.key('undo'), JSON.stringify(['ZREM', keys.key('queue'), 'i1']));
      },
      () => ['UNDO_RUN', keys.key('undo')],
    ],
  ];

  it.each(faults)('writes nothing and keeps its checkpoint when Redis would refuse %s', async (_, given, failing) => {
    await applyOps(redis, keys, undefined, at('p1'), [['HINCRBY', keys.key('cell'), 'incidents', 1]]);
    await given();
    const before = await dump();

    const outcome = await applyOps(redis, keys, 'p1' as LogPosition, at('p2'), around(failing())).catch(
      (error: Error) => error,
    );

    expect(outcome).toEqual({ refused: expect.stringContaining('command') });
    expect(await dump()).toEqual(before);
    expect(await redis.get(keys.key('checkpoint'))).toBe('p1');
  });

  it('counts a key emptied earlier in the batch from zero, and a field set earlier from its new value', async () => {
    await redis.hset(keys.key('cell'), 'incidents', '9007199254740990');
    const ops: RedisOp[] = [
      ['HINCRBY', keys.key('cell'), 'incidents', 1],
      ['DEL', keys.key('cell')],
      ['HINCRBY', keys.key('cell'), 'incidents', 9007199254740991],
      ['HSET', keys.key('cell'), 'incidents', '-9007199254740991'],
      ['HINCRBY', keys.key('cell'), 'incidents', 9007199254740991],
    ];
    expect(await applyOps(redis, keys, undefined, at('p1'), ops)).toBe('applied');
    expect(await redis.hget(keys.key('cell'), 'incidents')).toBe('0');
  });

  it('refuses a count past 2^53 - 1, which the api could not read exactly, before writing anything', async () => {
    const ops: RedisOp[] = [
      ['SADD', keys.key('reporters'), 'a1'],
      ['HINCRBY', keys.key('cell'), 'incidents', 2 ** 52],
      ['SADD', keys.key('reporters'), 'a2'],
      ['HINCRBY', keys.key('cell'), 'incidents', 2 ** 52],
    ];
    expect(await applyOps(redis, keys, undefined, at('p1'), ops)).toEqual({
      refused: expect.stringContaining('would pass 2^53 - 1'),
    });
    expect(await dump()).toEqual({});
  });

  it('runs an undo list with what the batch pushed on it before, as one by one', async () => {
    const ops: RedisOp[] = [
      ['ZADD', keys.key('feed'), 1, 'k1'],
      remember(keys.key('undo'), ['ZREM', keys.key('feed'), 'k1']),
      ['UNDO_RUN', keys.key('undo')],
      ['ZADD', keys.key('feed'), 2, 'k2'],
    ];
    expect(await applyOps(redis, keys, undefined, at('p1'), ops)).toBe('applied');
    expect(await redis.zrange(keys.key('feed'), '0', '-1')).toEqual(['k2']);
    expect(await redis.exists(keys.key('undo'))).toBe(0);
  });

  describe('against Redis running the same commands one by one', () => {
    // A few keys of each type (PARTS), which generated ops also hit with commands of other types.
    const number = fc.constantFrom(
      '1',
      '-2',
      '0',
      '4503599627370496',
      '9007199254740991',
      '9000000000000000000',
      '1.5',
      'x',
      'inf',
      '-inf',
      '1e400',
      '(1',
    );
    const part = fc.constantFrom(...PARTS);
    const member = fc.constantFrom('m', 'n');
    const template = fc.oneof(
      fc.tuple(fc.constant('HINCRBY'), part, member, number),
      fc.tuple(fc.constant('INCRBY'), part, number),
      fc.tuple(fc.constant('HSET'), part, member, number),
      fc.tuple(fc.constant('SADD'), part, member),
      fc.tuple(fc.constant('SREM'), part, member),
      fc.tuple(fc.constant('ZADD'), part, number, member),
      fc.tuple(fc.constant('ZINCRBY'), part, number, member),
      fc.tuple(fc.constant('ZREM'), part, member),
      fc.tuple(fc.constant('ZREMRANGEBYSCORE'), part, number, number),
      fc.tuple(fc.constant('DEL'), part),
    );
    const op = fc.oneof(
      { weight: 6, arbitrary: template.map((t) => ({ t, remembered: false })) },
      { weight: 2, arbitrary: template.map((t) => ({ t, remembered: true })) },
      { weight: 1, arbitrary: fc.constant({ t: ['UNDO_RUN', 'u'], remembered: false }) },
    );
    type Generated = { t: readonly string[]; remembered: boolean };
    const STRICTER_THAN_REDIS = /2\^53 - 1|not a finite number|range of scores|the batch wrote as/;

    function toOp({ t: [command, name, ...args], remembered }: Generated, on: Keyspace): RedisOp {
      const concrete: RedisOp = [String(command), on.key(String(name)), ...args];
      return remembered ? remember(on.key('u'), concrete) : concrete;
    }

    /** What Redis does with the same commands without the checks: until the first it refuses. */
    async function oneByOne(generated: Generated[], on: Keyspace): Promise<boolean> {
      const send = (command: string[]) => raw.call(command[0], ...command.slice(1));
      try {
        for (const { t, remembered } of generated) {
          const [command, key, ...args] = toOp({ t, remembered }, on).map(String);
          if (command === 'UNDO_PUSH') await send(['RPUSH', prefix + key, ...args]);
          else if (command === 'UNDO_RUN') {
            for (const encoded of await raw.lrange(prefix + key, 0, -1)) {
              const [undoCommand, undoKey, ...undoArgs] = JSON.parse(encoded) as string[];
              await send([undoCommand, prefix + undoKey, ...undoArgs]);
            }
            await raw.del(prefix + key);
          } else await send([command, prefix + key, ...args]);
        }
        return true;
      } catch {
        return false;
      }
    }

    /** The keyspace's keys as their values read, so that encodings do not matter. */
    async function values(on: Keyspace): Promise<unknown[]> {
      return Promise.all(
        PARTS.map(async (name) => {
          const key = prefix + on.key(name);
          switch (await raw.type(key)) {
            case 'hash':
              return Object.entries(await raw.hgetall(key)).sort();
            case 'set':
              return (await raw.smembers(key)).sort();
            case 'zset':
              return raw.zrange(key, '0', '-1', 'WITHSCORES');
            case 'list':
              return (await raw.lrange(key, 0, -1)).map((remembered) => remembered.replaceAll(on.tag, '{…}'));
            case 'string':
              return raw.get(key);
            default:
              return null;
          }
        }),
      );
    }

    it('applies a batch exactly when Redis would take every command, and otherwise writes nothing', async () => {
      const given = fc.array(op, { maxLength: 6 });
      await fc.assert(
        fc.asyncProperty(given, fc.array(op, { minLength: 1, maxLength: 12 }), async (history, batch) => {
          const checked = new Keyspace(`checked${++keyspaces}`, 1);
          const plain = new Keyspace(`plain${keyspaces}`, 1);
          // The same starting state in both, written by Redis alone (it may hold what the checks would not write).
          await oneByOne(history, checked);
          await oneByOne(history, plain);
          const before = await dump(checked);

          const outcome = await applyOps(
            redis,
            checked,
            undefined,
            at('p1'),
            batch.map((generated) => toOp(generated, checked)),
          );
          const redisTakesAll = await oneByOne(batch, plain);

          const applied = outcome === 'applied';
          const refused = typeof outcome === 'object' && 'refused' in outcome ? outcome.refused : undefined;
          expect({
            outcome: applied ? 'applied' : refused === undefined ? outcome : 'refused',
            // Applied: as Redis leaves the keys. Refused: nothing written.
            state: applied ? await values(checked) : await dump(checked),
            appliedWhatRedisRefuses: applied && !redisTakesAll,
            // The checks may refuse what Redis would take, for these reasons only.
            refusedWhatRedisTakes: redisTakesAll && refused !== undefined && !STRICTER_THAN_REDIS.test(refused),
          }).toEqual({
            outcome: applied ? 'applied' : 'refused',
            state: applied ? await values(plain) : before,
            appliedWhatRedisRefuses: false,
            refusedWhatRedisTakes: false,
          });
        }),
        { numRuns: 500 },
      );
    });
  });
});
