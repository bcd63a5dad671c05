import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type LogPosition, backoffDelay, sleep } from '@frontline/event-store';
import type { Redis } from 'ioredis';
import { QUEUE_REDIS } from '../queues/queues.module';
import { REACTORS, type Reactor } from './reactor';

/**
 * Runs every reactor on a catch-up subscription from its checkpoint, kept in the queue Redis
 * beside the jobs: if that Redis loses its data, the checkpoints go with the jobs and the
 * reactors re-create them from the log.
 */
@Injectable()
export class ReactorHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stopped = new AbortController();
  private running: Promise<void>[] = [];

  constructor(
    @Inject(REACTORS) private readonly reactors: Reactor[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(QUEUE_REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.reactors.map((reactor) => this.run(reactor));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped.abort();
    await Promise.all(this.running);
  }

  private async run(reactor: Reactor): Promise<void> {
    const logger = new Logger(`Reactor ${reactor.name}`);
    const checkpointKey = `reactor:${reactor.name}:checkpoint`;
    for (let failures = 0; !this.stopped.signal.aborted;) {
      const after = ((await this.redis.get(checkpointKey).catch(() => null)) ?? undefined) as LogPosition | undefined;
      const subscription = this.store.subscribeToAll({ after, filter: { eventTypes: reactor.eventTypes } });
      const close = () => void subscription.close();
      this.stopped.signal.addEventListener('abort', close, { once: true });
      try {
        for await (const event of subscription) {
          await reactor.react(event);
          await this.redis.set(checkpointKey, event.position);
          failures = 0;
        }
      } catch (error) {
        // Never skip an event: resubscribe from the last one handled.
        logger.warn(`failed, resuming from its checkpoint: ${(error as Error).message}`);
        await sleep(backoffDelay(failures++), this.stopped.signal);
      } finally {
        this.stopped.signal.removeEventListener('abort', close);
        await subscription.close();
      }
    }
  }
}
