import type { ReadModelRedis } from '@frontline/platform';
import type { ClientContext, Result } from 'ioredis';
import { defineScript } from './define-script';
import { hashedPart } from './key-slots';

/**
 * Runs each command it is given and answers all their replies as one array. The keys are the
 * script's KEYS, so a cluster routes it to their slot and refuses it if they span slots; a command
 * names its keys by their place in KEYS (JSON numbers), every other argument is a string.
 */
const READ_MANY = `
local replies = {}
for i, command in ipairs(cjson.decode(ARGV[1])) do
  for j = 2, #command do
    if type(command[j]) == 'number' then command[j] = KEYS[command[j]] end
  end
  replies[i] = redis.call(unpack(command))
end
return replies`;

type Shape = (reply: unknown) => unknown;

interface Queued {
  /** The command, its keys as places in the batch's keys. */
  command: (string | number)[];
  shape: Shape;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The reads of one tick on keys of one slot: one script. */
interface Batch {
  keys: string[];
  places: Map<string, number>;
  queued: Queued[];
}

const asIs: Shape = (reply) => reply;
/** HGETALL answers a flat list of fields and values inside a script. */
const asRecord: Shape = (reply) => {
  const flat = reply as string[];
  const record: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) record[flat[i]] = flat[i + 1];
  return record;
};

/**
 * Reads of read-model keys asked for in one tick go to Redis as one script per hash tag and come
 * back as one reply each. A dashboard reads hundreds of small keys; as separate commands, even
 * pipelined, parsing their replies one by one cost the api several times what Redis spent
 * answering. Each script declares the keys it reads and they share a hash tag (a projection's
 * keyspace), so a Redis Cluster runs it on the node of their slot; a command whose own keys span
 * hash tags goes in a script of its own, which a cluster refuses (CROSSSLOT).
 * Only reads: a script that only reads leaves nothing half done if it fails.
 */
export class BatchedReads {
  /** By the part of their keys a cluster hashes; a command whose keys span tags under a key of its own. */
  private batches = new Map<unknown, Batch>();
  private readonly prefix: string;

  constructor(private readonly redis: ReadModelRedis) {
    this.prefix = redis.options.keyPrefix ?? '';
    defineScript(redis, 'readMany', { lua: READ_MANY, readOnly: true });
  }

  scard(key: string) {
    return this.read<number>('SCARD', key);
  }

  zcard(key: string) {
    return this.read<number>('ZCARD', key);
  }

  smembers(key: string) {
    return this.read<string[]>('SMEMBERS', key);
  }

  hget(key: string, field: string) {
    return this.read<string | null>('HGET', key, [field]);
  }

  hmget(key: string, ...fields: string[]) {
    return this.read<(string | null)[]>('HMGET', key, fields);
  }

  hgetall(key: string) {
    return this.read<Record<string, string>>('HGETALL', key, [], asRecord);
  }

  /** Members from `start` to `stop` by rank, each followed by its score when `withScores`. */
  zrange(key: string, start: number, stop: number, withScores = false) {
    return this.read<string[]>('ZRANGE', key, [String(start), String(stop), ...(withScores ? ['WITHSCORES'] : [])]);
  }

  /** How many members the sorted sets (or sets) have in common; on a cluster, only of keys of one hash tag. */
  zintercard(...keys: string[]) {
    return this.queue<number>(keys, (places) => ['ZINTERCARD', String(keys.length), ...places]);
  }

  private read<T>(name: string, key: string, args: string[] = [], shape: Shape = asIs): Promise<T> {
    return this.queue<T>([key], ([place]) => [name, place, ...args], shape);
  }

  private queue<T>(
    keys: string[],
    command: (places: number[]) => (string | number)[],
    shape: Shape = asIs,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.batches.size === 0) process.nextTick(() => this.send());
      const batch = this.batchOf(keys);
      const places = keys.map((key) => {
        let place = batch.places.get(key);
        if (place === undefined) {
          place = batch.keys.push(key);
          batch.places.set(key, place);
        }
        return place;
      });
      batch.queued.push({ command: command(places), shape, resolve: resolve as Queued['resolve'], reject });
    });
  }

  /** The batch of the hash tag the keys share, or one of their own when they do not share one. */
  private batchOf(keys: string[]): Batch {
    const tags = new Set(keys.map((key) => hashedPart(this.prefix + key)));
    const id = tags.size === 1 ? [...tags][0] : Symbol('keys of several hash tags');
    let batch = this.batches.get(id);
    if (!batch) {
      batch = { keys: [], places: new Map(), queued: [] };
      this.batches.set(id, batch);
    }
    return batch;
  }

  private send(): void {
    const batches = this.batches;
    this.batches = new Map();
    for (const { keys, queued } of batches.values()) {
      this.redis.readMany(keys.length, ...keys, JSON.stringify(queued.map(({ command }) => command))).then(
        (replies: unknown[]) => queued.forEach(({ shape, resolve }, i) => resolve(shape(replies[i]))),
        (error: unknown) => queued.forEach(({ reject }) => reject(error)),
      );
    }
  }
}

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    /** `numberOfKeys`, the keys, then the commands as JSON. */
    readMany(numberOfKeys: number, ...keysThenCommands: string[]): Result<unknown[], Context>;
  }
}
