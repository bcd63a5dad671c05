import type { DomainEvent } from '@frontline/decider';
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
  /** The live topics an event touches (`feed:team:<id>`), for streams to read; none for a read model nobody streams. */
  live?(event: RecordedEvent): string[];
}

/** An event of a context's union as the log delivers it: its type and data, with where and when it was recorded. */
export type Recorded<E extends DomainEvent> = E & Omit<RecordedEvent, 'type' | 'data'>;

/** What each event type of the union writes; the types with a handler are the ones the projection reads. */
export type Handlers<E extends DomainEvent, K> = {
  [T in E['type']]?: (event: Recorded<Extract<E, { type: T }>>, keys: K) => RedisOp[];
};

/**
 * A read model written as handlers over its events' union `E`, with `K` its key layout: the one
 * module of key names that its queries read through too (`ReadModels.layout`).
 */
export interface ProjectionDefinition<E extends DomainEvent, K> {
  readonly name: string;
  readonly layout: (keys: Keyspace) => K;
  readonly on: Handlers<E, K>;
  /** Pure: the live topics an event touches, named after the ordered lists the handlers write (see `LiveSource`). */
  readonly live?: (event: Recorded<E>) => string[];
}

/** A projection the runner can host, and whose layout queries can open. */
export interface TypedProjection<K> extends Projection {
  readonly layout: (keys: Keyspace) => K;
}

/**
 * Makes a definition a runnable projection. The event types it reads are those with a handler, so
 * the list and the handlers cannot drift; the log only delivers those types, which is what makes
 * the one narrowing below sound.
 */
export function defineProjection<E extends DomainEvent, K>(definition: ProjectionDefinition<E, K>): TypedProjection<K> {
  const handlers = definition.on as Record<string, ((event: Recorded<E>, keys: K) => RedisOp[]) | undefined>;
  const live = definition.live;
  return {
    ...(live ? { live: (recorded: RecordedEvent) => live(recorded as Recorded<E>) } : {}),
    name: definition.name,
    layout: definition.layout,
    eventTypes: Object.keys(handlers).filter((type) => handlers[type] !== undefined),
    project: (recorded, keyspace) =>
      handlers[recorded.type]?.(recorded as Recorded<E>, definition.layout(keyspace)) ?? [],
  };
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

/** Values one folded command takes at most; Lua unpacks at most 8,000. */
const FOLD_LIMIT = 1_000;

/** How ops of one kind fold into an earlier command of that kind on their key. */
interface Fold {
  /** Ops on one key fold together only if they share this (the field or member); undefined: this op never folds. */
  id(op: RedisOp): string | undefined;
  /** Folds `op` into `command`, or says it cannot. */
  into(command: string[], op: RedisOp): boolean;
}

// Only sums a double holds exactly: the apply script checks the folded sum, so it must be the ops' sum.
const sum = (at: number) => (command: string[], op: RedisOp) => {
  const [folded, added] = [Number(command[at]), Number(op[at])];
  if (![folded, added, folded + added].every(Number.isSafeInteger)) return false;
  command[at] = String(folded + added);
  return true;
};
const append = (command: string[], op: RedisOp) => {
  command.push(...op.slice(2).map(String));
  return true;
};
const wholeKey = () => '';

/** Commands whose repeats on one key, with nothing else on that key between them, fold into one. */
const FOLDS: Record<string, Fold> = {
  HINCRBY: { id: (op) => String(op[2]), into: sum(3) },
  ZINCRBY: { id: (op) => String(op[3]), into: sum(2) },
  SADD: { id: wholeKey, into: append },
  HSET: { id: wholeKey, into: append },
  // Only plain ZADDs: one with options (NX, GT, …) means something else when folded.
  ZADD: { id: (op) => (op.length === 4 ? '' : undefined), into: append },
  UNDO_PUSH: { id: wholeKey, into: append },
};

/**
 * The commands the apply script runs for these ops, as strings (a Lua number would print
 * differently), keys under the connection's `prefix`, which Lua would otherwise add, at a cost
 * for every op. Every Redis call costs the script more than the value it adds, and a replay
 * repeats the same few counters and sets thousands of times: so an op folds into the last
 * command of its kind on its key (and field or member), at that command's place, unless another
 * kind of op touched the key in between or an undo list ran (its remembered ops may touch any
 * key). Sums, set members, hash fields and sorted-set scores end as they would one by one.
 */
export function scriptCommands(ops: readonly RedisOp[], prefix = ''): string[][] {
  const commands: string[][] = [];
  // By key: the kind of its last op, and the commands of that kind still open to folding.
  const open = new Map<string, { kind: string; commands: Map<string, string[]> }>();
  for (const op of ops) {
    const [kind, key] = op;
    if (kind === 'UNDO_RUN') open.clear();
    const fold = FOLDS[kind];
    const id = fold?.id(op);
    const onKey = open.get(key);
    const earlier = id !== undefined && onKey?.kind === kind ? onKey.commands.get(id) : undefined;
    if (earlier && earlier.length + op.length < FOLD_LIMIT && fold.into(earlier, op)) continue;
    const command = op.map(String);
    command[1] = prefix + key;
    commands.push(command);
    if (id === undefined) open.delete(key);
    else if (onKey?.kind === kind) onKey.commands.set(id, command);
    else open.set(key, { kind, commands: new Map([[id, command]]) });
  }
  return commands;
}

/** The ops as the apply script reads them: one JSON array of `scriptCommands`. */
export function encodeOps(ops: readonly RedisOp[], prefix = ''): string {
  return JSON.stringify(scriptCommands(ops, prefix));
}
