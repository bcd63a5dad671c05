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
