import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body as received: signatures are computed over these exact bytes. */
  rawBody: string;
  /** The status this receiver answers with. */
  status: number;
  /** Whether the answer reached the socket: not when the sender hung up (or died) first. */
  answered: boolean;
  receivedAt: number;
}

export interface ReceiverResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A fake outside world: an HTTP server on 127.0.0.1 (a free port) that records every request.
 * Tests may make it fail the first N requests, delay its answers, or answer with anything.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private failuresLeft = 0;
  private delayMs = 0;
  private responder?: (request: ReceivedRequest) => ReceiverResponse | undefined;
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void receiver.answer(
          req.method ?? 'GET',
          req.url ?? '/',
          req.headers,
          Buffer.concat(chunks).toString('utf8'),
          res,
        );
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The base URL, e.g. `http://127.0.0.1:43123`; append a path of your choice. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Answers 500 to the next `count` requests, then 200 again. */
  failNext(count: number): this {
    this.failuresLeft = count;
    return this;
  }

  /** Waits this long before answering each request (to kill a sender in the middle of a delivery). */
  delayAnswers(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  /** Decides the answer to each request; return undefined for the default behaviour. */
  respondWith(responder: ((request: ReceivedRequest) => ReceiverResponse | undefined) | undefined): this {
    this.responder = responder;
    return this;
  }

  /** Requests whose path starts with `path` (the default: all). */
  received(path = '/'): ReceivedRequest[] {
    return this.requests.filter((request) => request.path.startsWith(path));
  }

  /** Requests answered with 2xx, the answer sent: what a sender saw as delivered. */
  delivered(path = '/'): ReceivedRequest[] {
    return this.received(path).filter((request) => request.answered && request.status >= 200 && request.status < 300);
  }

  /** Parsed JSON bodies of the delivered requests. */
  deliveredBodies<T = Record<string, unknown>>(path = '/'): T[] {
    return this.delivered(path).map((request) => JSON.parse(request.rawBody) as T);
  }

  /** Resolves once at least `count` requests have been received (answered or not), or rejects after `timeoutMs`. */
  async waitForRequests(count: number, timeoutMs = 15_000): Promise<ReceivedRequest[]> {
    if (this.requests.length < count) {
      await new Promise<void>((resolve, reject) => {
        const waiter = { count, resolve };
        this.waiters.push(waiter);
        setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(new Error(`webhook receiver got ${this.requests.length} of ${count} requests in ${timeoutMs} ms`));
        }, timeoutMs).unref();
      });
    }
    return this.requests;
  }

  reset(): void {
    this.requests.length = 0;
    this.failuresLeft = 0;
    this.delayMs = 0;
    this.responder = undefined;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    rawBody: string,
    res: import('node:http').ServerResponse,
  ): Promise<void> {
    const request: ReceivedRequest = {
      method,
      path,
      headers,
      rawBody,
      status: 0,
      answered: false,
      receivedAt: Date.now(),
    };
    this.requests.push(request);
    const custom = this.responder?.(request);
    let response: ReceiverResponse;
    if (custom) response = custom;
    else if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      response = { status: 500, body: 'receiver told to fail' };
    } else response = { status: 200, body: 'ok' };
    request.status = response.status;
    for (const waiter of [...this.waiters]) {
      if (this.requests.length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (res.destroyed) return;
    res.writeHead(response.status, { 'content-type': 'text/plain', ...response.headers });
    res.end(response.body ?? '', () => {
      request.answered = true;
    });
  }
}
