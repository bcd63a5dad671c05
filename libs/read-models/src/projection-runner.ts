import { Logger } from '@nestjs/common';
import { Doorbell, type EventStore, type LogPosition, type RecordedEvent } from '@frontline/event-store';
import type { Redis } from 'ioredis';
import type { ApplyOutcome } from './apply-batch.script';
import { applyOps } from './apply-events';
import type { Keyspace, Projection, RedisOp } from './projection';

const BATCH_SIZE = 500;
const READ_AHEAD = 5_000;
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
    const buffer: RecordedEvent[] = [];
    const arrived = new Doorbell();
    const taken = new Doorbell();
    let ended = false;
    // Reads ahead of the writes, so each script applies whatever has arrived, up to a batch.
    const reading = (async () => {
      for await (const event of subscription) {
        buffer.push(event);
        arrived.ring();
        while (buffer.length >= READ_AHEAD && !this.stopped.signal.aborted)
          await taken.wait(1_000, this.stopped.signal);
      }
      ended = true;
      arrived.ring();
    })();
    try {
      while (!this.stopped.signal.aborted) {
        if (buffer.length === 0) {
          if (ended) return;
          await arrived.wait(IDLE_MS, this.stopped.signal);
          if (buffer.length === 0) this.markLive();
          continue;
        }
        const batch = buffer.splice(0, BATCH_SIZE);
        taken.ring();
        const outcome = await this.apply(checkpoint, batch);
        if (outcome === 'failed' || outcome === 'writer_ahead') return; // resume from what the other writer stored
        checkpoint = batch[batch.length - 1].position;
      }
    } finally {
      await subscription.close();
      await reading.catch(() => undefined);
    }
  }

  private async apply(after: LogPosition | undefined, batch: RecordedEvent[]): Promise<ApplyOutcome | 'failed'> {
    const ops: RedisOp[] = [];
    let applicable = 0;
    for (const event of batch) {
      const projected = this.project(event);
      if (!projected) break;
      ops.push(...projected);
      applicable++;
    }
    // What comes before a failing event is applied; the failing one and what follows are not.
    if (applicable > 0) {
      const last = batch[applicable - 1];
      const outcome = await applyOps(this.redis, this.keys, after, last.position, ops);
      await this.redis.hset(this.keys.key('status'), {
        checkpoint: last.position,
        lastEventRecordedAt: last.recordedAt.toISOString(),
        appliedAt: new Date().toISOString(),
      });
      if (applicable === batch.length) return outcome;
    }
    return 'failed';
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
