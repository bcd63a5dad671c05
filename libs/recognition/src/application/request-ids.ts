import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@frontline/platform';
import { v5 as uuidV5 } from 'uuid';

// Namespace of the ids of things created by a request that carries an Idempotency-Key.
const REQUEST_IDS = '6f1c2a4e-8b3d-5c7e-9a1f-0d2e4b6c8a10';

/** The same for every retry of one request, so a retry lands on the streams the first attempt wrote. */
export function idForRequest(context: CommandContext, kind: 'kudos' | 'praise'): string {
  if (!context.idempotencyKey) return randomUUID();
  return uuidV5(`${kind}\u0000${context.actor.personId}\u0000${context.idempotencyKey}`, REQUEST_IDS);
}
