import type { RecordedEvent } from '@frontline/event-store';

/**
 * A write to Redis, as data: a command, a key of the projection's own keyspace, its arguments.
 * `UNDO_PUSH key op` remembers an op for later; `UNDO_RUN key` runs what was remembered and
 * forgets it: that is how a retracted or hidden kudos leaves every feed and every count.
 */
export type RedisOp = [command: string, key: string, ...args: (string | number)[]];

/**
 * A read model: which events it needs and what each one writes. `project` is pure, so a
 * replay writes exactly what the first run wrote, and the runner can batch freely.
 */
export interface Projection {
  /** camelCase; the version is the runner's (`recognitionFeed.v3`). */
  readonly name: string;
  readonly eventTypes: readonly string[];
  project(event: RecordedEvent, keys: Keyspace): RedisOp[];
}

/** Keys of one generation of one projection, all under one hash tag so its script stays in one slot. */
export class Keyspace {
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {}

  get tag(): string {
    return `{${this.projection}.v${this.generation}}`;
  }

  key(...parts: (string | number)[]): string {
    return `rm:${this.tag}:${parts.join(':')}`;
  }
}

/** Remembers `op` under `undoKey`, to be run by a later `['UNDO_RUN', undoKey]`. */
export function remember(undoKey: string, op: RedisOp): RedisOp {
  return ['UNDO_PUSH', undoKey, JSON.stringify(op.map(String))];
}

/** Remembered ops one undo list takes in one push; Lua unpacks at most 8,000 values. */
const PUSH_LIMIT = 1_000;

/**
 * The commands the apply script runs for these ops, as strings (a Lua number would print
 * differently), keys under the connection's `prefix`, which Lua would otherwise add, at a cost for
 * every op. Ops remembered under one undo list go into one push, in their order, unless the list
 * is run in between: a kudos remembers dozens, and each Redis call costs the script more than the
 * value it adds.
 */
export function scriptCommands(ops: readonly RedisOp[], prefix = ''): string[][] {
  const commands: string[][] = [];
  const pushes = new Map<string, string[]>();
  for (const op of ops) {
    const [command, key] = op;
    const open = command === 'UNDO_PUSH' ? pushes.get(key) : undefined;
    if (open && open.length < PUSH_LIMIT) {
      for (let i = 2; i < op.length; i++) open.push(String(op[i]));
      continue;
    }
    const strings = op.map(String);
    strings[1] = prefix + key;
    if (command === 'UNDO_PUSH') pushes.set(key, strings);
    else if (command === 'UNDO_RUN') pushes.delete(key);
    commands.push(strings);
  }
  return commands;
}

/** The ops as the apply script reads them: one JSON array of `scriptCommands`. */
export function encodeOps(ops: readonly RedisOp[], prefix = ''): string {
  return JSON.stringify(scriptCommands(ops, prefix));
}
