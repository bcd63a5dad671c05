import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidV5 } from 'uuid';
import { type Decider, type DomainEvent, fold } from '@frontline/decider';
import {
  EVENT_STORE,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
  backoffDelay,
  sleep,
} from '@frontline/event-store';
import type { CommandContext } from './command-context';

// Namespace of the event ids derived from idempotency keys.
const IDEMPOTENT_EVENT_IDS = 'a3c5b8e2-4f1d-5e6a-9b7c-2d8e0f1a3b4c';
const MAX_ATTEMPTS = 5;

export interface ExecuteOptions<State = unknown> {
  /**
   * The stream is new unless this is a retry (its id comes from the Idempotency-Key): decide
   * on the initial state and append with no_stream, and read the stream only if it exists.
   * That saves a creating command a round trip. For callers that use nothing of the result
   * but success: a retry the event store recognises by its event ids answers with the events
   * decided again (the same ids), not with those stored.
   */
  expectNew?: boolean;
  /**
   * The stream as the caller has just loaded it, to decide on first instead of reading it
   * again; a concurrent change still makes the append fail and the retry read afresh.
   */
  loaded?: Loaded<State>;
}

/** A stream's state folded from its events, and the revision it was read at. */
export interface Loaded<State> {
  state: State;
  revision: bigint;
  recorded: RecordedEvent[];
}

export interface Executed<Event extends DomainEvent, State> {
  /** The events this command appended, or those of the first attempt when it is a retry. */
  events: Event[];
  state: State;
}

/**
 * Runs a command against one stream: read, fold, decide, append at the expected
 * revision; on a concurrent change, again from the top, a bounded number of times.
 */
@Injectable()
export class CommandExecutor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute<Command, Event extends DomainEvent, State>(
    streamName: string,
    decider: Decider<Command, Event, State>,
    command: Command,
    context: CommandContext,
    { expectNew = false, loaded }: ExecuteOptions<State> = {},
  ): Promise<Executed<Event, State>> {
    const created = expectNew ? await this.create(streamName, decider, command, context) : undefined;
    if (created) return created;
    for (let attempt = 1; ; attempt++) {
      const { state, revision, recorded } = attempt === 1 && loaded ? loaded : await this.load(streamName, decider);
      const earlier = this.appendedEarlier(streamName, context, recorded);
      if (earlier.length > 0) return { events: earlier as Event[], state };
      const events = decider.decide(command, state);
      if (events.length === 0) return { events, state };
      try {
        await this.store.appendToStream(streamName, this.newEvents(streamName, events, context), {
          expectedRevision: revision < 0n ? 'no_stream' : revision,
        });
        return { events, state: events.reduce(decider.evolve, state) };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
        // A short random pause, so writers that just collided do not collide again at once.
        await sleep(backoffDelay(attempt, 5, 100));
      }
    }
  }

  /** Undefined when the stream exists, or the command is refused on a new one: then the usual way decides. */
  private async create<Command, Event extends DomainEvent, State>(
    streamName: string,
    decider: Decider<Command, Event, State>,
    command: Command,
    context: CommandContext,
  ): Promise<Executed<Event, State> | undefined> {
    const state = decider.initialState();
    let events: Event[];
    try {
      events = decider.decide(command, state);
    } catch {
      return undefined;
    }
    if (events.length === 0) return undefined;
    try {
      await this.store.appendToStream(streamName, this.newEvents(streamName, events, context), {
        expectedRevision: 'no_stream',
      });
      return { events, state: events.reduce(decider.evolve, state) };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return undefined;
      throw error;
    }
  }

  private newEvents(streamName: string, events: readonly DomainEvent[], context: CommandContext): NewEvent[] {
    return events.map((event, i) => ({
      id: this.eventId(streamName, context, i),
      type: event.type,
      data: event.data,
      metadata: {
        correlationId: context.correlationId,
        causationId: context.correlationId,
        actorId: context.actor.personId,
        schemaVersion: 1,
      },
    }));
  }

  /** The current state of a stream, folded from its events. */
  async load<Event extends DomainEvent, State>(
    streamName: string,
    decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  ): Promise<Loaded<State>> {
    const recorded = await this.store.readStream(streamName);
    const state = fold(decider, recorded as unknown as Event[]);
    return { state, revision: BigInt(recorded.length) - 1n, recorded };
  }

  /** The events a request with the same idempotency key appended to this stream before, if any. */
  private appendedEarlier(
    streamName: string,
    context: CommandContext,
    recorded: readonly RecordedEvent[],
  ): DomainEvent[] {
    if (!context.idempotencyKey) return [];
    const byId = new Map(recorded.map((event) => [event.id, event]));
    const earlier: DomainEvent[] = [];
    for (let i = 0; byId.has(this.eventId(streamName, context, i)); i++) {
      const { type, data } = byId.get(this.eventId(streamName, context, i))!;
      earlier.push({ type, data: data as object });
    }
    return earlier;
  }

  /** Derived from the idempotency key, so a retried request appends the same ids and the store stores them once. */
  private eventId(streamName: string, context: CommandContext, index: number): string {
    if (!context.idempotencyKey) return randomUUID();
    return uuidV5(
      `${context.actor.personId}\u0000${context.idempotencyKey}\u0000${streamName}\u0000${index}`,
      IDEMPOTENT_EVENT_IDS,
    );
  }
}

/**
 * The id of something a command creates: derived from the Idempotency-Key when there is
 * one, so a retry names the same thing even if the remembered answer was lost.
 */
export function newId(context: CommandContext, kind: string): string {
  if (!context.idempotencyKey) return randomUUID();
  return uuidV5(`${context.actor.personId}\u0000${context.idempotencyKey}\u0000${kind}`, IDEMPOTENT_EVENT_IDS);
}
