import { type EventSourceMessage, createParser } from 'eventsource-parser';

/** A Server-Sent Events client for specs and the bench: fetch and a well-kept parser, heartbeats counted. */
export class SseClient {
  readonly events: EventSourceMessage[] = [];
  /** Heartbeat comments received. */
  comments = 0;
  /** Each event's arrival time (ms since the epoch, to the microsecond), by index into `events`. */
  readonly arrivals: number[] = [];
  /** Resolves when the server ends the stream (not when this client aborts). */
  readonly ended: Promise<void>;
  /** Why the stream ended, if the connection broke rather than the server ending it. */
  broken?: Error;
  onEvent?: (event: EventSourceMessage, at: number) => void;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];

  private constructor(
    readonly status: number,
    readonly body: string | undefined,
    response: Response | undefined,
    private readonly keep = true,
  ) {
    this.ended = response?.body ? this.read(response.body) : Promise.resolve();
  }

  /**
   * Opens the stream; a non-200 answer comes back as a closed client with its status and body.
   * Without `keep`, events only go to `onEvent` (a bench holds thousands of clients).
   */
  static async open(url: string, headers: Record<string, string> = {}, { keep = true } = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    if (response.status !== 200) return new SseClient(response.status, await response.text(), undefined);
    const client = new SseClient(200, undefined, response, keep);
    client.abort.signal.addEventListener('abort', () => abort.abort(), { once: true });
    return client;
  }

  get lastEventId(): string | undefined {
    return this.events.at(-1)?.id;
  }

  /** Resolves once `done` holds, checked on every event and heartbeat; rejects after `ms`. */
  async until(done: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`SSE: not there after ${ms} ms (${this.events.length} events)`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = createParser({
      onEvent: (event) => {
        const at = performance.timeOrigin + performance.now();
        if (this.keep) {
          this.events.push(event);
          this.arrivals.push(at);
        }
        this.onEvent?.(event, at);
        this.wake();
      },
      onComment: () => {
        this.comments++;
        this.wake();
      },
    });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch (error) {
      // Closed here, or the server went away: either way the stream has ended.
      if (!this.abort.signal.aborted) this.broken = error as Error;
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
