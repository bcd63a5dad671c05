import { Logger } from '@nestjs/common';
import type { EventStore, LogPosition, RecordedEvent } from '@frontline/event-store';
import type { ReadModelRedis } from '@frontline/platform';
import type { ApplyOutcome } from './apply-batch.script';
import { applyOps } from './apply-events';
import { type LiveNotice, liveChannel } from './live/live-notice';
import { type EventQueue, type LogFeed, subscribeOnItsOwn } from './log-feed';
import type { Keyspace, Projection, RedisOp } from './projection';

/** A script applies at most this many events, or this many ops and the rest of the event past them: Redis serves nobody else while it runs. */
const BATCH_EVENTS = 1_000;
const BATCH_OPS = 5_000;
/** With nothing new for this long, the runner counts as caught up with the log. */
const IDLE_MS = 250;

export type RunnerState = 'catching_up' | 'live' | 'failed' | 'stopped';

interface Batch {
  events: RecordedEvent[];
  ops: RedisOp[];
  /** It ends before an event the projection cannot apply. */
  failed: boolean;
}

export interface RunnerOptions {
  /** The log read once for several runners; without it, or once it falls behind, the runner reads on its own. */
  feed?: LogFeed;
  onLive?: () => void;
}

/**
 * Runs one generation of one projection from its stored checkpoint; each batch of events is
 * applied by one Lua script that checks the checkpoint, writes and moves it. A crash, a replay
 * or a second runner can neither apply an event twice nor skip one.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private readonly stopped = new AbortController();
  private shared?: { feed: LogFeed; queue: EventQueue };
  state: RunnerState = 'catching_up';
  /** Whether it tells live streams what it applied: a serving generation does, one being rebuilt from the start does not. */
  announcing = false;
  private finished?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly redis: ReadModelRedis,
    private readonly projection: Projection,
    readonly keys: Keyspace,
    private readonly options: RunnerOptions = {},
  ) {
    this.logger = new Logger(`Projection ${keys.tag}`);
    if (options.feed) this.shared = { feed: options.feed, queue: options.feed.join(projection.eventTypes) };
  }

  start(): this {
    this.finished = this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    this.leaveFeed();
    await this.finished;
    if (this.state !== 'failed') this.state = 'stopped';
  }

  private async run(): Promise<void> {
    while (!this.stopped.signal.aborted && this.state !== 'failed') {
      try {
        await this.follow();
      } catch (error) {
        if (this.stopped.signal.aborted) break;
        this.logger.warn(
          `Redis or the event store failed; resuming from the stored checkpoint: ${(error as Error).message}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    this.leaveFeed();
  }

  /** Follows the log from the stored checkpoint until stopped or failed, or until it must read again from there. */
  private async follow(): Promise<void> {
    let checkpoint = await this.storedCheckpoint();
    const own = new AbortController();
    const queue =
      this.shared?.queue ??
      subscribeOnItsOwn(
        this.store,
        checkpoint,
        this.projection.eventTypes,
        AbortSignal.any([own.signal, this.stopped.signal]),
      );
    try {
      while (!this.stopped.signal.aborted) {
        if (queue.size === 0) {
          // A subscription hands over only what resubscribing cannot mend (access denied, a foreign checkpoint).
          if (queue.failure) return this.failSubscription(queue.failure);
          if (queue.ended) return this.leaveFeed();
          await queue.waitForEvents(IDLE_MS);
          if (queue.size === 0 && !queue.ended) this.showIdle(queue.stalled);
          continue;
        }
        const batch = this.take(queue, checkpoint);
        if (batch.events.length > 0) {
          const last = batch.events[batch.events.length - 1];
          const { outcome, at } = await this.applyOrNarrow(checkpoint, batch.events, batch.ops);
          if (outcome === 'applied') {
            this.announce(checkpoint, batch.events);
            checkpoint = last.position;
          } else if (typeof outcome === 'object')
            return this.stopAt(at, 'refused' in outcome ? outcome.refused : outcome.halted);
          else {
            // Another writer applied some or all of it: go on from where it got, with the events in hand.
            if (batch.failed) return;
            const stored = await this.storedCheckpoint();
            if ((stored ?? '') < (checkpoint ?? '')) return this.leaveFeed(); // the checkpoint went back: read again
            queue.putBack(batch.events);
            checkpoint = stored;
            continue;
          }
        }
        if (batch.failed) return;
      }
    } catch (error) {
      // The batch may or may not have been applied; the stored checkpoint says, and the runner reads on from it.
      this.leaveFeed();
      throw error;
    } finally {
      own.abort();
    }
  }

  /** Takes what has arrived, up to a batch, projecting as it goes; stops before an event it cannot apply. */
  private take(queue: EventQueue, after: LogPosition | undefined): Batch {
    const batch: Batch = { events: [], ops: [], failed: false };
    while (batch.events.length < BATCH_EVENTS && batch.ops.length < BATCH_OPS) {
      const event = queue.shift();
      if (!event) break;
      if (after !== undefined && event.position <= after) continue; // applied already, here or by another writer
      const ops = this.project(event);
      if (!ops) {
        batch.failed = true;
        break;
      }
      batch.events.push(event);
      for (const op of ops) batch.ops.push(op);
    }
    return batch;
  }

  private project(event: RecordedEvent): RedisOp[] | undefined {
    try {
      return this.projection.project(event, this.keys);
    } catch (error) {
      this.stopAt(event, (error as Error).message);
      return undefined;
    }
  }

  /**
   * Applies the events after `after` with one script. When Redis would refuse one of their writes,
   * the script writes nothing; halving the events until one is left applies all those before it
   * and finds it, in a few more scripts. Returns the outcome, and the event it ended at.
   */
  private async applyOrNarrow(
    after: LogPosition | undefined,
    events: readonly RecordedEvent[],
    ops?: readonly RedisOp[],
  ): Promise<{ outcome: ApplyOutcome; at: RecordedEvent }> {
    const projected = ops ?? events.flatMap((event) => this.projection.project(event, this.keys));
    const outcome = await applyOps(this.redis, this.keys, after, events[events.length - 1], projected);
    if (typeof outcome !== 'object' || !('refused' in outcome) || events.length === 1)
      return { outcome, at: events[0] };
    const half = Math.ceil(events.length / 2);
    const first = await this.applyOrNarrow(after, events.slice(0, half));
    return first.outcome === 'applied' ? this.applyOrNarrow(events[half - 1].position, events.slice(half)) : first;
  }

  /**
   * Publishes one notice for the batch (see `LiveNotice`), after it was applied. A notice that
   * gets lost costs nothing but time: the api notices the gap by the next one's `from`.
   */
  private announce(after: LogPosition | undefined, events: readonly RecordedEvent[]): void {
    if (!this.announcing || !this.projection.live) return;
    const topics = new Set(events.flatMap((event) => this.projection.live!(event)));
    if (topics.size === 0) return;
    const notice: LiveNotice = {
      projection: this.projection.name,
      from: after ?? '',
      to: events[events.length - 1].position,
      topics: [...topics],
    };
    this.redis
      .publish(liveChannel(this.redis), JSON.stringify(notice))
      .catch((error: Error) => this.logger.warn(`live notice not published: ${error.message}`));
  }

  /** A projection that cannot apply an event stops there and says which: skipping it would corrupt the model. */
  private stopAt(event: RecordedEvent, why: string): void {
    this.state = 'failed';
    const failure = { id: event.id, type: event.type, streamName: event.streamName, position: event.position };
    this.logger.error(`stopped at event ${event.type} ${event.id} (${event.position}): ${why}`);
    this.writeStatus({ state: 'failed', error: why, failedEvent: JSON.stringify(failure) });
  }

  private async storedCheckpoint(): Promise<LogPosition | undefined> {
    return ((await this.redis.get(this.keys.key('checkpoint'))) ?? undefined) as LogPosition | undefined;
  }

  /** From now on the runner reads the log on its own, from its stored checkpoint. */
  private leaveFeed(): void {
    this.shared?.feed.leave(this.shared.queue);
    this.shared = undefined;
  }

  /** Nothing new is live only while the subscription follows the log; a stalled one is no proof of being caught up. */
  private showIdle(stalled: Error | undefined): void {
    if (!stalled) return this.markLive();
    if (this.state !== 'live') return;
    this.state = 'catching_up';
    this.writeStatus({ state: 'catching_up', error: stalled.message });
  }

  private markLive(): void {
    if (this.state !== 'catching_up') return;
    this.state = 'live';
    this.writeStatus({ state: 'live', error: '' });
    this.options.onLive?.();
  }

  private failSubscription(cause: unknown): void {
    this.state = 'failed';
    const message = `the subscription to the log failed: ${(cause as Error).message ?? String(cause)}`;
    this.logger.error(message);
    this.writeStatus({ state: 'failed', error: message });
    this.leaveFeed();
  }

  /**
   * The status tells people how the projection is doing; the checkpoint, written with the
   * events, is what the runner goes by. So a status that cannot be written (Redis gone, the
   * app shutting down) is logged and left for the next one.
   */
  private writeStatus(fields: Record<string, string>): void {
    this.redis
      .hset(this.keys.key('status'), fields)
      .catch((error: Error) => this.logger.warn(`status not written: ${error.message}`));
  }
}
