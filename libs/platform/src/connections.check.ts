import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { AppConfig } from './config/app-config';
import { READ_MODEL_REDIS, type ReadModelRedis } from './redis/redis.module';

/** Fails the start of a process whose event store or Redis does not answer, instead of idling unconnected. */
@Injectable()
export class ConnectionsCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConnectionsCheck.name);

  constructor(
    private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.eventStore.ping(), this.redis.ping()]);
    this.logger.log(`connected to the ${this.config.EVENT_STORE} event store and Redis`);
  }
}
