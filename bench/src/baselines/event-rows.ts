import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export function psql(database: string, sql: string): string {
  const args = ['-h', '127.0.0.1', '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', '-d', database, '-c', sql];
  return execFileSync('psql', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Drops and creates a database of the bench's own; answers its URL. */
export function recreateDatabase(database: string): string {
  psql('postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  psql('postgres', `CREATE DATABASE ${database}`);
  return `postgres://postgres@127.0.0.1:5432/${database}`;
}

/**
 * The baselines' table: `eventstore.events` as the project's migration made it in `database`
 * (columns, defaults, identity, primary key, unique constraints), empty, beside it.
 */
export function createBaselineTable(database: string): string {
  psql(
    database,
    `CREATE SCHEMA IF NOT EXISTS baseline;
     DROP TABLE IF EXISTS baseline.events;
     CREATE TABLE baseline.events (LIKE eventstore.events INCLUDING ALL);`,
  );
  return 'baseline.events';
}

/** An event as its row stores it. */
export interface EventRow {
  streamName: string;
  type: string;
  /** JSON text of the data and the metadata columns. */
  data: string;
  metadata: string;
}

/** A kudos as the api stores one (`KudosSent`, a message of 70 characters), for the appends. */
export const SAMPLE_EVENT = {
  type: 'KudosSent',
  data: {
    toIds: ['76858872-5f93-532a-afec-7d7862c9f64e'],
    fromId: '9cb8d2d7-db86-5f4c-aa84-7cb611dc2385',
    sentAt: '2026-11-22T15:56:11.381Z',
    values: ['empathy', 'teamwork'],
    kudosId: '09bfa15c-084c-521a-8229-588247d543fb',
    message: 'You were so kind to the customer closing their late partner’s account.',
    toTeamIds: ['3333445e-60ed-531d-b070-c1caceae39fc'],
    fromTeamId: '3333445e-60ed-531d-b070-c1caceae39fc',
    visibility: 'team',
  },
  metadata: {
    actorId: '9cb8d2d7-db86-5f4c-aa84-7cb611dc2385',
    causationId: 'fea93165-d6a5-4c5d-80de-9a125d287ce8',
    correlationId: 'fea93165-d6a5-4c5d-80de-9a125d287ce8',
    schemaVersion: 1,
  },
};

export const SAMPLE_ROW: EventRow = {
  streamName: `kudos-${SAMPLE_EVENT.data.kudosId}`,
  type: SAMPLE_EVENT.type,
  data: JSON.stringify(SAMPLE_EVENT.data),
  metadata: JSON.stringify(SAMPLE_EVENT.metadata),
};

/** The last stored event of a type in a database the project wrote. */
export function storedEventRow(database: string, type: string): EventRow {
  const row = psql(
    database,
    `SELECT json_build_object('streamName', stream_name, 'type', event_type, 'data', data::text, 'metadata', metadata::text)
       FROM eventstore.events WHERE event_type = '${type}' ORDER BY position DESC LIMIT 1`,
  );
  if (!row) throw new Error(`No ${type} event in ${database}`);
  return JSON.parse(row) as EventRow;
}

/** The average stored size (`pg_column_size`) of a table's rows, or of those of one event type, in bytes. */
export function averageRowBytes(database: string, table: string, type?: string): number {
  const where = type ? `WHERE event_type = '${type}'` : '';
  return Number(psql(database, `SELECT coalesce(round(avg(pg_column_size(e.*))), 0) FROM ${table} e ${where}`));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A pgbench script and the variables (`-D`) it runs with. */
export interface PgbenchScript {
  script: string;
  variables: Record<string, string>;
}

/**
 * One INSERT of a row like `row` into `table`, with a new event id and a new stream (the uuid
 * in the stream name made anew) at revision 0: as many bytes as the event, a row the unique
 * constraints accept every time. The values are parameters, as an application sends them:
 * written into a prepared statement, the JSON would be parsed once, not for every row.
 */
export function insertEventScript(table: string, row: EventRow): PgbenchScript {
  const [prefix, suffix] = UUID.test(row.streamName) ? row.streamName.split(UUID) : [`${row.streamName}-`, ''];
  // pgbench refuses a variable with an empty value.
  const stream = suffix ? ':prefix || gen_random_uuid() || :suffix' : ':prefix || gen_random_uuid()';
  return {
    script: `INSERT INTO ${table} (event_id, stream_name, stream_revision, event_type, data, metadata)
VALUES (gen_random_uuid(), ${stream}, 0, :type, :data, :metadata);
`,
    variables: { prefix, ...(suffix ? { suffix } : {}), type: row.type, data: row.data, metadata: row.metadata },
  };
}

// COPY's text format escapes backslashes and the characters that separate fields and rows.
const copyText = (text: string) =>
  text.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r');

/** `count` rows like `row` in one COPY (its own transaction): a new stream at revisions 0 to count − 1. */
export async function copyEvents(pool: Pool, table: string, row: EventRow, count: number): Promise<void> {
  const stream = row.streamName.replace(UUID, randomUUID());
  const [type, data, metadata] = [row.type, row.data, row.metadata].map(copyText);
  const lines = Array.from(
    { length: count },
    (_, revision) => `${randomUUID()}\t${stream}\t${revision}\t${type}\t${data}\t${metadata}\n`,
  );
  const client = await pool.connect();
  try {
    const copy = client.query(
      copyFrom(`COPY ${table} (event_id, stream_name, stream_revision, event_type, data, metadata) FROM STDIN`),
    );
    await pipeline(Readable.from([lines.join('')]), copy);
  } finally {
    client.release();
  }
}
