import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { Public, READ_MODEL_REDIS, type ReadModelRedis, processFaults } from '@frontline/platform';

// Probes for the orchestrator, like /metrics: answered 200 or 503, never a client's 4xx, so not in the API document.
@ApiExcludeController()
@ApiTags('ops')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis,
  ) {}

  /** The process answers; says nothing about its dependencies. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Ready to serve: the event store takes appends and answers reads, Redis answers, and the process had no recent fault. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.probe('eventStore', () => this.eventStore.ping()),
      () => this.probe('redis', () => this.redis.ping()),
      () =>
        this.probe('process', async () => {
          const fault = processFaults.recent();
          if (fault) throw new Error(`unhandled rejection at ${new Date(fault.at).toISOString()}: ${fault.reason}`);
        }),
    ]);
  }

  private async probe(key: string, ping: () => Promise<unknown>) {
    const check = this.indicator.check(key);
    try {
      await withTimeout(ping(), 2_000);
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
