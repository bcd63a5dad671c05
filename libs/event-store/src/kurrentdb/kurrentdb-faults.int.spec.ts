import { randomUUID } from 'node:crypto';
import {
  type FakeCall,
  type FakeKurrentDb,
  GRPC,
  acceptAppendsWithoutPosition,
  answerCall,
  answerEmpty,
  failCall,
  grpcKurrentDb,
  silentKurrentDb,
  supportedMethods,
} from '@frontline/testing';
import { EventStoreUnavailableError, type NewEvent, WrongExpectedRevisionError } from '../event-store.port';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';

/** Small bounds keep the suite fast; what matters is that every wait ends, not how long it takes. */
const BOUNDS = { appendTimeoutMs: 400, readTimeoutMs: 400, pingTimeoutMs: 400 };

function newEvent(): NewEvent {
  return {
    id: randomUUID(),
    type: 'TeamCreated',
    data: { name: 'Support' },
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actorId: 'test', schemaVersion: 1 },
  };
}

/** A KurrentDB whose reads answer (empty) and which says it takes batch appends, answering them with `append`. */
function kurrentDb(append: (call: FakeCall) => void, read: (call: FakeCall) => void = answerEmpty) {
  return grpcKurrentDb((call) => {
    if (call.path === GRPC.supportedMethods) return answerCall(call, supportedMethods(GRPC.batchAppend));
    if (call.path === GRPC.batchAppend || call.path === GRPC.append) return append(call);
    if (call.path === GRPC.read) return read(call);
    failCall(call, 12, 'not implemented by the fake');
  });
}

/** Waits until the fake has received something on this call (the append's request). */
function onRequest(call: FakeCall, then: () => void): void {
  call.stream.once('data', () => setImmediate(then));
}

