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

export function encodeOps(ops: readonly RedisOp[]): string[] {
  return ops.flatMap((op) => [String(op.length), ...op.map(String)]);
}
