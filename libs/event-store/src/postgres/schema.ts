import type { Pool } from 'pg';

/**
 * Migrations run in order, once each, under an advisory lock, so api, projector and
 * worker can all start at the same time against a new database.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE eventstore.streams (
    stream_name text PRIMARY KEY,
    revision bigint NOT NULL -- -1 while the stream has no events
  );

  CREATE TABLE eventstore.events (
    position bigint GENERATED ALWAYS AS IDENTITY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id uuid NOT NULL,
    stream_name text NOT NULL,
    stream_revision bigint NOT NULL,
    event_type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (transaction_id, position),
    UNIQUE (stream_name, stream_revision),
    UNIQUE (event_id)
  );

  -- One round trip per append: lock the stream's row, recognise a retry, check the
  -- expected revision, insert. Outcomes that are not 'appended' write nothing.
  CREATE FUNCTION eventstore.append_to_stream(
    p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
  ) RETURNS TABLE (outcome text, revision bigint, transaction_id xid8, last_position bigint)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v_count int := cardinality(p_ids);
    v_current bigint;
    v_stored int;
    v_on_stream int;
    v_offsets int;
    v_last bigint;
  BEGIN
    INSERT INTO eventstore.streams AS s (stream_name, revision) VALUES (p_stream, -1) ON CONFLICT DO NOTHING;
    SELECT s.revision INTO v_current FROM eventstore.streams s WHERE s.stream_name = p_stream FOR UPDATE;

    -- A retry stores the same ids on this stream at consecutive revisions, in the given order.
    SELECT count(*), count(*) FILTER (WHERE e.stream_name = p_stream), count(DISTINCT e.stream_revision - given.ord)
      INTO v_stored, v_on_stream, v_offsets
      FROM unnest(p_ids) WITH ORDINALITY AS given(id, ord)
      JOIN eventstore.events e ON e.event_id = given.id;
    IF v_stored = v_count AND v_on_stream = v_count AND v_offsets = 1 THEN
      RETURN QUERY SELECT 'idempotent', e.stream_revision, e.transaction_id, e.position
        FROM eventstore.events e WHERE e.event_id = p_ids[v_count];
      RETURN;
    ELSIF v_stored > 0 THEN
      RETURN QUERY SELECT 'duplicate_id', v_current, NULL::xid8, NULL::bigint;
      RETURN;
    END IF;

    IF NOT (p_expected = 'any'
         OR (p_expected = 'no_stream' AND v_current = -1)
         OR (p_expected = 'exists' AND v_current >= 0)
         OR (p_expected ~ '^[0-9]+$' AND v_current = p_expected::bigint)) THEN
      RETURN QUERY SELECT 'wrong_expected_revision', v_current, NULL::xid8, NULL::bigint;
      RETURN;
    END IF;

    WITH inserted AS (
      INSERT INTO eventstore.events (event_id, stream_name, stream_revision, event_type, data, metadata)
      SELECT given.id, p_stream, v_current + given.ord, given.type, given.data, given.metadata
        FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS given(id, type, data, metadata, ord)
        ORDER BY given.ord
      RETURNING position
    )
    SELECT max(position) INTO v_last FROM inserted;
    UPDATE eventstore.streams s SET revision = v_current + v_count WHERE s.stream_name = p_stream;
    RETURN QUERY SELECT 'appended', v_current + v_count, pg_current_xact_id(), v_last;
  END
  $fn$;
  `,
  // Appends are one INSERT (./append.ts): the unique (stream_name, stream_revision) constraint
  // decides between concurrent appends, so the stream rows and the function that locked them go.
  `
  DROP FUNCTION eventstore.append_to_stream(text, text, uuid[], text[], jsonb[], jsonb[]);
  DROP TABLE eventstore.streams;
  `,
  // A projection's lag is counted in this index (countAfter), never by reading the events behind it.
  `
  CREATE INDEX events_by_type ON eventstore.events (event_type, transaction_id, position);
  `,
];

export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('frontline.eventstore.migrate'))`);
    await client.query('CREATE SCHEMA IF NOT EXISTS eventstore');
    await client.query(
      'CREATE TABLE IF NOT EXISTS eventstore.migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM eventstore.migrations',
    );
    for (let version = rows[0].version + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]);
      await client.query('INSERT INTO eventstore.migrations (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
