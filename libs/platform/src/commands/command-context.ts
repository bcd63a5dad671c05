import type { Actor } from '../auth/actor';

/** What every command carries besides its own data. */
export interface CommandContext {
  actor: Actor;
  /** Ties together everything one request caused; also the causation id of its events. */
  correlationId: string;
  /** From the Idempotency-Key header: a retry with the same key appends nothing new. */
  idempotencyKey?: string;
  now: Date;
}

/**
 * The context of one step of a request that writes a stream more than once (enrol, then link
 * an identity): a retry with the same Idempotency-Key repeats each step, and no step is taken
 * for another's retry.
 */
export function stepOf(context: CommandContext, step: string): CommandContext {
  return context.idempotencyKey ? { ...context, idempotencyKey: `${context.idempotencyKey}\u0000${step}` } : context;
}
