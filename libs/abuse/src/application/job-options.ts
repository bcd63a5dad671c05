import type { JobsOptions } from 'bullmq';

/**
 * Completed jobs are kept a week so that a reactor replaying the same event meets their ids
 * and adds nothing; failed ones stay for inspection on the queue board.
 */
export const WORKER_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
