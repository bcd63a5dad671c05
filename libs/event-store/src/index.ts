export * from './event-store.port';
export { ForeignLogPositionError, type PositionStore, encodeLogPosition, decodeLogPosition } from './log-position';
export { InMemoryEventStore } from './in-memory/in-memory-event-store';
export { PostgresEventStore } from './postgres/postgres-event-store';
export { type ImportedAppend, PostgresLogImport } from './postgres/log-import';
export type { KurrentDbEventStore, KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store';
export { connectKurrentDb } from './kurrentdb/connect';
export { Doorbell, backoffDelay, sleep } from './subscription';
