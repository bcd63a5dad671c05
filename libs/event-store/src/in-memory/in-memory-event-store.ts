import {
  type AppendResult,
  type Backlog,
  type CountAfterOptions,
  DuplicateEventIdError,
  type EventStore,
  type ExpectedRevision,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevisionError,
  matchesFilter,
} from '../event-store.port';
import { decodeLogPosition, encodeLogPosition } from '../log-position';
import { checkAppend, idempotentReplay } from '../append-rules';
import { Doorbell, createSubscription } from '../subscription';

/** The whole log in one array, for unit tests and the `memory` configuration. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly doorbells = new Set<Doorbell>();

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    checkAppend(streamName, events);
    const stream = this.streams.get(streamName) ?? [];
    const replay = idempotentReplay(
      events.map((event) => this.byId.get(event.id)),
      streamName,
    );
    if (replay === 'conflict') throw new DuplicateEventIdError(streamName, events[0].id);
    if (replay) return replay;

    const current = BigInt(stream.length) - 1n;
    if (!revisionMatches(expectedRevision, current)) {
      throw new WrongExpectedRevisionError(streamName, expectedRevision, current);
    }
    for (const event of events) {
      const recorded: RecordedEvent = {
        ...asStored(event),
        streamName,
        revision: BigInt(stream.length),
        position: encodeLogPosition('mem', BigInt(this.log.length)),
        recordedAt: new Date(),
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.byId.set(event.id, recorded);
    }
    this.streams.set(streamName, stream);
    for (const doorbell of this.doorbells) doorbell.ring();
    const last = stream[stream.length - 1];
    return { nextRevision: last.revision, position: last.position };
  }

  async readStream(streamName: string, { fromRevision = 0n, maxCount }: ReadStreamOptions = {}) {
    const stream = this.streams.get(streamName) ?? [];
    const from = stream.slice(Number(fromRevision));
    return (maxCount === undefined ? from : from.slice(0, maxCount)).map(copy);
  }

  async readAll({ after, maxCount }: ReadAllOptions) {
    if (after !== undefined) decodeLogPosition(after, 'mem', 1);
    const start = after === undefined ? 0 : this.log.findIndex((event) => event.position > after);
    return start < 0 ? [] : this.log.slice(start, start + maxCount).map(copy);
  }

  subscribeToAll({ after, filter }: SubscribeOptions = {}): Subscription {
    return createSubscription(
      async function* (this: InMemoryEventStore, signal: AbortSignal) {
        const doorbell = new Doorbell();
        this.doorbells.add(doorbell);
        let checkpoint: LogPosition | undefined = after;
        try {
          while (!signal.aborted) {
            const batch = await this.readAll({ after: checkpoint, maxCount: 1_000 });
            for (const event of batch) {
              checkpoint = event.position;
              if (matchesFilter(event, filter)) yield event;
            }
            if (batch.length === 0) await doorbell.wait(60_000, signal);
          }
        } finally {
          this.doorbells.delete(doorbell);
        }
      }.bind(this),
    );
  }

  async countAfter(after: LogPosition | undefined, { eventTypes, cap }: CountAfterOptions): Promise<Backlog> {
    let events = 0;
    let firstRecordedAt: Date | null = null;
    for (
      let i = after === undefined ? 0 : Number(decodeLogPosition(after, 'mem', 1)[0]) + 1;
      i < this.log.length;
      i++
    ) {
      if (!eventTypes.includes(this.log[i].type)) continue;
      firstRecordedAt ??= new Date(this.log[i].recordedAt);
      if (++events === cap) break;
    }
    return { events, capped: events >= cap, firstRecordedAt };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

function revisionMatches(expected: ExpectedRevision, current: bigint): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1n;
    case 'exists':
      return current >= 0n;
    default:
      return current === expected;
  }
}

/** Events go through JSON as they would in a real store, so unit tests catch data that would not survive. */
function asStored({ id, type, data, metadata }: NewEvent): NewEvent {
  return { id, type, data: JSON.parse(JSON.stringify(data)), metadata: JSON.parse(JSON.stringify(metadata)) };
}

function copy(event: RecordedEvent): RecordedEvent {
  return { ...event, ...asStored(event), recordedAt: new Date(event.recordedAt) };
}
