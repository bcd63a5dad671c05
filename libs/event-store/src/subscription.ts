import type { RecordedEvent, Subscription } from './event-store.port';

/** What an adapter's subscription tells about itself while it runs. */
export interface SubscriptionHealth {
  stalled?: Error;
}

/** Wraps a generator that stops when its signal aborts into a closable subscription. */
export function createSubscription(
  run: (signal: AbortSignal, health: SubscriptionHealth) => AsyncGenerator<RecordedEvent>,
): Subscription {
  const controller = new AbortController();
  const health: SubscriptionHealth = {};
  const events = run(controller.signal, health);
  return {
    [Symbol.asyncIterator]: () => events,
    get stalled() {
      return health.stalled;
    },
    async close() {
      controller.abort();
      await events.return(undefined);
    },
  };
}

/**
 * Wakes a waiting subscriber. A ring that comes while nobody waits is kept, so an
 * append that lands between a read and the next wait is never slept through.
 */
export class Doorbell {
  private rung = false;
  private wake?: () => void;

  ring(): void {
    this.rung = true;
    this.wake?.();
  }

  /** Resolves on a ring, after `ms`, or when the signal aborts, whichever comes first. */
  async wait(ms: number, signal: AbortSignal): Promise<void> {
    if (!this.rung && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        this.wake = done;
      });
    }
    this.rung = false;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Exponential backoff with full jitter, capped. */
export function backoffDelay(attempt: number, baseMs = 100, capMs = 5_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}
