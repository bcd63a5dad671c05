import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { READ_MODEL_REDIS } from '@frontline/platform';
import type { Redis } from 'ioredis';
import { activeKeyspace, buildingKeyspace, dropKeyspace, switchToBuilt } from './generations';
import type { Keyspace, Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

export const PROJECTIONS = Symbol('Projections');
const REBUILD_POLL_MS = 1_000;

/**
 * Runs every projection's serving generation, and a rebuilt next generation when one is
 * asked for: it builds from the start of the log, then queries switch to it and the old
 * generation's keys go.
 */
@Injectable()
export class ProjectionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionHost.name);
  private readonly serving = new Map<string, ProjectionRunner>();
  private readonly building = new Map<string, ProjectionRunner>();
  private poll?: NodeJS.Timeout;

  constructor(
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const projection of this.projections) {
      this.serving.set(projection.name, this.runner(projection, await activeKeyspace(this.redis, projection.name)));
    }
    await this.startRebuilds();
    this.poll = setInterval(
      () => void this.startRebuilds().catch((error) => this.logger.error(error)),
      REBUILD_POLL_MS,
    );
    this.logger.log(`running ${this.projections.map((p) => p.name).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.poll);
    await Promise.all([...this.serving.values(), ...this.building.values()].map((runner) => runner.stop()));
  }

  private async startRebuilds(): Promise<void> {
    for (const projection of this.projections) {
      const keys = await buildingKeyspace(this.redis, projection.name);
      if (!keys || this.building.has(projection.name)) continue;
      this.logger.log(`rebuilding ${projection.name} into ${keys.tag}`);
      this.building.set(
        projection.name,
        this.runner(projection, keys, () => void this.switchTo(projection, keys)),
      );
    }
  }

  private async switchTo(projection: Projection, built: Keyspace): Promise<void> {
    const previous = await switchToBuilt(this.redis, built);
    const runner = this.building.get(projection.name)!;
    this.building.delete(projection.name);
    await this.serving.get(projection.name)?.stop();
    this.serving.set(projection.name, runner);
    await dropKeyspace(this.redis, previous);
    this.logger.log(`${projection.name} now serves ${built.tag}; ${previous.tag} dropped`);
  }

  private runner(projection: Projection, keys: Keyspace, onLive?: () => void): ProjectionRunner {
    return new ProjectionRunner(this.store, this.redis, projection, keys, onLive).start();
  }
}
