import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  DuplicateEventIdError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { ForeignLogPositionError, encodeLogPosition } from '../log-position';
import { sleep } from '../subscription';

export interface EventStoreContractSubject {
  store: EventStore;
  /**
   * Appends inside a transaction that stays open for `holdMs` and then commits, or rolls
   * back. Stores whose appends are atomic calls emulate it by waiting, then appending or not.
   */
  appendInSlowTransaction(
    streamName: string,
    events: NewEvent[],
    options: { holdMs: number; rollback: boolean },
  ): Promise<void>;
  teardown(): Promise<void>;
}

/** For stores whose appends are a single atomic call: nothing is visible before it returns. */
export function appendAfterDelay(store: EventStore): EventStoreContractSubject['appendInSlowTransaction'] {
  return async (streamName, events, { holdMs, rollback }) => {
    await sleep(holdMs);
    if (!rollback) await store.appendToStream(streamName, events, { expectedRevision: 'any' });
  };
}

export function newEvent(type = 'SomethingHappened', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actorId: 'contract-suite', schemaVersion: 1 },
  };
}

/** Reads a subscription until `done` holds for what it delivered, or fails after `timeoutMs`. */
export async function readUntil(
  subscription: Subscription,
  done: (received: RecordedEvent[]) => boolean,
  timeoutMs = 15_000,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (!done(received)) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), deadline - Date.now())),
    );
    const next = await Promise.race([iterator.next(), timeout]);
    clearTimeout(timer);
    if (next === 'timeout') throw new Error(`Subscription delivered ${received.length} events before the deadline`);
    if (next.done) break;
    received.push(next.value);
  }
  return received;
}

export interface EventStoreContractOptions {
  /**
   * 'rejected': an id already stored is refused in any append but its own retry.
   * 'stored': the store only recognises whole retries (KurrentDB), so a reused id is stored again.
   */
  reusedEventIds?: 'rejected' | 'stored';
  /** 'exact': countAfter counts up to the cap. 'none': it cannot count (KurrentDB) and says when the first waits. */
  backlogCount?: 'exact' | 'none';
}

