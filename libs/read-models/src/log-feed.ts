import {
  Doorbell,
  type EventStore,
  type LogPosition,
  type RecordedEvent,
  type Subscription,
} from '@frontline/event-store';

/** Events read ahead of one runner's writes, at most this many. */
const READ_AHEAD = 5_000;

/**
 * The events of one runner's types that it has been handed and not yet applied. The reader
 * waits while it is full, so a slow projection holds its reader back instead of filling memory.
 */
export class EventQueue {
  private events: RecordedEvent[] = [];
  private head = 0;
  private readonly arrived = new Doorbell();
  private readonly taken = new Doorbell();
  ended = false;
  /** Why the reader ended, when it failed. */
  failure?: unknown;
  /** The subscription that fills it, asked whether it follows the log. */
  source?: Pick<Subscription, 'stalled'>;
  private closed = false;

  constructor(
    readonly eventTypes: ReadonlySet<string>,
    private readonly signal: AbortSignal,
  ) {}

  get size(): number {
    return this.events.length - this.head;
  }

  /** Why the reader cannot follow the log right now, while its subscription resubscribes. */
  get stalled(): Error | undefined {
    return this.source?.stalled;
  }

  get full(): boolean {
    return this.size >= READ_AHEAD && !this.closed;
  }

  push(event: RecordedEvent): void {
    this.events.push(event);
    this.arrived.ring();
  }

  shift(): RecordedEvent | undefined {
    if (this.head === this.events.length) return undefined;
    const event = this.events[this.head++];
    if (this.head >= 1_024 && this.head * 2 >= this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
    this.taken.ring();
    return event;
  }

  end(failure?: unknown): void {
    this.ended = true;
    this.failure = failure;
    this.arrived.ring();
  }

  /** Resolves when events arrive, the reader ends, or after `ms`. */
  waitForEvents(ms: number): Promise<void> {
    return this.arrived.wait(ms, this.signal);
  }

  /** Its runner takes no more: nobody waits on it any longer. */
  close(): void {
    this.closed = true;
    this.taken.ring();
    this.arrived.ring();
  }

  /** Puts back events taken but not applied, ahead of the rest. */
  putBack(events: readonly RecordedEvent[]): void {
    this.events = [...events, ...this.events.slice(this.head)];
    this.head = 0;
  }

  /** Resolves when there is room for more, or nobody takes any more. */
  async waitForRoom(): Promise<void> {
    while (this.full && !this.signal.aborted) await this.taken.wait(1_000, this.signal);
  }
}

/** Follows the log after `after` into a queue of the given types, until the signal aborts. */
export function subscribeOnItsOwn(
  store: EventStore,
  after: LogPosition | undefined,
  eventTypes: readonly string[],
  signal: AbortSignal,
): EventQueue {
  const queue = new EventQueue(new Set(eventTypes), signal);
  const subscription = store.subscribeToAll({ after, filter: { eventTypes } });
  queue.source = subscription;
  signal.addEventListener('abort', () => void subscription.close(), { once: true });
  void (async () => {
    for await (const event of subscription) {
      queue.push(event);
      if (queue.full) await queue.waitForRoom();
    }
  })().then(
    () => queue.end(),
    (error: unknown) => queue.end(error),
  );
  return queue;
}

/**
 * The log read once for all the runners that start from the same place: each event is parsed
 * once and handed to the queue of every runner that projects its type. Eight projections reading
 * the log each on their own read and parse it eight times.
 */
export class LogFeed {
  private readonly queues = new Set<EventQueue>();
  private readonly stopped = new AbortController();
  private reading?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    /** Where every runner that joins has its checkpoint, or further on. */
    private readonly after: LogPosition | undefined,
  ) {}

  /** Joins before the feed starts: the runner is handed every event of its types after `after`. */
  join(eventTypes: readonly string[]): EventQueue {
    if (this.reading) throw new Error('Runners join a log feed before it starts');
    const queue = new EventQueue(new Set(eventTypes), this.stopped.signal);
    this.queues.add(queue);
    return queue;
  }

  leave(queue: EventQueue): void {
    this.queues.delete(queue);
    queue.close();
  }

  start(): this {
    this.reading = this.read();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.reading;
  }

  private async read(): Promise<void> {
    const subscription = this.store.subscribeToAll({ after: this.after });
    for (const queue of this.queues) queue.source = subscription;
    this.stopped.signal.addEventListener('abort', () => void subscription.close(), { once: true });
    let failure: unknown;
    try {
      for await (const event of subscription) {
        for (const queue of this.queues) if (queue.eventTypes.has(event.type)) queue.push(event);
        for (const queue of this.queues) if (queue.full) await queue.waitForRoom();
        if (this.queues.size === 0) return;
      }
    } catch (error) {
      failure = error;
    } finally {
      for (const queue of this.queues) queue.end(failure);
    }
  }
}
