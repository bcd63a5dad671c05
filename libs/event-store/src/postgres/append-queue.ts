import type { Pool } from 'pg';
import type { AppendResult } from '../event-store.port';
import { type Append, appendEvents, appendTogether } from './append';

/**
 * At most this many append statements run at once; small appends that come meanwhile are
 * written together by the next one. A statement per append cost 16 busy writers 16 round
 * trips, commits and Node-side queries (about 0.45 of pgbench's bare INSERTs); two statements
 * at a time slowed each other down (0.5), one carried all 16 (1.0, p99 halved). Appends are
 * short statements of their own transaction, so the one in flight never waits long.
 */
const STATEMENTS = 1;
/** Larger appends gain nothing from company (a statement and a commit are already shared by their events) and go at once. */
const SMALL_APPEND = 10;
/** A statement takes queued appends until it holds this many events. */
const EVENTS_PER_STATEMENT = 500;

interface Queued extends Append {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Appends through the pool, each in a transaction of its own while they come one at a time,
 * and small ones together — one INSERT, one commit — when they come faster than the database
 * commits them. Each append still succeeds or fails on its own: one whose expectation fails,
 * or one of a batch a unique constraint refused, is appended again alone, which answers for it.
 */
export class AppendQueue {
  private queued: Queued[] = [];
  private running = 0;

  constructor(private readonly pool: Pool) {}

  append(append: Append): Promise<AppendResult> {
    if (append.events.length > SMALL_APPEND) return this.appendAlone(append);
    return new Promise((resolve, reject) => {
      this.queued.push({ ...append, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < STATEMENTS && this.queued.length > 0) {
      const batch = this.takeBatch();
      this.running++;
      void this.write(batch).finally(() => {
        this.running--;
        this.next();
      });
    }
  }

  /** Queued appends, oldest first, to distinct streams: a second one to a stream waits for a later statement. */
  private takeBatch(): Queued[] {
    const streams = new Set<string>();
    const batch: Queued[] = [];
    const later: Queued[] = [];
    let events = 0;
    for (const append of this.queued) {
      const fits = events + append.events.length <= EVENTS_PER_STATEMENT;
      if (!fits || streams.has(append.streamName)) {
        later.push(append);
        continue;
      }
      streams.add(append.streamName);
      batch.push(append);
      events += append.events.length;
    }
    this.queued = later;
    return batch;
  }

  private appendAlone({ streamName, events, expectedRevision }: Append): Promise<AppendResult> {
    return appendEvents(this.pool, streamName, events, expectedRevision, { withinTransaction: false });
  }

  private async write(batch: Queued[]): Promise<void> {
    const together =
      batch.length > 1 ? await appendTogether(this.pool, batch).catch(() => []) : ([] as (AppendResult | undefined)[]);
    await Promise.all(
      batch.map(async (append, i) => {
        try {
          append.resolve(together[i] ?? (await this.appendAlone(append)));
        } catch (error) {
          append.reject(error);
        }
      }),
    );
  }
}