describe('the KurrentDB adapter against a server that is slow, gone or refusing (no KurrentDB needed)', () => {
  let server: FakeKurrentDb | undefined;
  let store: KurrentDbEventStore | undefined;

  async function connect(fake: FakeKurrentDb, options: Partial<KurrentDbEventStoreOptions> = {}) {
    server = fake;
    store = await KurrentDbEventStore.connect({
      connectionString: fake.url,
      ...BOUNDS,
      logger: { warn: () => undefined },
      ...options,
    });
    return store;
  }

  afterEach(async () => {
    await store?.close();
    await server?.close();
    store = server = undefined;
  });

  describe('that accepts connections and never answers', () => {
    it('fails an append with EventStoreUnavailableError (503) within its bound', async () => {
      const kurrent = await connect(await silentKurrentDb());
      await expect(
        kurrent.appendToStream(`team-${randomUUID()}`, [newEvent()], { expectedRevision: 'no_stream' }),
      ).rejects.toThrow(EventStoreUnavailableError);
    });

    it('fails reads of a stream and of the log within their bound', async () => {
      const kurrent = await connect(await silentKurrentDb());
      await expect(kurrent.readStream(`team-${randomUUID()}`)).rejects.toThrow(EventStoreUnavailableError);
      await expect(kurrent.readAll({ maxCount: 10 })).rejects.toThrow(EventStoreUnavailableError);
    });

    it('is not ready', async () => {
      const kurrent = await connect(await silentKurrentDb());
      await expect(kurrent.ping()).rejects.toThrow(EventStoreUnavailableError);
    });
  });

  describe('whose reads answer while its appends hang', () => {
    it('fails the append within its bound, and readiness goes red although reads still answer', async () => {
      // The native bridge takes most of a second to connect the first time.
      const kurrent = await connect(await kurrentDb(() => undefined), { pingTimeoutMs: 5_000 });
      await expect(kurrent.ping()).resolves.toBeUndefined();

      await expect(
        kurrent.appendToStream(`team-${randomUUID()}`, [newEvent()], { expectedRevision: 'no_stream' }),
      ).rejects.toThrow(EventStoreUnavailableError);

      await expect(kurrent.ping()).rejects.toThrow(/appends are failing/);
    });
  });

  it('answers an append the connection resets under with EventStoreUnavailableError', async () => {
    const kurrent = await connect(await kurrentDb((call) => onRequest(call, () => call.session.socket.destroy())));
    await expect(
      kurrent.appendToStream(`team-${randomUUID()}`, [newEvent()], { expectedRevision: 'no_stream' }),
    ).rejects.toThrow(EventStoreUnavailableError);
  });

  it.each([
    ['a server restart (Cancelled)', 1, {}],
    ['an unavailable server', 14, {}],
    ['a server that is not ready', 14, { 'grpc-message': 'Server Is Not Ready' }],
    ['a busy server (Unknown)', 2, {}],
    ['a commit timeout', 4, {}],
    [
      'a follower (NotLeader)',
      5,
      { exception: 'not-leader', 'leader-endpoint-host': '127.0.0.1', 'leader-endpoint-port': '1' },
    ],
    ['refused access', 7, { exception: 'access-denied' }],
  ])('maps %s on an append to EventStoreUnavailableError (503)', async (_, code, metadata) => {
    const kurrent = await connect(
      await kurrentDb((call) => onRequest(call, () => failCall(call, code, 'refused by the fake', metadata))),
    );
    await expect(
      kurrent.appendToStream(`team-${randomUUID()}`, [newEvent()], { expectedRevision: 'no_stream' }),
    ).rejects.toThrow(EventStoreUnavailableError);
  });

  it('maps a deleted stream on an append to a conflict', async () => {
    const kurrent = await connect(
      await kurrentDb((call) =>
        onRequest(call, () => failCall(call, 5, 'deleted', { exception: 'stream-deleted', 'stream-name': 'team-1' })),
      ),
    );
    await expect(
      kurrent.appendToStream(`team-${randomUUID()}`, [newEvent()], { expectedRevision: 0n }),
    ).rejects.toThrow(WrongExpectedRevisionError);
  });

  it.each([
    ['an unavailable server', 14, 'Server Is Not Ready'],
    ['a busy server', 2, 'busy'],
    ['refused access', 7, 'Access denied'],
  ])('maps %s on a read to EventStoreUnavailableError (503)', async (_, code, message) => {
    // A bound longer than the bridge takes to connect: the answer, not the timer, ends these reads.
    const kurrent = await connect(
      await kurrentDb(
        () => undefined,
        (call) => failCall(call, code, message),
      ),
      {
        readTimeoutMs: 5_000,
      },
    );
    const read = kurrent.readStream(`team-${randomUUID()}`);
    await expect(read).rejects.toThrow(EventStoreUnavailableError);
    await expect(read).rejects.not.toThrow(/did not answer/);
  });

  it('retries an append that timed out on the server with the same event ids, which the server stores once', async () => {
    // A commit timeout may have written; KurrentDB stores a same-ids retry once (the contract suite proves that part).
    const kurrent = await connect(
      await kurrentDb((call) => onRequest(call, () => failCall(call, 4, 'commit timeout'))),
    );
    const streamName = `team-${randomUUID()}`;
    const events = [newEvent(), newEvent()];
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(kurrent.appendToStream(streamName, events, { expectedRevision: 'no_stream' })).rejects.toThrow(
        EventStoreUnavailableError,
      );
    }
    const sent = (server as Awaited<ReturnType<typeof grpcKurrentDb>>).calls
      .filter((call) => call.path === GRPC.batchAppend)
      .map((call) => Buffer.concat(call.received).toString('latin1'));
    expect(sent).toHaveLength(2);
    for (const request of sent) for (const { id } of events) expect(request).toContain(id);
  });

  it('answers an append stored without a position that its stream read cannot find yet as unavailable, not a crash', async () => {
    // A retried append comes back without a position; a lagging node may not return the event yet.
    const kurrent = await connect(await kurrentDb((call) => acceptAppendsWithoutPosition(call)), {
      appendTimeoutMs: 5_000,
      readTimeoutMs: 5_000,
    });
    await expect(
      kurrent.appendToStream(`team-${randomUUID()}`, [newEvent()], { expectedRevision: 'no_stream' }),
    ).rejects.toThrow(/did not return team-\S+@0 just appended/);
  });

  describe('subscriptions', () => {
    const subscriptionsTo = (answer: (call: FakeCall) => void) =>
      kurrentDb(
        () => undefined,
        // Subscriptions go over the client's gRPC channel (grpc-node-js), reads over its native bridge.
        (call) => (call.userAgent.startsWith('grpc-node-js') ? answer(call) : answerEmpty(call)),
      );

    it('hands PermissionDenied to the consumer instead of resubscribing in silence', async () => {
      const kurrent = await connect(
        await subscriptionsTo((call) => failCall(call, 7, 'Access denied', { exception: 'access-denied' })),
      );
      const subscription = kurrent.subscribeToAll();
      await expect(subscription[Symbol.asyncIterator]().next()).rejects.toThrow(/denied/i);
    });

    it('logs a drop with its cause, says it is stalled, and resubscribes', async () => {
      const warnings: string[] = [];
      const kurrent = await connect(await subscriptionsTo((call) => failCall(call, 14, 'node restarting')), {
        logger: { warn: (message) => warnings.push(message) },
      });
      const subscription = kurrent.subscribeToAll();
      const next = subscription[Symbol.asyncIterator]().next();
      await eventually(() => warnings.length >= 2);
      expect(warnings[0]).toMatch(/dropped.*node restarting/);
      expect(subscription.stalled).toBeInstanceOf(EventStoreUnavailableError);
      await subscription.close();
      await next;
    });
  });

  it('refuses throwOnAppendFailure=false, which would turn conflicts into successes', async () => {
    await expect(
      KurrentDbEventStore.connect({
        connectionString: 'kurrentdb://127.0.0.1:2113?tls=false&throwOnAppendFailure=false',
      }),
    ).rejects.toThrow(/throwOnAppendFailure/);
  });

  it('refuses every call once closed', async () => {
    const kurrent = await connect(await silentKurrentDb());
    await kurrent.close();
    await expect(kurrent.readAll({ maxCount: 1 })).rejects.toThrow(EventStoreUnavailableError);
    await expect(kurrent.appendToStream('team-x', [newEvent()], { expectedRevision: 'any' })).rejects.toThrow(
      EventStoreUnavailableError,
    );
    expect(() => kurrent.subscribeToAll()).toThrow(EventStoreUnavailableError);
  });
});

async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition();) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
