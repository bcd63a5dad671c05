import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type TestDatabase, createTestDatabase } from '@frontline/testing';
import { describeEventStoreContract, newEvent, readUntil } from '../contract/event-store.contract';
import {
  EventStoreUnavailableError,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { decodeLogPosition } from '../log-position';
import { sleep } from '../subscription';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('postgres', async () => {
  const database = await createTestDatabase('eventstore_contract');
  const store = await PostgresEventStore.connect({ connectionString: database.url });
  return {
    store,
    async appendInSlowTransaction(streamName, events, { holdMs, rollback }) {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await store.appendWithin(client, streamName, events, { expectedRevision: 'any' });
        await sleep(holdMs);
        await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
        if (!rollback) store.announceAppend();
      } finally {
        await client.end();
      }
    },
    async teardown() {
      await store.close();
      await database.drop();
    },
  };
});

/** A store on a test database of its own, for the tests of one describe block. */
function storeOnOwnDatabase(name: string): { database: TestDatabase; store: PostgresEventStore } {
  const subject = {} as { database: TestDatabase; store: PostgresEventStore };
  beforeAll(async () => {
    subject.database = await createTestDatabase(name);
    subject.store = await PostgresEventStore.connect({ connectionString: subject.database.url });
  });
  afterAll(async () => {
    await subject.store?.close();
    await subject.database?.drop();
  });
  return subject;
}

describe('postgres event store appending', () => {
  const subject = storeOnOwnDatabase('eventstore_appends');

  it('writes appends that wait for a statement together, in one transaction', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        subject.store.appendToStream(`together-${randomUUID()}`, [newEvent()], { expectedRevision: 'no_stream' }),
      ),
    );

    const transactions = results.map(({ position }) => decodeLogPosition(position, 'pg', 2)[0]);
    expect(new Set(transactions).size).toBeLessThan(results.length);
  });

  it('leaves the transaction of the caller usable after a refused append', async () => {
    const { database, store } = subject;
    const stream = `within-${randomUUID()}`;
    const [first, refused, second] = [newEvent('First'), newEvent('Refused'), newEvent('Second')];
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await store.appendWithin(client, stream, [first], { expectedRevision: 'no_stream' });
      await expect(
        store.appendWithin(client, stream, [refused], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await store.appendWithin(client, stream, [second], { expectedRevision: 0n });
      await client.query('COMMIT');
    } finally {
      await client.end();
    }

    expect((await store.readStream(stream)).map((event) => event.type)).toEqual(['First', 'Second']);
  });
});

describe('postgres event store when the server drops its connections', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('eventstore_dropped');
    store = await PostgresEventStore.connect({ connectionString: database.url });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  /** Kills every connection to the test database but the admin's own, like a failover would. */
  async function terminateConnections(): Promise<number> {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      return rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }

  /** A writer that retries with the same event ids, which the store recognises as the same append. */
  async function appendUntilStored(stream: string, events: NewEvent[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        return;
      } catch (error) {
        if (!(error instanceof EventStoreUnavailableError) || attempt > 20) throw error;
        await sleep(20);
      }
    }
  }

  it('neither loses nor repeats an event delivered to a live subscription', async () => {
    const prefix = `dropped-${randomUUID()}`;
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
    const appended: string[] = [];
    let terminated = 0;

    const delivery = readUntil(subscription, (events) => events.at(-1)?.type === 'Ended', 60_000);
    for (let i = 0; i < 300; i++) {
      if (i % 60 === 30) terminated += await terminateConnections();
      const event = newEvent('Counted', { i });
      await appendUntilStored(`${prefix}_${i}`, [event]);
      appended.push(event.id);
    }
    await appendUntilStored(`${prefix}_end`, [newEvent('Ended')]);
    const delivered: RecordedEvent[] = (await delivery).slice(0, -1);
    await subscription.close();

    expect(terminated).toBeGreaterThanOrEqual(5); // the subscription's connections really were cut
    expect(delivered.map((event) => event.id)).toEqual(appended);
  });
});
