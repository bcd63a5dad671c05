import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type LogPosition } from '@frontline/event-store';
import { READ_MODEL_REDIS, type ReadModelRedis } from '@frontline/platform';
import { activeKeyspace, buildingKeyspace, dropKeyspace, switchToBuilt } from './generations';
import { LogFeed } from './log-feed';
import type { Keyspace, Projection } from './projection';
import { ProjectionRunner, type RunnerOptions } from './projection-runner';

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
  private feed?: LogFeed;

  constructor(
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const keyspaces = await Promise.all(
      this.projections.map((projection) => activeKeyspace(this.redis, projection.name)),
    );
    const checkpoints = await Promise.all(keyspaces.map((keys) => this.redis.get(keys.key('checkpoint'))));
    // The serving generations read the log once, from the earliest checkpoint; each skips what it applied.
    const feed = new LogFeed(this.store, earliest(checkpoints));
    this.projections.forEach((projection, i) => {
      const runner = this.runner(projection, keyspaces[i], { feed });
      runner.announcing = true;
      this.serving.set(projection.name, runner);
    });
    this.feed = feed.start();
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
    await this.feed?.stop();
  }

  private async startRebuilds(): Promise<void> {
    for (const projection of this.projections) {
      const keys = await buildingKeyspace(this.redis, projection.name);
      // Read before a switch that has since been made, the generation asked for may be serving already.
      const serving = this.serving.get(projection.name)?.keys.generation ?? 0;
      if (!keys || this.building.has(projection.name) || serving >= keys.generation) continue;
      this.logger.log(`rebuilding ${projection.name} into ${keys.tag}`);
      this.building.set(
        projection.name,
        this.runner(projection, keys, { onLive: () => void this.switchTo(projection, keys) }),
      );
    }
  }

  private async switchTo(projection: Projection, built: Keyspace): Promise<void> {
    const previous = await switchToBuilt(this.redis, built);
    const runner = this.building.get(projection.name)!;
    await this.serving.get(projection.name)?.stop();
    runner.announcing = true;
    this.serving.set(projection.name, runner);
    this.building.delete(projection.name); // only now: until it serves, a poll must not start it again
    // Another projector may have switched first: the generation it replaced is then the one built.
    if (previous.generation < built.generation) await dropKeyspace(this.redis, previous);
    this.logger.log(`${projection.name} now serves ${built.tag}; ${previous.tag} dropped`);
  }

  private runner(projection: Projection, keys: Keyspace, options?: RunnerOptions): ProjectionRunner {
    return new ProjectionRunner(this.store, this.redis, projection, keys, options).start();
  }
}

/** The earliest of the stored checkpoints: the start of the log if any generation has none. */
function earliest(checkpoints: readonly (string | null)[]): LogPosition | undefined {
  let first: string | undefined;
  for (const checkpoint of checkpoints) {
    if (checkpoint === null) return undefined;
    if (first === undefined || checkpoint < first) first = checkpoint;
  }
  return first as LogPosition | undefined;
}
