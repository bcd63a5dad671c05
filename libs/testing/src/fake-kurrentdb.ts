import { type Http2Session, type ServerHttp2Stream, createServer as createHttp2Server } from 'node:http2';
import { type Server, type Socket, createServer as createTcpServer } from 'node:net';

/**
 * Stand-ins for a KurrentDB server that is slow, gone or refusing, so the adapter's failure
 * paths run where no KurrentDB can: each listens on a free local port without TLS.
 */
export interface FakeKurrentDb {
  /** A connection string for the adapter: `kurrentdb://127.0.0.1:<port>?tls=false`. */
  url: string;
  close(): Promise<void>;
}

/** One gRPC call as the fake sees it: the method's path and what the client sent so far. */
export interface FakeCall {
  path: string;
  /** `grpc-node-js/…` from the client's gRPC channel (appends, subscriptions), `tonic/…` from its native read bridge. */
  userAgent: string;
  stream: ServerHttp2Stream;
  session: Http2Session;
  received: Buffer[];
}

/** gRPC paths of the calls the adapter makes. */
export const GRPC = {
  supportedMethods: '/event_store.client.server_features.ServerFeatures/GetSupportedMethods',
  batchAppend: '/event_store.client.streams.Streams/BatchAppend',
  append: '/event_store.client.streams.Streams/Append',
  read: '/event_store.client.streams.Streams/Read',
} as const;

/** Accepts connections and never answers a byte: a hung server, or a network that swallows packets. */
export async function silentKurrentDb(): Promise<FakeKurrentDb> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  return listen(server, () => sockets.forEach((socket) => socket.destroy()));
}

/**
 * Speaks HTTP/2 like a KurrentDB with tls=false and hands each gRPC call to `answer`. With
 * `readRequests: false` it never reads what clients send, so their writes back up behind flow control.
 */
export async function grpcKurrentDb(
  answer: (call: FakeCall) => void,
  { readRequests = true } = {},
): Promise<FakeKurrentDb & { calls: FakeCall[] }> {
  const calls: FakeCall[] = [];
  const sessions = new Set<Http2Session>();
  const server = createHttp2Server();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => undefined);
  });
  server.on('stream', (stream, headers) => {
    stream.on('error', () => undefined);
    const call: FakeCall = {
      path: String(headers[':path']),
      userAgent: String(headers['user-agent'] ?? ''),
      stream,
      session: stream.session!,
      received: [],
    };
    calls.push(call);
    if (readRequests) stream.on('data', (chunk: Buffer) => call.received.push(chunk));
    answer(call);
  });
  const fake = await listen(server, () => sessions.forEach((session) => session.destroy()));
  return { ...fake, calls };
}

/** Ends the call at once with a gRPC status, as servers do for errors ("trailers-only"). */
export function failCall(call: FakeCall, code: number, message: string, metadata: Record<string, string> = {}): void {
  if (call.stream.destroyed || call.stream.headersSent) return;
  call.stream.respond(
    {
      ':status': 200,
      'content-type': 'application/grpc',
      'grpc-status': String(code),
      'grpc-message': encodeURIComponent(message),
      ...metadata,
    },
    { endStream: true },
  );
}

/** Answers one message and OK: `message` is the protobuf encoding of the reply. */
export function answerCall(call: FakeCall, message: Buffer = Buffer.alloc(0)): void {
  call.stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  call.stream.on('wantTrailers', () => call.stream.sendTrailers({ 'grpc-status': '0' }));
  call.stream.end(grpcFrame(message));
}

/** Answers an empty stream and OK: a read that found nothing. */
export function answerEmpty(call: FakeCall): void {
  failCall(call, 0, 'OK');
}

/** KurrentDB's answer to the capability request: these `/service/method` paths are supported. */
export function supportedMethods(...paths: string[]): Buffer {
  const methods = paths.map((path) => {
    const [, service, method] = path.split('/');
    return protobufField(1, Buffer.concat([protobufField(1, method), protobufField(2, service)]));
  });
  return Buffer.concat([...methods, protobufField(2, '24.10.0')]);
}

/**
 * Answers every batch append on this call as stored at `revision` but without a log position,
 * as KurrentDB answers an append it recognises as a retry.
 */
export function acceptAppendsWithoutPosition(call: FakeCall, revision = 0): void {
  call.stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
  call.stream.on('data', (chunk: Buffer) => {
    // The request's first field is its correlation id, sent as a UUID string; the answer echoes it.
    const correlationId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(chunk.toString('latin1'));
    if (!correlationId) return;
    const success = Buffer.concat([varint(1 << 3), varint(revision), protobufField(4, Buffer.alloc(0))]);
    const uuid = protobufField(2, correlationId[0]);
    call.stream.write(grpcFrame(Buffer.concat([protobufField(1, uuid), protobufField(3, success)])));
  });
}

function grpcFrame(message: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}

/** A length-delimited protobuf field: all that the capability answer needs. */
function protobufField(field: number, value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  return Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  for (let rest = value; ; rest >>>= 7) {
    if (rest < 0x80) {
      bytes.push(rest);
      return Buffer.from(bytes);
    }
    bytes.push((rest & 0x7f) | 0x80);
  }
}

async function listen(server: Server | ReturnType<typeof createHttp2Server>, dropAll: () => void) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `kurrentdb://127.0.0.1:${port}?tls=false`,
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
