import {
  ANY,
  type AppendStreamState,
  BACKWARDS,
  DeadlineExceededError,
  END,
  type EventData,
  FORWARDS,
  type Filter,
  type JSONType,
  KurrentDBClient,
  NO_STREAM,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
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
import { decodeLogPosition, encodeLogPosition } from '../log-position';
import { backoffDelay, createSubscription, sleep } from '../subscription';

export interface KurrentDbEventStoreOptions {
  /** A `kurrentdb://` connection string. */
  connectionString: string;
  /** How long ping() waits for an answer; readiness checks must not hang. */
  pingTimeoutMs?: number;
}

const STREAM_STATES: Record<Exclude<ExpectedRevision, bigint>, AppendStreamState> = {
  no_stream: NO_STREAM,
  exists: STREAM_EXISTS,
  any: ANY,
};

/** Positions are the (commit, prepare) pair of the event in KurrentDB's transaction log, the order of `$all`. */
export class KurrentDbEventStore implements EventStore {
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly pingTimeoutMs: number,
  ) {}

  /** Connects lazily, like the client: a server that is down shows in ping(), not here. */
  static async connect({
    connectionString,
    pingTimeoutMs = 5_000,
  }: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), pingTimeoutMs);
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    checkAppend(streamName, events);
    // KurrentDB stores a same-ids retry once but cannot see an id reused for other events: no DuplicateEventIdError.
    const eventData: EventData[] = events.map(({ id, type, data, metadata }) =>
      jsonEvent({ id, type, data: data as JSONType, metadata }),
    );
    const streamState = typeof expectedRevision === 'bigint' ? expectedRevision : STREAM_STATES[expectedRevision];
    try {
      const result = await this.run(() => this.client.appendToStream(streamName, eventData, { streamState }));
      // An idempotent retry can come back without a position; the stored last event has it.
      const position = result.position
        ? encodeLogPosition(result.position.commit, result.position.prepare)
        : (await this.readStream(streamName, { fromRevision: result.nextExpectedRevision, maxCount: 1 }))[0].position;
      return { nextRevision: result.nextExpectedRevision, position };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = typeof error.actualState === 'bigint' ? error.actualState : -1n;
      throw new WrongExpectedRevisionError(streamName, expectedRevision, actual);
    }
  }

  async readStream(streamName: string, { fromRevision, maxCount }: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    try {
      return await this.collect(() =>
        this.client.readStream(streamName, { fromRevision: fromRevision ?? START, maxCount, direction: FORWARDS }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let from = after;
    while (events.length < maxCount) {
      // The client's fromPosition is inclusive and ours is exclusive: ask for one more and drop the event at `from`.
      const asked = maxCount - events.length + 1;
      const page = await this.collect(() =>
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
    return events;
  }

  subscribeToAll({ after, filter }: SubscribeOptions = {}): Subscription {
    return createSubscription(
      async function* (this: KurrentDbEventStore, signal: AbortSignal) {
        let checkpoint = after;
        let failures = 0;
        while (!signal.aborted && !this.closed) {
          const subscription = this.client.subscribeToAll({
            fromPosition: checkpoint ? toPosition(checkpoint) : START,
            filter: serverFilter(filter),
          });
          // Unsubscribing ends the client's iteration, so a close does not wait for the next event.
          const unsubscribe = () => void subscription.unsubscribe().catch(() => undefined);
          signal.addEventListener('abort', unsubscribe, { once: true });
          try {
            for await (const { event } of subscription) {
              if (!event) continue;
              const recorded = toRecordedEvent(event);
              // fromPosition is exclusive by the docs; comparing anyway keeps a resubscribe from repeating an event.
              if (checkpoint !== undefined && recorded.position <= checkpoint) continue;
              checkpoint = recorded.position;
              failures = 0;
              if (!isSystemEvent(recorded) && matchesFilter(recorded, filter)) yield recorded;
            }
          } catch {
            // The subscription dropped; resubscribe from the checkpoint below.
          } finally {
            signal.removeEventListener('abort', unsubscribe);
            unsubscribe();
          }
          if (!signal.aborted && !this.closed) await sleep(backoffDelay(failures++), signal);
        }
      }.bind(this),
    );
  }

  /**
   * KurrentDB counts nothing without reading it, so the backlog says when the first waiting event
   * was recorded (one filtered read of two events: `fromPosition` is inclusive) and not how many wait.
   */
  async countAfter(after: LogPosition | undefined, { eventTypes }: CountAfterOptions): Promise<Backlog> {
    const read = await this.collect(() =>
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
  }

  /** Reads the last event of `$all`, as the client docs suggest for finding the log's end. */
  async ping(): Promise<void> {
    const answer = (async () => {
      for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
    })();
    answer.catch(() => undefined); // a failure after the timeout has nobody left to tell
    // The client does not apply `deadline` to reads (they go through its native bridge), so a timer bounds the wait.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No answer within ${this.pingTimeoutMs} ms`)), this.pingTimeoutMs);
    });
    try {
      await Promise.race([answer, timeout]);
    } catch (error) {
      throw new EventStoreUnavailableError('KurrentDB event store unavailable', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  private async collect(read: () => AsyncIterable<{ event?: KurrentRecordedEvent }>): Promise<RecordedEvent[]> {
    return this.run(async () => {
      const events: RecordedEvent[] = [];
      for await (const { event } of read()) if (event) events.push(toRecordedEvent(event));
      return events;
    });
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (isUnavailable(error))
        throw new EventStoreUnavailableError('KurrentDB event store unavailable', { cause: error });
      throw error;
    }
  }
}

/** Appends can fail with a raw gRPC error that the client has not converted yet. */
function isUnavailable(error: unknown): boolean {
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  return converted instanceof UnavailableError || converted instanceof DeadlineExceededError;
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
  const [commit, prepare] = decodeLogPosition(position, 2);
  return { commit, prepare };
}

function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  // Stream reads carry the log position from KurrentDB 22.6 on; `$all` reads always do.
  if (!event.position)
    throw new Error(`KurrentDB returned ${event.streamId}@${event.revision} without its log position`);
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    streamName: event.streamId,
    revision: event.revision,
    position: encodeLogPosition(event.position.commit, event.position.prepare),
    recordedAt: event.created,
  };
}
