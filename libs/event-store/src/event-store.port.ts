/**
 * The event store port: the only way the rest of Frontline touches the log.
 * Adapters: PostgreSQL (local default and tests), KurrentDB (production), in-memory (unit tests).
 */

/** Opaque to callers; serialises to a string that sorts in log order. */
export type LogPosition = string & { readonly __brand: 'LogPosition' };

export type ExpectedRevision = 'no_stream' | 'exists' | 'any' | bigint;

export interface EventMetadata {
  correlationId: string;
  causationId: string;
  actorId: string;
  schemaVersion: number;
  [key: string]: unknown;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** A uuid; the idempotency key of the append. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamName: string;
  revision: bigint;
  position: LogPosition;
  recordedAt: Date;
}

export interface AppendResult {
  nextRevision: bigint;
  position: LogPosition;
}

export interface ReadStreamOptions {
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: the first event returned is the one after this position. */
  after?: LogPosition;
  maxCount: number;
}

export interface SubscriptionFilter {
  /** Deliver only events whose type is one of these. */
  eventTypes?: readonly string[];
  /** Deliver only events whose stream name starts with one of these. */
  streamPrefixes?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive: resume after this position; from the start of the log when absent. */
  after?: LogPosition;
  filter?: SubscriptionFilter;
}

export interface CountAfterOptions {
  /** Count only events of these types. */
  eventTypes: readonly string[];
  /** Count no further than this many: what waits beyond it is `capped`. */
  cap: number;
}

/** What waits in the log after a position, found without loading the events. */
export interface Backlog {
  /** Events of the types after the position, at most the cap; null from a store that cannot count without reading them. */
  events: number | null;
  /** At least the cap wait. */
  capped: boolean;
  /** When the first of them was recorded; null when none waits. */
  firstRecordedAt: Date | null;
}

/**
 * A live, catch-up subscription to the global log. It survives disconnects until closed; an
 * error it throws is one that resubscribing cannot mend (access denied, a foreign position).
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
  /** Why it is not following the log right now, while it (re)subscribes; unset while it follows. */
  readonly stalled?: Error;
}

export interface EventStore {
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Events of one stream in revision order; [] for a missing stream. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every stream in log order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** How many events of some types follow a position, in bounded memory: a projection's lag. */
  countAfter(after: LogPosition | undefined, options: CountAfterOptions): Promise<Backlog>;
  /** Resolves when the store answers; used by readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision; -1n when the stream does not exist. */
    readonly actual: bigint,
  ) {
    super(`Stream ${streamName} is at revision ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id that was already used for a different event (ids are idempotency keys, not reusable). */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly streamName: string,
    readonly eventId: string,
  ) {
    super(`Event id ${eventId} is already stored and does not belong to this append on ${streamName}`);
    this.name = 'DuplicateEventIdError';
  }
}

export class EventStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

export function matchesFilter(event: Pick<RecordedEvent, 'type' | 'streamName'>, filter?: SubscriptionFilter): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((prefix) => event.streamName.startsWith(prefix)))
    return false;
  return true;
}
