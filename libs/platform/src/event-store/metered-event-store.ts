import type { EventStore } from '@frontline/event-store';
import type { Metrics } from '../metrics/metrics';

/** Counts appends; everything else goes straight to the adapter. */
export class MeteredEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly metrics: Metrics,
  ) {}

  async appendToStream(...args: Parameters<EventStore['appendToStream']>) {
    try {
      const result = await this.store.appendToStream(...args);
      this.metrics.eventsAppended.inc({ outcome: 'appended' }, args[1].length);
      return result;
    } catch (error) {
      this.metrics.eventsAppended.inc({ outcome: (error as Error).name });
      throw error;
    }
  }

  readStream(...args: Parameters<EventStore['readStream']>) {
    return this.store.readStream(...args);
  }

  readAll(...args: Parameters<EventStore['readAll']>) {
    return this.store.readAll(...args);
  }

  subscribeToAll(...args: Parameters<EventStore['subscribeToAll']>) {
    return this.store.subscribeToAll(...args);
  }

  countAfter(...args: Parameters<EventStore['countAfter']>) {
    return this.store.countAfter(...args);
  }

  ping() {
    return this.store.ping();
  }

  close() {
    return this.store.close();
  }
}
