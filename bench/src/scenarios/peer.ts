import { randomUUID } from 'node:crypto';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { PostgresEventStore } from '@frontline/event-store';
import { SAMPLE_EVENT, recreateDatabase } from '../baselines/event-rows';
import { alternate, atLeast, row } from '../harness';
import type { Scenario } from '../scenario';
import { runWriters } from '../writers';
import { BATCH, WRITERS, sampleEvents } from './append';

const DATABASE = 'frontline_bench_peer';

/**
 * The project's PostgreSQL adapter against a well-kept peer, Emmett's PostgreSQL event store
 * (`@event-driven-io/emmett-postgresql`, its documented `getPostgreSQLEventStore` and
 * `appendToStream`), on the same database, each with a pool sized for 16 writers: the same
 * single appends and batches of 100, every append a new stream, taken in turn.
 */
export const peer: Scenario = {
  name: 'peer',
  async run({ size }) {
    const connectionString = recreateDatabase(DATABASE);
    const project = await PostgresEventStore.connect({ connectionString, poolSize: WRITERS });
    const emmettPool = new Pool({ connectionString, max: WRITERS });
    const emmett = getPostgreSQLEventStore(connectionString, {
      connectionOptions: { pooled: true, pool: emmettPool },
    });
    const seconds = size(3, 1);
    const writers = (rowsPerCall: number, write: () => Promise<unknown>) => () =>
      runWriters({ writers: WRITERS, seconds, rowsPerCall, write });
    const compare = (events: number) =>
      alternate({
        rounds: size(3, 1),
        baseline: {
          label: 'Emmett',
          run: writers(events, () =>
            emmett.appendToStream(
              `kudos-${randomUUID()}`,
              Array.from({ length: events }, () => ({ ...SAMPLE_EVENT })),
              { expectedStreamVersion: STREAM_DOES_NOT_EXIST },
            ),
          ),
        },
        project: {
          label: 'adapter',
          run: writers(events, () =>
            project.appendToStream(`kudos-${randomUUID()}`, sampleEvents(events), { expectedRevision: 'no_stream' }),
          ),
        },
      });
    try {
      const single = await compare(1);
      const batches = await compare(BATCH);
      const atLeastTwice = (ratio: number) => [atLeast('ratio', ratio, 2)];
      return [
        row(`Peer: single events, ${WRITERS} writers`, single, 'perSecond', 'events/s', atLeastTwice),
        row(`Peer: batches of ${BATCH}, ${WRITERS} writers`, batches, 'perSecond', 'events/s', atLeastTwice),
      ];
    } finally {
      await project.close();
      await emmett.close();
      await emmettPool.end();
    }
  },
};
