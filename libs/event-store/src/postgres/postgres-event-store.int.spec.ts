import { createTestDatabase } from '@frontline/testing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { sleep } from '../subscription';
import { PostgresEventStore } from './postgres-event-store';
import { Client } from 'pg';

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
