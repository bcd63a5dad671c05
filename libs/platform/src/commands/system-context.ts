import type { CommandContext } from './command-context';

/** The worker, acting on its own behalf. */
export const WORKER_ID = '00000000-0000-5000-8000-000000000001';

/**
 * The context of a job's command: the job id is the idempotency key, so a job that BullMQ
 * runs twice appends the same event ids, and the store keeps them once.
 */
export function jobContext(jobId: string, now = new Date()): CommandContext {
  return { actor: { personId: WORKER_ID, roles: [] }, correlationId: jobId, idempotencyKey: jobId, now };
}
