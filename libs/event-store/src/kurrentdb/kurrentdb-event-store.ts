import {
  ANY,
  AccessDeniedError,
  type AppendStreamState,
  BACKWARDS,
  END,
  type EventData,
  FORWARDS,
  type Filter,
  InvalidArgumentError,
  type JSONType,
  KurrentDBClient,
  NO_STREAM,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  WrongExpectedVersionError,
  convertToCommandError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import {
  type AppendResult,
  type Backlog,
  type CountAfterOptions,
  type EventMetadata,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionFilter,
  WrongExpectedRevisionError,
  matchesFilter,
} from '../event-store.port';
import { checkAppend } from '../append-rules';
import { ForeignLogPositionError, decodeLogPosition, encodeLogPosition } from '../log-position';
import { type SubscriptionHealth, backoffDelay, createSubscription, sleep } from '../subscription';

export interface KurrentDbEventStoreOptions {
  /** A `kurrentdb://` connection string. */
  connectionString: string;
  /** How long an append may take, the client's capability request included, before it is a 503. */
  appendTimeoutMs?: number;
  /** How long a read of a stream or of the log may take before it is a 503. */
  readTimeoutMs?: number;
  /** How long ping() waits for an answer; readiness checks must not hang. */
  pingTimeoutMs?: number;
  /** How long ping() keeps failing after an append could not complete, unless one completes sooner. */
  appendFailureHoldMs?: number;
  /** Where dropped subscriptions are reported. */
  logger?: { warn(message: string): void };
}

const STREAM_STATES: Record<Exclude<ExpectedRevision, bigint>, AppendStreamState> = {
  no_stream: NO_STREAM,
  exists: STREAM_EXISTS,
  any: ANY,
};

/** KurrentDB's "no position" (-1 as an unsigned 64-bit number), sent for events read from a stream by servers before 22.6. */
const NO_POSITION = 2n ** 64n - 1n;

/** gRPC codes no resubscription can mend: invalid argument, unimplemented, permission denied, unauthenticated. */
const PERMANENT_CODES: ReadonlySet<number> = new Set([3, 12, 7, 16]);

const stderrLogger = { warn: (message: string) => void process.stderr.write(`KurrentDB: ${message}\n`) };

/**
 * Positions are the (commit, prepare) pair of the event in KurrentDB's transaction log, the order of `$all`.
 * Every call is bounded: the client waits without limit for a server that accepts connections and never
 * answers, so each operation races a timer and becomes `EventStoreUnavailableError` (503) when it loses.
 */
export class KurrentDbEventStore implements EventStore {
  private closed = false;
  /** The last append that could not complete, while it counts against readiness. */
  private appendFailure?: { error: Error; at: number };
  private readonly subscriptions = new Set<Subscription>();

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly options: Required<Omit<KurrentDbEventStoreOptions, 'connectionString'>>,
  ) {}

  /** Connects lazily, like the client: a server that is down shows in ping(), not here. */
  static async connect({ connectionString, ...options }: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    refuseSilentAppendFailures(connectionString);
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), {
      appendTimeoutMs: options.appendTimeoutMs ?? 10_000,
      readTimeoutMs: options.readTimeoutMs ?? 10_000,
      pingTimeoutMs: options.pingTimeoutMs ?? 5_000,
      appendFailureHoldMs: options.appendFailureHoldMs ?? 30_000,
      logger: options.logger ?? stderrLogger,
    });
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.refuseWhenClosed();
    checkAppend(streamName, events);
    // KurrentDB stores a same-ids retry once but cannot see an id reused for other events: no DuplicateEventIdError.
    const eventData: EventData[] = events.map(({ id, type, data, metadata }) =>
      jsonEvent({ id, type, data: data as JSONType, metadata }),
    );
    const streamState = typeof expectedRevision === 'bigint' ? expectedRevision : STREAM_STATES[expectedRevision];
    const { appendTimeoutMs } = this.options;
    try {
      const result = await bounded(`an append to ${streamName}`, appendTimeoutMs, () =>
        // The deadline is also sent for the server to enforce; the timer covers what the client never bounds.
        this.client.appendToStream(streamName, eventData, { streamState, deadline: appendTimeoutMs }),
      );
      // Refused at connect, checked anyway: a failed append must never read as a success.
      if (!result.success)
        throw new WrongExpectedRevisionError(streamName, expectedRevision, result.nextExpectedRevision);
      this.appendFailure = undefined;
      const position = result.position
        ? encodeLogPosition('kdb', result.position.commit, result.position.prepare)
        : await this.positionOfRevision(streamName, result.nextExpectedRevision);
      return { nextRevision: result.nextExpectedRevision, position };
    } catch (error) {
      const mapped = toPortError(error, streamName, expectedRevision);
      if (mapped instanceof EventStoreUnavailableError) this.appendFailure = { error: mapped, at: Date.now() };
      throw mapped;
    }
  }

  async readStream(streamName: string, { fromRevision, maxCount }: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.refuseWhenClosed();
    try {
      return await this.collect(`a read of ${streamName}`, () =>
        this.client.readStream(streamName, { fromRevision: fromRevision ?? START, maxCount, direction: FORWARDS }),
      );
    } catch (error) {
      // A tombstoned stream reads as missing; appending to it then fails as a conflict.
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
      throw toPortError(error, streamName);
    }
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    this.refuseWhenClosed();
    const events: RecordedEvent[] = [];
    let from = after;
    try {
      while (events.length < maxCount) {
        // The client's fromPosition is inclusive and ours is exclusive: ask for one more and drop the event at `from`.
        const asked = maxCount - events.length + 1;
        const page = await this.collect('a read of $all', () =>
          this.client.readAll({
            fromPosition: from ? toPosition(from) : START,
            maxCount: asked,
            direction: FORWARDS,
            filter: excludeSystemEvents(),
          }),
        );
        const fresh = page.filter((event) => from === undefined || event.position > from);
        events.push(...fresh.filter((event) => !isSystemEvent(event)).slice(0, maxCount - events.length));
        if (page.length < asked || fresh.length === 0) break;
        from = page[page.length - 1].position;
      }
    } catch (error) {
      throw toPortError(error, '$all');
    }
    return events;
  }

  subscribeToAll({ after, filter }: SubscribeOptions = {}): Subscription {
    this.refuseWhenClosed();
    const subscription = createSubscription(
      async function* (this: KurrentDbEventStore, signal: AbortSignal, health: SubscriptionHealth) {
        let checkpoint = after;
        let failures = 0;
        while (!signal.aborted && !this.closed) {
          health.stalled = new EventStoreUnavailableError('Subscribing to KurrentDB: no confirmation yet');
          const attempt = this.client.subscribeToAll({
            fromPosition: checkpoint ? toPosition(checkpoint) : START,
            filter: serverFilter(filter),
          });
          // The client emits errors after the iterator is gone too (a late drop); an unheard one would end the process.
          attempt.on('error', () => undefined);
          attempt.once('confirmation', () => {
            health.stalled = undefined;
            failures = 0; // a successful resubscribe resets the backoff, whether or not events follow
          });
          // Cancelling the call does not end the client's stream when no answer ever came; destroying it does.
          const unsubscribe = () => {
            void attempt.unsubscribe().catch(() => undefined);
            attempt.destroy();
          };
          signal.addEventListener('abort', unsubscribe, { once: true });
          try {
            for await (const { event } of attempt) {
              if (!event) continue;
              health.stalled = undefined;
              const recorded = toRecordedEvent(event);
              // fromPosition is exclusive by the docs; comparing anyway keeps a resubscribe from repeating an event.
              if (checkpoint !== undefined && recorded.position <= checkpoint) continue;
              checkpoint = recorded.position;
              if (!isSystemEvent(recorded) && matchesFilter(recorded, filter)) yield recorded;
            }
            health.stalled = new EventStoreUnavailableError('KurrentDB ended the subscription');
          } catch (error) {
            if (signal.aborted || this.closed) return;
            if (isPermanent(error)) throw error;
            health.stalled = new EventStoreUnavailableError(`KurrentDB subscription dropped: ${describe(error)}`, {
              cause: error,
            });
            this.options.logger.warn(`subscription to $all dropped, resubscribing: ${describe(error)}`);
          } finally {
            signal.removeEventListener('abort', unsubscribe);
            unsubscribe();
          }
          if (!signal.aborted && !this.closed) await sleep(backoffDelay(failures++), signal);
        }
      }.bind(this),
    );
    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      get stalled() {
        return subscription.stalled;
      },
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  /**
   * KurrentDB counts nothing without reading it, so the backlog says when the first waiting event
   * was recorded (one filtered read of two events: `fromPosition` is inclusive) and not how many wait.
   */
  async countAfter(after: LogPosition | undefined, { eventTypes }: CountAfterOptions): Promise<Backlog> {
    this.refuseWhenClosed();
    try {
      const read = await this.collect('a read of $all', () =>
        this.client.readAll({
          fromPosition: after ? toPosition(after) : START,
          maxCount: 2,
          direction: FORWARDS,
          filter: eventTypeFilter({ prefixes: [...eventTypes] }),
        }),
      );
      const first = read.find(
        (event) => (after === undefined || event.position > after) && eventTypes.includes(event.type),
      );
      return { events: null, capped: false, firstRecordedAt: first?.recordedAt ?? null };
    } catch (error) {
      throw toPortError(error, '$all');
    }
  }

  /**
   * Reads the last event of `$all`, as the client docs suggest for finding the log's end. The read goes
   * over the client's native bridge, appends over its own gRPC channel: an append that could not complete
   * lately keeps the store unready too, since the read alone would not see that channel hang.
   */
  async ping(): Promise<void> {
    this.refuseWhenClosed();
    const failure = this.appendFailure;
    if (failure && Date.now() - failure.at < this.options.appendFailureHoldMs) {
      throw new EventStoreUnavailableError(`KurrentDB appends are failing: ${failure.error.message}`, {
        cause: failure.error,
      });
    }
    try {
      await bounded('a ping', this.options.pingTimeoutMs, async () => {
        for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
      });
    } catch (error) {
      throw toPortError(error, '$all');
    }
  }

  /**
   * Ends the subscriptions, then the client's gRPC streams and its channel, which dispose() leaves open.
   * The native read bridge has no close: it is freed with the client.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
    // A server that never answers must not hold up shutdown either.
    await bounded('closing', this.options.appendTimeoutMs, () => this.client.dispose()).catch(() => undefined);
    const { getChannel } = this.client as unknown as { getChannel(): Promise<{ close(): void }> };
    await getChannel()
      .then((channel) => channel.close())
      .catch(() => undefined);
  }

  /** The position of a stored event, for a retried append the server answers without one. */
  private async positionOfRevision(streamName: string, revision: bigint): Promise<LogPosition> {
    // From the leader: a lagging follower may not hold the event yet.
    const [stored] = await this.collect(`a read of ${streamName}`, () =>
      this.client.readStream(streamName, { fromRevision: revision, maxCount: 1, requiresLeader: true }),
    );
    if (!stored)
      throw new EventStoreUnavailableError(`KurrentDB did not return ${streamName}@${revision} just appended`);
    return stored.position;
  }

  private async collect(
    what: string,
    read: () => AsyncIterable<{ event?: KurrentRecordedEvent }>,
  ): Promise<RecordedEvent[]> {
    return bounded(what, this.options.readTimeoutMs, async () => {
      const events: RecordedEvent[] = [];
      for await (const { event } of read()) if (event) events.push(toRecordedEvent(event));
      return events;
    });
  }

  private refuseWhenClosed(): void {
    if (this.closed) throw new EventStoreUnavailableError('The KurrentDB event store is closed');
  }
}

