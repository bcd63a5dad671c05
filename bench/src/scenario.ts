import type { Row } from './harness';
import type { Stack } from './stack';

export interface BenchContext {
  quick: boolean;
  /** api, projector and worker, started on the bench's own database and Redis databases. */
  stack: Stack;
  /** The full run's value, or the quick run's. */
  size<T>(full: T, quick: T): T;
  log(message: string): void;
}

export interface Scenario {
  name: string;
  /** Runs on stacks it starts itself: the bench does not start the main stack for it. */
  ownStacks?: boolean;
  run(context: BenchContext): Promise<Row[]>;
}
