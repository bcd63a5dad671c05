import type { ClientBase, QueryConfig } from 'pg';
import { idempotentReplay } from '../append-rules';
import {
  type AppendResult,
  DuplicateEventIdError,
  type ExpectedRevision,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { encodeLogPosition } from '../log-position';

type Db = Pick<ClientBase, 'query'>;

const COLUMNS = 'event_id, stream_name, stream_revision, event_type, data, metadata';
const RETURNED = 'stream_name, stream_revision, transaction_id, position';
// The stream's last revision, not looked up for no_stream (whose events start at 0), and the check.
const lastRevision = (stream: string, kind: string) => `(SELECT coalesce(max(e.stream_revision), -1) AS revision
          FROM eventstore.events e
         WHERE e.stream_name = ${stream} AND ${kind} <> 'no_stream') stream`;
const expectationHolds = (kind: string, revision: string) =>
  `CASE ${kind} WHEN 'revision' THEN stream.revision = ${revision} WHEN 'exists' THEN stream.revision >= 0 ELSE true END`;
// Events, and appends, go as one JSON array: no array literal to escape here and parse there.
const EVENTS = `ROWS FROM (jsonb_to_recordset($4::jsonb) AS (id uuid, type text, data jsonb, metadata jsonb))
         WITH ORDINALITY AS given(id, type, data, metadata, ord)`;

/**
 * An append is one INSERT, prepared once per connection: the stream's last revision is
 * checked against the expected one ($1 the stream, $2 the kind of expectation, $3 the
 * revision) and the events are written after it. Of two appends at the same revision, the
 * unique (stream_name, stream_revision) constraint lets the first to commit win and the other
 * fail, so no stream row is locked or updated: a single event costs about what a bare INSERT
 * does. One event, the usual case, goes as plain values.
 */
const APPEND_ONE = {
  name: 'eventstore.append-one',
  text: `INSERT INTO eventstore.events (${COLUMNS})
SELECT $4::uuid, $1, stream.revision + 1, $5, $6::jsonb, $7::jsonb
  FROM ${lastRevision('$1', '$2::text')}
 WHERE ${expectationHolds('$2::text', '$3::bigint')}
RETURNING ${RETURNED}`,
};

const APPEND_MANY = {
  name: 'eventstore.append-many',
  text: `WITH inserted AS (
INSERT INTO eventstore.events (${COLUMNS})
SELECT given.id, $1, stream.revision + given.ord, given.type, given.data, given.metadata
  FROM ${lastRevision('$1', '$2::text')}, ${EVENTS}
 WHERE ${expectationHolds('$2::text', '$3::bigint')}
 ORDER BY given.ord
RETURNING ${RETURNED})
SELECT * FROM inserted ORDER BY position DESC LIMIT 1`,
};

/**
 * Appends to distinct streams in one INSERT, one transaction: each append's rows are written
 * only if its own expectation holds, so one stale append leaves the others be (but a no_stream
 * one on a stream that exists, left to the unique constraint, fails them all).
 */
const APPEND_TOGETHER = {
  name: 'eventstore.append-together',
  text: `WITH inserted AS (
INSERT INTO eventstore.events (${COLUMNS})
SELECT given.id, given.stream, stream.revision + given.ord, given.type, given.data, given.metadata
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
                  AS (stream text, kind text, expected bigint, ord int, id uuid, type text, data jsonb, metadata jsonb))
         WITH ORDINALITY AS given(stream, kind, expected, ord, id, type, data, metadata, n)
 CROSS JOIN LATERAL ${lastRevision('given.stream', 'given.kind')}
 WHERE ${expectationHolds('given.kind', 'given.expected')}
 ORDER BY given.n
RETURNING ${RETURNED})
SELECT DISTINCT ON (stream_name) * FROM inserted ORDER BY stream_name, position DESC`,
};

/** After an append that wrote nothing: the stream's last revision, and which of its ids are stored where. */
const CONFLICT = {
  name: 'eventstore.append-conflict',
  text: `SELECT (SELECT coalesce(max(s.stream_revision), -1) FROM eventstore.events s WHERE s.stream_name = $1) AS current,
       e.event_id, e.stream_name, e.stream_revision, e.transaction_id, e.position
  FROM (VALUES (1)) one LEFT JOIN eventstore.events e ON e.event_id = ANY ($2::uuid[])`,
};

// Concurrent `any` appends to one stream lose to each other in turn; each lost race is someone else's append.
const MAX_ATTEMPTS = 100;

export interface AppendOptions {
  /** Inside a transaction the caller owns: a refused INSERT is undone to a savepoint, not the whole transaction. */
  withinTransaction: boolean;
}

export async function appendEvents(
  db: Db,
  streamName: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
  { withinTransaction }: AppendOptions,
): Promise<AppendResult> {
  const expectation = [streamName, ...expectationValues(expectedRevision)];
  const [{ id, type, data, metadata }] = events;
  const query: QueryConfig =
    events.length === 1
      ? { ...APPEND_ONE, values: [...expectation, id, type, JSON.stringify(data), JSON.stringify(metadata)] }
      : { ...APPEND_MANY, values: [...expectation, JSON.stringify(events.map(eventFields))] };
  for (let attempt = 1; ; attempt++) {
    const appended = withinTransaction ? await underSavepoint(db, () => insert(db, query)) : await insert(db, query);
    if (appended) return appended;
    const current = await explainConflict(db, streamName, events, expectedRevision);
    if (typeof current !== 'bigint') return current;
    if (attempt >= MAX_ATTEMPTS) throw new WrongExpectedRevisionError(streamName, expectedRevision, current);
  }
}

export interface Append {
  streamName: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * Appends to distinct streams together, in one round trip and one commit. Each gets its
 * result, or undefined when it wrote nothing: its expectation did not hold, or a unique
 * constraint refused a row of any of them (then none was written).
 */
export async function appendTogether(db: Db, appends: readonly Append[]): Promise<(AppendResult | undefined)[]> {
  const rows = appends.flatMap(({ streamName, events, expectedRevision }) => {
    const [kind, expected] = expectationValues(expectedRevision);
    return events.map((event, i) => ({ stream: streamName, kind, expected, ord: i + 1, ...eventFields(event) }));
  });
  const inserted = await insertRows(db, { ...APPEND_TOGETHER, values: [JSON.stringify(rows)] });
  const last = new Map(inserted?.map((row) => [row.stream_name, row]));
  return appends.map(({ streamName }) => {
    const row = last.get(streamName);
    return row && { nextRevision: BigInt(row.stream_revision), position: positionOf(row) };
  });
}

/** The result, or undefined when the expected revision did not hold or a unique constraint refused a row. */
async function insert(db: Db, query: QueryConfig): Promise<AppendResult | undefined> {
  const last = (await insertRows(db, query))?.at(-1);
  return last && { nextRevision: BigInt(last.stream_revision), position: positionOf(last) };
}

interface InsertedRow {
  stream_name: string;
  stream_revision: string;
  transaction_id: string;
  position: string;
}

/** The rows written, in order, or undefined when a unique constraint refused one (and so all). */
async function insertRows(db: Db, query: QueryConfig): Promise<InsertedRow[] | undefined> {
  try {
    return (await db.query<InsertedRow>(query)).rows;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return undefined;
    throw error;
  }
}

async function underSavepoint<T>(db: Db, work: () => Promise<T | undefined>): Promise<T | undefined> {
  await db.query('SAVEPOINT eventstore_append');
  const result = await work();
  await db.query(
    result === undefined ? 'ROLLBACK TO SAVEPOINT eventstore_append' : 'RELEASE SAVEPOINT eventstore_append',
  );
  return result;
}

/**
 * Why an append wrote nothing. A retry of an earlier append answers what that one did; ids
 * stored elsewhere are refused; otherwise the stream's revision was not the expected one —
 * unless it is now (the race was lost to an `any` append, or to one that rolled back), and
 * then the stream's current revision is returned for another try.
 */
async function explainConflict(
  db: Db,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult | bigint> {
  const { rows } = await db.query<{
    current: string;
    event_id: string | null;
    stream_name: string;
    stream_revision: string;
    transaction_id: string;
    position: string;
  }>({ ...CONFLICT, values: [streamName, events.map((event) => event.id)] });
  const stored = new Map(
    rows
      .filter((row) => row.event_id !== null)
      .map((row) => [
        row.event_id,
        { streamName: row.stream_name, revision: BigInt(row.stream_revision), position: positionOf(row) },
      ]),
  );
  const replay = idempotentReplay(
    events.map((event) => stored.get(event.id)),
    streamName,
  );
  if (replay === 'conflict')
    throw new DuplicateEventIdError(streamName, events.find((event) => stored.has(event.id))!.id);
  if (replay) return replay;
  const current = BigInt(rows[0].current);
  const holds =
    expected === 'any' ||
    (expected === 'exists' && current >= 0n) ||
    (expected === 'no_stream' && current === -1n) ||
    expected === current;
  if (!holds) throw new WrongExpectedRevisionError(streamName, expected, current);
  return current;
}

function expectationValues(expected: ExpectedRevision): [string, string | null] {
  return typeof expected === 'bigint' ? ['revision', expected.toString()] : [expected, null];
}

function eventFields({ id, type, data, metadata }: NewEvent) {
  return { id, type, data, metadata };
}

function positionOf(row: { transaction_id: string; position: string }) {
  return encodeLogPosition('pg', BigInt(row.transaction_id), BigInt(row.position));
}
