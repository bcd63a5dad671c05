import type { RecordedEvent } from '@frontline/event-store';

/**
 * Turns events into work: it reads the log through its own subscription (never the
 * in-process EventBus) and enqueues jobs with ids derived from the event, so reacting to the
 * same event again after a crash adds nothing new.
 */
export interface Reactor {
  readonly name: string;
  readonly eventTypes: readonly string[];
  react(event: RecordedEvent): Promise<void>;
}

export const REACTORS = Symbol('Reactors');
