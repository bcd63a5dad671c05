import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import type { LogPosition } from '@frontline/event-store';
import { TEST_REDIS_URL } from '@frontline/testing';
import { applyOps } from './apply-events';
import { Keyspace, type RedisOp, remember } from './projection';

// Keys by type, so that no generated op meets a key of another type; few of them, so that ops meet.
const HASHES = ['h1', 'h2'];
const SETS = ['s1'];
const ZSETS = ['z1'];
const UNDO = 'u1';

/** An op as data, its key a part name the keyspace under test turns into a key. */
type Template = [string, string, ...(string | number)[]];

const member = fc.constantFrom('m', 'n');
const count = fc.integer({ min: -3, max: 3 });
const plainOp: fc.Arbitrary<Template> = fc.oneof(
  fc.tuple(fc.constant('HINCRBY'), fc.constantFrom(...HASHES), fc.constantFrom('f', 'g'), count),
  fc.tuple(fc.constant('HSET'), fc.constantFrom(...HASHES), fc.constantFrom('f', 'g'), fc.constantFrom('1', '5')),
  fc.tuple(fc.constant('SADD'), fc.constantFrom(...SETS), member),
  fc.tuple(fc.constant('SREM'), fc.constantFrom(...SETS), member),
  fc.tuple(fc.constant('ZINCRBY'), fc.constantFrom(...ZSETS), count, member),
  fc.tuple(fc.constant('ZADD'), fc.constantFrom(...ZSETS), count, member),
  fc.tuple(fc.constant('ZREM'), fc.constantFrom(...ZSETS), member),
  fc.tuple(fc.constant('DEL'), fc.constantFrom(...HASHES, ...SETS, ...ZSETS)),
);
const op = fc.oneof(
  { weight: 5, arbitrary: plainOp.map((template) => ({ template })) },
  { weight: 3, arbitrary: plainOp.map((template) => ({ template, remembered: true })) },
  { weight: 2, arbitrary: fc.constant({ template: ['UNDO_RUN', UNDO] as Template }) },
);

function toOp({ template, remembered }: { template: Template; remembered?: boolean }, keys: Keyspace): RedisOp {
  const [command, part, ...args] = template;
  const concrete: RedisOp = [command, keys.key(part), ...args];
  return remembered ? remember(keys.key(UNDO), concrete) : concrete;
}

describe('folding the ops of a batch into fewer commands', () => {
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: `test:${randomBytes(4).toString('hex')}:` });
  });

  afterAll(() => redis.disconnect());

  /** Every key of the keyspace as its value reads, so that sets and hashes compare whatever their encoding. */
  async function state(keys: Keyspace) {
    const read = async (part: string) => {
      const key = keys.key(part);
      switch (await redis.type(key)) {
        case 'hash':
          return Object.entries(await redis.hgetall(key)).sort();
        case 'set':
          return (await redis.smembers(key)).sort();
        case 'zset':
          return redis.zrange(key, '0', '-1', 'WITHSCORES');
        case 'list': // remembered ops, which name keys of their own keyspace
          return (await redis.lrange(key, 0, -1)).map((remembered) => remembered.replaceAll(keys.tag, '{…}'));
        default:
          return null;
      }
    };
    return Promise.all([...HASHES, ...SETS, ...ZSETS, UNDO].map(read));
  }

  it('leaves every key as the same ops applied one by one do', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (templates) => {
        run++;
        const together = new Keyspace(`together${run}`, 1);
        const oneByOne = new Keyspace(`oneByOne${run}`, 1);
        const recordedAt = new Date();

        await applyOps(redis, together, undefined, { position: 'p' as LogPosition, recordedAt }, [
          ...templates.map((template) => toOp(template, together)),
        ]);
        let after: LogPosition | undefined;
        for (const [i, template] of templates.entries()) {
          const position = `p${String(i).padStart(3, '0')}` as LogPosition;
          await applyOps(redis, oneByOne, after, { position, recordedAt }, [toOp(template, oneByOne)]);
          after = position;
        }

        expect(await state(together)).toEqual(await state(oneByOne));
      }),
      { numRuns: 1_000 },
    );
  });
});
