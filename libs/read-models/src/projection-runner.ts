import { Logger } from '@nestjs/common';
import type { EventStore, LogPosition, RecordedEvent } from '@frontline/event-store';
import type { Redis } from 'ioredis';
import type { ApplyOutcome } from './apply-batch.script';
import { applyOps } from './apply-events';
import type { Keyspace, Projection, RedisOp } from './projection';

const BATCH_SIZE = 500;
/** With nothing new for this long, the runner counts as caught up with the log. */
const IDLE_MS = 250;

export type RunnerState = 'catching_up' | 'live' | 'failed' | 'stopped';

/**
 * Runs one generation of one projection: a catch-up subscription from its stored checkpoint;
 * each batch of events is applied by one Lua script that checks the checkpoint, writes and
 * moves it. A crash, a replay or a second runner can neither apply an event twice nor skip one.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private readonly stopped = new AbortController();
  private subscription?: ReturnType<EventStore['subscribeToAll']>;
  state: RunnerState = 'catching_up';
  private finished?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly redis: Redis,
    private readonly projection: Projection,
    readonly keys: Keyspace,
    private readonly onLive: () => void = () => undefined,
  ) {
    this.logger = new Logger(`Projection ${keys.tag}`);
  }

  start(): this {
    this.finished = this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.subscription?.close();
    await this.finished;
    if (this.state !== 'failed') this.state = 'stopped';
  }

  private async run(): Promise<void> {
    while (!this.stopped.signal.aborted && this.state !== 'failed') {
      try {
        await this.follow();
      } catch (error) {
        if (this.stopped.signal.aborted) return;
        this.logger.warn(
          `Redis or the event store failed; resuming from the stored checkpoint: ${(error as Error).message}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /** Follows the log from the stored checkpoint until stopped, failed, or overtaken by another writer. */
  private async follow(): Promise<void> {
    let checkpoint = ((await this.redis.get(this.keys.key('checkpoint'))) ?? undefined) as LogPosition | undefined;
    const subscription = this.store.subscribeToAll({
      after: checkpoint,
      filter: { eventTypes: this.projection.eventTypes },
    });
    this.subscription = subscription;
    const events = subscription[Symbol.asyncIterator]();
    let pending = events.next();
    try {
      while (!this.stopped.signal.aborted) {
        const batch: RecordedEvent[] = [];
        const first = await this.nextOrIdle(pending);
        if (first === 'idle') {
          this.markLive();
          continue;
        }
        if (first.done) return;
        batch.push(first.value);
        pending = events.next();
        // Take what is already there, up to a batch, without waiting for more.
        while (batch.length < BATCH_SIZE) {
          const next = await Promise.race([pending, Promise.resolve('none' as const)]);
          if (next === 'none' || next.done) break;
          batch.push(next.value);
          pending = events.next();
        }
        const outcome = await this.apply(checkpoint, batch);
        if (outcome === 'failed') return;
        if (outcome === 'writer_ahead') return; // another writer moved on: resume from what it stored
        checkpoint = batch[batch.length - 1].position;
      }
    } finally {
      await subscription.close();
    }
  }

  private async nextOrIdle(pending: Promise<IteratorResult<RecordedEvent>>) {
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<'idle'>((resolve) => (timer = setTimeout(() => resolve('idle'), IDLE_MS)));
    try {
      return await Promise.race([pending, idle]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async apply(after: LogPosition | undefined, batch: RecordedEvent[]): Promise<ApplyOutcome | 'failed'> {
    const ops: RedisOp[] = [];
    for (const event of batch) {
      const projected = this.project(event);
      if (!projected) return 'failed';
      ops.push(...projected);
    }
    const last = batch[batch.length - 1];
    const outcome = await applyOps(this.redis, this.keys, after, last.position, ops);
    await this.redis.hset(this.keys.key('status'), {
      checkpoint: last.position,
      lastEventRecordedAt: last.recordedAt.toISOString(),
      appliedAt: new Date().toISOString(),
    });
    return outcome;
  }

  /** A projection that cannot apply an event stops there and says which: skipping it would corrupt the model. */
  private project(event: RecordedEvent): RedisOp[] | undefined {
    try {
      return this.projection.project(event, this.keys);
    } catch (error) {
      this.state = 'failed';
      const failure = { id: event.id, type: event.type, streamName: event.streamName, position: event.position };
      this.logger.error(`stopped at event ${event.type} ${event.id} (${event.position}): ${(error as Error).message}`);
      void this.redis.hset(this.keys.key('status'), {
        state: 'failed',
        error: (error as Error).message,
        failedEvent: JSON.stringify(failure),
      });
      return undefined;
    }
  }

  private markLive(): void {
    if (this.state !== 'catching_up') return;
    this.state = 'live';
    void this.redis.hset(this.keys.key('status'), { state: 'live' });
    this.onLive();
  }
}
