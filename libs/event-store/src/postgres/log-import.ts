import type { ClientBase } from 'pg';
import type { NewEvent } from '../event-store.port';

/** Events of one stream, numbered by whoever made them: `revision` is the first event's. */
export interface ImportedAppend {
  streamName: string;
  revision: number;
  events: readonly NewEvent[];
}

type Db = Pick<ClientBase, 'query'>;

/**
 * The rows appends of the same events would write, for many streams at once; positions follow the
 * order given. They go as one JSON array, as appends do (./append.ts): `COPY` would need
 * pg-copy-streams, which the apps do not ship.
 */
const INSERT_ROWS = `
  INSERT INTO eventstore.events (event_id, stream_name, stream_revision, event_type, data, metadata)
  SELECT e.id, e.stream, e.revision, e.type, e.data, e.metadata
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS given(event, ord),
         jsonb_to_record(given.event) AS e(id uuid, stream text, revision bigint, type text, data jsonb, metadata jsonb)
   ORDER BY given.ord`;

/**
 * Writes a log made elsewhere (a generated history, for tests and the bench) straight into the
 * PostgreSQL event store's table, `chunk` events per statement and transaction, at a rate that
 * appending one stream per transaction (4,000 to 7,000 events/s here) cannot reach for a million.
 * No revision is checked: the caller numbers them and must be the log's only writer. A chunk is
 * inserted while the caller makes the next one, and after the one before it.
 */
export class PostgresLogImport {
  private rows: object[] = [];
  private inserting: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly chunk = 5_000,
  ) {}

  /** Resolves once the append is queued; waits for the chunk before to be inserted when this one is full. */
  async write({ streamName, revision, events }: ImportedAppend): Promise<void> {
    events.forEach(({ id, type, data, metadata }, i) =>
      this.rows.push({ id, stream: streamName, revision: revision + i, type, data, metadata }),
    );
    if (this.rows.length >= this.chunk) await this.insertRows();
  }

  /** Resolves when everything written is in the table. */
  async finish(): Promise<void> {
    if (this.rows.length > 0) await this.insertRows();
    await this.inserting;
  }

  private async insertRows(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    await this.inserting;
    this.inserting = this.db.query(INSERT_ROWS, [JSON.stringify(rows)]);
    this.inserting.catch(() => undefined); // reported by the next wait, not as unhandled meanwhile
  }
}
