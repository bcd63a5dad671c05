import type { KurrentDbEventStore, KurrentDbEventStoreOptions } from './kurrentdb-event-store';

/**
 * The KurrentDB adapter, loaded when it is asked for: its gRPC client holds some 35 MB that
 * apps on the PostgreSQL or in-memory store never use.
 */
export async function connectKurrentDb(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
  const { KurrentDbEventStore } = await import('./kurrentdb-event-store.js');
  return KurrentDbEventStore.connect(options);
}
