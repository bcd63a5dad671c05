import type { ClientContext, Redis, Result } from 'ioredis';
import { defineScript } from './define-script';

/** Runs each command it is given and answers all their replies as one array. */
const READ_MANY = `
local replies = {}
for i, command in ipairs(cjson.decode(ARGV[1])) do replies[i] = redis.call(unpack(command)) end
return replies`;

type Shape = (reply: unknown) => unknown;

interface Queued {
  command: string[];
  shape: Shape;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
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
 * Reads of read-model keys asked for in one tick go to Redis as one script and come back as
 * one reply. A dashboard reads hundreds of small keys; as separate commands, even pipelined,
 * parsing their replies one by one cost the api several times what Redis spent answering.
 * Only reads: a script that only reads leaves nothing half done if it fails.
 */
export class BatchedReads {
  private queued: Queued[] = [];
  private readonly prefix: string;

  constructor(private readonly redis: Redis) {
    this.prefix = redis.options.keyPrefix ?? '';
    defineScript(redis, 'readMany', { numberOfKeys: 0, lua: READ_MANY, readOnly: true });
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

  /** How many members the sorted sets (or sets) have in common. */
  zintercard(...keys: string[]) {
    return this.queue<number>(['ZINTERCARD', String(keys.length), ...keys.map((key) => this.prefix + key)]);
  }

  private read<T>(name: string, key: string, args: string[] = [], shape: Shape = asIs): Promise<T> {
    return this.queue<T>([name, this.prefix + key, ...args], shape);
  }

  private queue<T>(command: string[], shape: Shape = asIs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queued.length === 0) process.nextTick(() => this.send());
      this.queued.push({ command, shape, resolve: resolve as Queued['resolve'], reject });
    });
  }

  private send(): void {
    const batch = this.queued;
    this.queued = [];
    this.redis.readMany(JSON.stringify(batch.map(({ command }) => command))).then(
      (replies: unknown[]) => batch.forEach(({ shape, resolve }, i) => resolve(shape(replies[i]))),
      (error: unknown) => batch.forEach(({ reject }) => reject(error)),
    );
  }
}

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    readMany(commands: string): Result<unknown[], Context>;
  }
}