/** The feature suite every event store adapter runs. */
export function describeEventStoreContract(
  name: string,
  connect: () => Promise<EventStoreContractSubject>,
  { reusedEventIds = 'rejected', backlogCount = 'exact' }: EventStoreContractOptions = {},
): void {
  describe(`event store contract: ${name}`, () => {
    let subject: EventStoreContractSubject;
    let store: EventStore;
    const streamOf = (category = 'contract') => `${category}-${randomUUID()}`;

    beforeAll(async () => {
      subject = await connect();
      store = subject.store;
    });
    afterAll(async () => subject?.teardown());

    describe('appending', () => {
      it('creates a stream with no_stream and reads it back in order with data and metadata', async () => {
        const stream = streamOf();
        const events = [
          newEvent('KudosSent', { message: 'thank you', values: ['empathy'] }),
          newEvent('KudosReactionAdded', { emoji: '🎉' }),
        ];

        const result = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });

        expect(result.nextRevision).toBe(1n);
        const read = await store.readStream(stream);
        expect(read.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }))).toEqual(events);
        expect(read.map((event) => [event.streamName, event.revision])).toEqual([
          [stream, 0n],
          [stream, 1n],
        ]);
        expect(read[1].position).toBe(result.position);
        expect(read[0].position < read[1].position).toBe(true);
        expect(read[0].recordedAt).toBeInstanceOf(Date);
      });

      it('rejects no_stream on a stream that exists', async () => {
        const stream = streamOf();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' });

        await expect(
          store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' }),
        ).rejects.toMatchObject({
          constructor: WrongExpectedRevisionError,
          streamName: stream,
          actual: 0n,
        });
      });

      it('rejects a stale revision and accepts the current one', async () => {
        const stream = streamOf();
        await store.appendToStream(stream, [newEvent(), newEvent()], { expectedRevision: 'no_stream' });

        await expect(store.appendToStream(stream, [newEvent()], { expectedRevision: 0n })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await expect(store.appendToStream(stream, [newEvent()], { expectedRevision: 1n })).resolves.toMatchObject({
          nextRevision: 2n,
        });
      });

      it('accepts exists only for a stream that exists, and any always', async () => {
        const stream = streamOf();
        await expect(store.appendToStream(stream, [newEvent()], { expectedRevision: 'exists' })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'any' });
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'exists' });
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'any' });
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('lets exactly one of 50 concurrent appends at the same expected revision succeed', async () => {
        const stream = streamOf();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' });

        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () => store.appendToStream(stream, [newEvent()], { expectedRevision: 0n })),
        );

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(failures.every((failure) => failure.reason instanceof WrongExpectedRevisionError)).toBe(true);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('stores every one of concurrent appends with any, each append at consecutive revisions', async () => {
        const stream = streamOf();
        const appends = [...Array(12).keys()].map((append) =>
          Array.from({ length: 1 + (append % 3) }, (_, i) => newEvent('Counted', { append, i })),
        );

        await Promise.all(appends.map((events) => store.appendToStream(stream, events, { expectedRevision: 'any' })));

        const read = await store.readStream(stream);
        expect(read.map((event) => event.revision)).toEqual(read.map((_, i) => BigInt(i)));
        const order = read.map((event) => event.id);
        for (const events of appends) {
          const at = order.indexOf(events[0].id);
          expect(order.slice(at, at + events.length)).toEqual(events.map((event) => event.id));
        }
        expect(read).toHaveLength(appends.flat().length);
      });

      it('answers each of many appends made at once on its own', async () => {
        const [stale, retried, reusedFrom] = [streamOf(), streamOf(), streamOf()];
        const [retry, taken] = [[newEvent()], newEvent()];
        await store.appendToStream(stale, [newEvent()], { expectedRevision: 'no_stream' });
        const first = await store.appendToStream(retried, retry, { expectedRevision: 'no_stream' });
        await store.appendToStream(reusedFrom, [taken], { expectedRevision: 'no_stream' });
        const atOnce = (special: Promise<unknown>[]) => {
          const fresh = Array.from({ length: 8 }, () => streamOf());
          const appends = fresh.map((stream, i) =>
            store.appendToStream(stream, [newEvent(), newEvent()], { expectedRevision: i % 2 ? 'no_stream' : 'any' }),
          );
          return { fresh, outcomes: Promise.allSettled([...appends.slice(0, 4), ...special, ...appends.slice(4)]) };
        };

        const stalePlusRetry = atOnce([
          store.appendToStream(stale, [newEvent()], { expectedRevision: 'no_stream' }),
          store.appendToStream(retried, retry, { expectedRevision: 'no_stream' }),
        ]);
        const reused = atOnce([store.appendToStream(streamOf(), [taken], { expectedRevision: 'no_stream' })]);

        const outcomes = await stalePlusRetry.outcomes;
        expect(outcomes[4]).toMatchObject({ status: 'rejected', reason: { constructor: WrongExpectedRevisionError } });
        expect(outcomes[5]).toEqual({ status: 'fulfilled', value: first });
        expect((await reused.outcomes)[4].status).toBe(reusedEventIds === 'rejected' ? 'rejected' : 'fulfilled');
        for (const stream of [...stalePlusRetry.fresh, ...reused.fresh])
          expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.readStream(stale)).toHaveLength(1);
        expect(await store.readStream(retried)).toHaveLength(1);
      });

      it('stores an identical retry once and answers it like the first append', async () => {
        const stream = streamOf();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' });
        const events = [newEvent(), newEvent()];

        const first = await store.appendToStream(stream, events, { expectedRevision: 0n });
        const retry = await store.appendToStream(stream, events, { expectedRevision: 0n });

        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it(`${reusedEventIds === 'rejected' ? 'refuses' : 'stores'} an event id reused for other events`, async () => {
        const stream = streamOf();
        const [reused, other] = [newEvent(), newEvent()];
        await store.appendToStream(stream, [reused], { expectedRevision: 'no_stream' });

        const append = store.appendToStream(stream, [other, reused], { expectedRevision: 0n });

        if (reusedEventIds === 'rejected') {
          await expect(append).rejects.toBeInstanceOf(DuplicateEventIdError);
          expect(await store.readStream(stream)).toHaveLength(1);
        } else {
          await expect(append).resolves.toMatchObject({ nextRevision: 2n });
        }
      });
    });

    describe('reading', () => {
      it('reads a missing stream as empty', async () => {
        await expect(store.readStream(streamOf())).resolves.toEqual([]);
      });

      it('reads a stream from a revision, at most maxCount events', async () => {
        const stream = streamOf();
        const events = Array.from({ length: 5 }, (_, i) => newEvent('Counted', { i }));
        await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });

        const read = await store.readStream(stream, { fromRevision: 1n, maxCount: 2 });

        expect(read.map((event) => event.data)).toEqual([{ i: 1 }, { i: 2 }]);
      });

      it('reads the log after a position, exclusively, in an order positions sort by', async () => {
        const stream = streamOf();
        const first = await store.appendToStream(stream, [newEvent('Counted', { i: 0 })], {
          expectedRevision: 'no_stream',
        });
        await store.appendToStream(stream, [newEvent('Counted', { i: 1 }), newEvent('Counted', { i: 2 })], {
          expectedRevision: 0n,
        });

        // A log read stops short of transactions still in flight anywhere on the server (another
        // spec's bulk import, say): what this one appended shows once they are done.
        let read: RecordedEvent[] = [];
        for (const deadline = Date.now() + 10_000; read.length < 2 && Date.now() < deadline;) {
          read = (await store.readAll({ after: first.position, maxCount: 10_000 })).filter(
            (event) => event.streamName === stream,
          );
          if (read.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
        }

        expect(read.map((event) => event.data)).toEqual([{ i: 1 }, { i: 2 }]);
        const positions = (await store.readAll({ maxCount: 10_000 })).map((event) => event.position);
        expect([...positions].sort()).toEqual(positions);
      });

      it('refuses a position another event store wrote, naming the store', async () => {
        const { position } = await store.appendToStream(streamOf(), [newEvent()], { expectedRevision: 'no_stream' });
        const own = position.slice(0, position.indexOf(':'));
        const foreign = encodeLogPosition(own === 'pg' ? 'kdb' : 'pg', 1n, 2n);

        await expect(store.readAll({ after: foreign, maxCount: 1 })).rejects.toThrow(ForeignLogPositionError);
        const subscription = store.subscribeToAll({ after: foreign });
        await expect(subscription[Symbol.asyncIterator]().next()).rejects.toThrow(/written by the \S+ event store/);
        await subscription.close();
      });
    });

    describe('counting', () => {
      it('counts the events of some types after a position, exclusively, up to a cap, and when the first was recorded', async () => {
        const [counted, other] = [`Counted${randomUUID().slice(0, 8)}`, `Other${randomUUID().slice(0, 8)}`];
        const stream = streamOf();
        await store.appendToStream(
          stream,
          [newEvent(counted), newEvent(other), newEvent(counted), newEvent(counted), newEvent(other)],
          { expectedRevision: 'no_stream' },
        );
        const [first, , second] = await store.readStream(stream);
        const count = (after: typeof first.position | undefined, cap = 100) =>
          store.countAfter(after, { eventTypes: [counted], cap });
        const exactly = (events: number) => (backlogCount === 'exact' ? events : null);

        expect(await count(undefined)).toEqual({
          events: exactly(3),
          capped: false,
          firstRecordedAt: first.recordedAt,
        });
        expect(await count(first.position)).toEqual({
          events: exactly(2),
          capped: false,
          firstRecordedAt: second.recordedAt,
        });
        if (backlogCount === 'exact') expect(await count(first.position, 2)).toMatchObject({ events: 2, capped: true });
        const [last] = await store.readStream(stream, { fromRevision: 4n });
        expect(await count(last.position)).toEqual({ events: exactly(0), capped: false, firstRecordedAt: null });
      });
    });

    describe('subscribing', () => {
      it('resumes after a position exclusively and delivers live appends', async () => {
        const stream = streamOf();
        const first = await store.appendToStream(stream, [newEvent('Counted', { i: 0 })], {
          expectedRevision: 'no_stream',
        });
        await store.appendToStream(stream, [newEvent('Counted', { i: 1 })], { expectedRevision: 0n });
        const subscription = store.subscribeToAll({ after: first.position, filter: { streamPrefixes: [stream] } });
        setTimeout(
          () => void store.appendToStream(stream, [newEvent('Counted', { i: 2 })], { expectedRevision: 1n }),
          50,
        );

        const received = await readUntil(subscription, (events) => events.length >= 2);
        await subscription.close();

        expect(received.map((event) => event.data)).toEqual([{ i: 1 }, { i: 2 }]);
      });

      it('delivers only the event types a filter names', async () => {
        const stream = streamOf();
        const start = await store.appendToStream(stream, [newEvent('Marker')], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream, [newEvent('Skipped'), newEvent('Wanted', { i: 1 }), newEvent('Skipped')], {
          expectedRevision: 0n,
        });
        const subscription = store.subscribeToAll({
          after: start.position,
          filter: { eventTypes: ['Wanted'], streamPrefixes: [stream] },
        });

        const received = await readUntil(subscription, (events) => events.length >= 1);
        await subscription.close();

        expect(received.map((event) => event.type)).toEqual(['Wanted']);
      });

      it('ends iteration when closed', async () => {
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [streamOf()] } });
        const iteration = (async () => {
          for await (const _ of subscription) return 'delivered';
          return 'ended';
        })();
        await sleep(50);
        await subscription.close();
        await expect(iteration).resolves.toBe('ended');
      });

      it('delivers every committed event exactly once, in a stable order, past slow and rolled-back writers', async () => {
        const writerPlan = fc.array(
          fc.record({
            holdMs: fc.integer({ min: 0, max: 40 }),
            rollback: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
            size: fc.integer({ min: 1, max: 3 }),
          }),
          { minLength: 2, maxLength: 5 },
        );
        await fc.assert(
          fc.asyncProperty(fc.array(writerPlan, { minLength: 16, maxLength: 20 }), async (writers) => {
            const prefix = streamOf('race');
            const start = await store.appendToStream(`${prefix}_start`, [newEvent('Marker')], {
              expectedRevision: 'no_stream',
            });
            const subscription = store.subscribeToAll({
              after: start.position,
              filter: { streamPrefixes: [`${prefix}_w`] },
            });
            const committed = new Set<string>();

            await Promise.all(
              writers.map(async (appends, writer) => {
                for (const { holdMs, rollback, size } of appends) {
                  const events = Array.from({ length: size }, () => newEvent('Raced', { writer }));
                  await subject.appendInSlowTransaction(`${prefix}_w${writer}`, events, { holdMs, rollback });
                  if (!rollback) events.forEach((event) => committed.add(event.id));
                }
              }),
            );

            // The end marker commits after every writer, so whatever precedes it is the whole delivery.
            await store.appendToStream(`${prefix}_wend`, [newEvent('Marker')], { expectedRevision: 'no_stream' });
            const isEnd = (events: RecordedEvent[]) => events.at(-1)?.streamName === `${prefix}_wend`;
            const live = (await readUntil(subscription, isEnd)).slice(0, -1);
            await subscription.close();
            const replay = store.subscribeToAll({ after: start.position, filter: { streamPrefixes: [`${prefix}_w`] } });
            const replayed = (await readUntil(replay, isEnd)).slice(0, -1);
            await replay.close();

            const ids = live.map((event) => event.id);
            expect(new Set(ids).size).toBe(ids.length);
            expect(new Set(ids)).toEqual(committed);
            expect(replayed.map((event) => event.id)).toEqual(ids);
            expect(live.map((event) => event.position)).toEqual([...live.map((event) => event.position)].sort());
          }),
          { numRuns: 3 },
        );
      }, 120_000);
    });
  });
}
