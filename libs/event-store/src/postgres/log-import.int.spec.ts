import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type TestDatabase, createTestDatabase } from '@frontline/testing';
import { newEvent } from '../contract/event-store.contract';
import { PostgresLogImport } from './log-import';
import { PostgresEventStore } from './postgres-event-store';

describe('postgres log import', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('eventstore_log_import');
    store = await PostgresEventStore.connect({ connectionString: database.url });
    pool = new Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await store?.close();
    await database?.drop();
  });

  it('writes the rows appends of the same events would, in the order given, across chunks', async () => {
    const [first, second] = [`imported-${randomUUID()}`, `imported-${randomUUID()}`];
    const appends = [
      { streamName: first, revision: 0, events: [newEvent('A'), newEvent('B')] },
      { streamName: second, revision: 0, events: [newEvent('C')] },
      { streamName: first, revision: 2, events: [newEvent('D'), newEvent('E'), newEvent('F')] },
    ];
    const logImport = new PostgresLogImport(pool, 2);
    for (const append of appends) await logImport.write(append);
    await logImport.finish();

    const log = await store.readAll({ maxCount: 100 });
    expect(log.map((event) => [event.type, event.streamName, event.revision])).toEqual([
      ['A', first, 0n],
      ['B', first, 1n],
      ['C', second, 0n],
      ['D', first, 2n],
      ['E', first, 3n],
      ['F', first, 4n],
    ]);
    expect(log[0]).toMatchObject({ id: appends[0].events[0].id, data: {}, metadata: appends[0].events[0].metadata });
  });

  it('leaves a stream that appends continue at the revision after the imported ones', async () => {
    const stream = `imported-${randomUUID()}`;
    const logImport = new PostgresLogImport(pool);
    await logImport.write({ streamName: stream, revision: 0, events: [newEvent(), newEvent()] });
    await logImport.finish();

    await store.appendToStream(stream, [newEvent()], { expectedRevision: 1n });
    expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
  });

  it('reports a row the table refuses', async () => {
    const stream = `imported-${randomUUID()}`;
    const logImport = new PostgresLogImport(pool);
    await logImport.write({ streamName: stream, revision: 0, events: [newEvent()] });
    await logImport.write({ streamName: stream, revision: 0, events: [newEvent()] });
    await expect(logImport.finish()).rejects.toThrow(/unique/);
  });
});