/** Races the work against a timer: the client bounds neither its capability request nor its native reads. */
async function bounded<T>(what: string, ms: number, work: () => Promise<T>): Promise<T> {
  const running = work();
  running.catch(() => undefined); // a failure after the timeout has nobody left to tell
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new EventStoreUnavailableError(`KurrentDB did not answer ${what} within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The port's errors for what the client throws. Only a conflict is the caller's to resolve; anything
 * else the server or the connection did (unavailable, restarting, not the leader, not ready, busy, a
 * commit timeout, refused access) is a 503. A commit timeout may have written: a retry with the same
 * event ids is stored once.
 */
export function toPortError(error: unknown, streamName: string, expected?: ExpectedRevision): Error {
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  if (
    converted instanceof WrongExpectedRevisionError ||
    converted instanceof EventStoreUnavailableError ||
    converted instanceof ForeignLogPositionError
  )
    return converted;
  if (converted instanceof WrongExpectedVersionError) {
    const actual = typeof converted.actualState === 'bigint' ? converted.actualState : -1n;
    return new WrongExpectedRevisionError(streamName, expected ?? 'any', actual);
  }
  if (expected !== undefined && (converted instanceof StreamDeletedError || converted instanceof StreamTombstonedError))
    return new WrongExpectedRevisionError(streamName, expected, -1n);
  return new EventStoreUnavailableError(`KurrentDB event store unavailable: ${describe(converted)}`, { cause: error });
}

/** A subscription error that resubscribing cannot mend: it goes to the consumer instead of a retry loop. */
function isPermanent(error: unknown): boolean {
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  if (converted instanceof AccessDeniedError || converted instanceof InvalidArgumentError) return true;
  const code = (converted as { code?: unknown }).code;
  if (typeof code === 'number') return PERMANENT_CODES.has(code);
  // Not from the server at all: an event we cannot map, a position from another store.
  return !(converted instanceof Error && 'type' in converted);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message || error.name;
}

/** With `throwOnAppendFailure=false` the client answers a conflict as a success with a wrong revision. */
function refuseSilentAppendFailures(connectionString: string): void {
  if (/[?&]throwOnAppendFailure=false(&|$)/i.test(connectionString))
    throw new Error('KURRENTDB_URL: throwOnAppendFailure=false is not supported; conflicts must fail the append');
}

/** The server filters on one thing, by prefix; matchesFilter then applies the port's exact rule. */
function serverFilter(filter?: SubscriptionFilter): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.eventTypes?.length) return eventTypeFilter({ prefixes: [...filter.eventTypes] });
  return excludeSystemEvents();
}

function isSystemEvent(event: Pick<RecordedEvent, 'type'>): boolean {
  return event.type.startsWith('$');
}

function toPosition(position: LogPosition): Position {
  const [commit, prepare] = decodeLogPosition(position, 'kdb', 2);
  return { commit, prepare };
}

export function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  // Stream reads carry the log position from KurrentDB 22.6 on; older servers send none, or -1.
  if (!event.position || event.position.commit === NO_POSITION)
    throw new Error(`KurrentDB returned ${event.streamId}@${event.revision} without its log position`);
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    streamName: event.streamId,
    revision: event.revision,
    position: encodeLogPosition('kdb', event.position.commit, event.position.prepare),
    recordedAt: event.created,
  };
}
