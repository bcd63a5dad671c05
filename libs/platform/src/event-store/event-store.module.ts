import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  EVENT_STORE,
  type EventStore,
  InMemoryEventStore,
  connectKurrentDb,
  PostgresEventStore,
} from '@frontline/event-store';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { MeteredEventStore } from './metered-event-store';

async function connectEventStore(config: AppConfig): Promise<EventStore> {
  switch (config.EVENT_STORE) {
    case 'postgres':
      return PostgresEventStore.connect({ connectionString: config.DATABASE_URL });
    case 'kurrentdb':
      return connectKurrentDb({
        connectionString: config.KURRENTDB_URL!,
        appendTimeoutMs: config.KURRENTDB_APPEND_TIMEOUT_MS,
        readTimeoutMs: config.KURRENTDB_READ_TIMEOUT_MS,
        logger: new Logger('KurrentDbEventStore'),
      });
    case 'memory':
      return new InMemoryEventStore();
  }
}

/** The configured event store adapter, counted in the metrics and closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [AppConfig, Metrics],
      useFactory: async (config: AppConfig, metrics: Metrics) =>
        new MeteredEventStore(await connectEventStore(config), metrics),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
