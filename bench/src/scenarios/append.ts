import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type NewEvent, PostgresEventStore } from '@frontline/event-store';
import {
  SAMPLE_EVENT,
  SAMPLE_ROW,
  copyEvents,
  createBaselineTable,
  insertEventScript,
  recreateDatabase,
} from '../baselines/event-rows';
import { pgbench } from '../baselines/pgbench';
import { alternate, atLeast, row } from '../harness';
import type { Scenario } from '../scenario';
import { runWriters } from '../writers';

const DATABASE = 'frontline_bench_append';
export const WRITERS = 16;
export const BATCH = 100;

/** `count` copies of the sample kudos, each with an id of its own. */
export function sampleEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, () => ({ id: randomUUID(), ...SAMPLE_EVENT }));
}

/**
 * What the PostgreSQL adapter (`PostgresEventStore`, in this process, a pool sized for 16
 * writers) costs over PostgreSQL's floor for the same rows from as many clients: pgbench's
 * one-row INSERT into a table of the same shape (single events), and one COPY of the same 100
 * rows (batches). Every append, like every baseline transaction, starts a new stream.
 */
export const append: Scenario = {
  name: 'append',
  async run({ size }) {
    const url = recreateDatabase(DATABASE);
    const store = await PostgresEventStore.connect({ connectionString: url, poolSize: WRITERS });
    const table = createBaselineTable(DATABASE);
    const copyPool = new Pool({ connectionString: url, max: WRITERS });
    const seconds = size(3, 1);
    const adapter = (rowsPerCall: number) => ({
      label: 'adapter',
      run: () =>
        runWriters({
          writers: WRITERS,
          seconds,
          rowsPerCall,
          write: async () => {
            const events = sampleEvents(rowsPerCall);
            await store.appendToStream(`kudos-${randomUUID()}`, events, { expectedRevision: 'no_stream' });
          },
        }),
    });
    try {
      const single = await alternate({
        rounds: size(3, 1),
        baseline: {
          label: 'pgbench INSERT',
          run: () =>
            pgbench({ database: DATABASE, ...insertEventScript(table, SAMPLE_ROW), clients: WRITERS, seconds }),
        },
        project: adapter(1),
      });
      const batches = await alternate({
        rounds: size(3, 1),
        baseline: {
          label: `COPY of ${BATCH}`,
          run: () =>
            runWriters({
              writers: WRITERS,
              seconds,
              rowsPerCall: BATCH,
              write: () => copyEvents(copyPool, table, SAMPLE_ROW, BATCH),
            }),
        },
        project: adapter(BATCH),
      });
      return [
        row(`Append: single events, ${WRITERS} writers`, single, 'perSecond', 'events/s', (ratio) => [
          atLeast('ratio', ratio, 0.6),
        ]),
        row(`Append: batches of ${BATCH}, ${WRITERS} writers`, batches, 'perSecond', 'events/s', (ratio) => [
          atLeast('ratio', ratio, 0.3),
        ]),
      ];
    } finally {
      await store.close();
      await copyPool.end();
    }
  },
};
