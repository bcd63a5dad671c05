import type { ReadModelRedis } from '@frontline/platform';

/**
 * What the projector publishes after it applied a batch of a serving generation: the projection,
 * the checkpoint before and after the batch, and the topics its events touched. Small, so one
 * message per batch costs Redis little whatever the number of api instances listening.
 */
export interface LiveNotice {
  projection: string;
  /** The checkpoint the batch was applied after ('' at the start of the log). */
  from: string;
  to: string;
  topics: string[];
}

/** One channel per key prefix, so test runs and tenants sharing a Redis do not hear each other. */
export function liveChannel(redis: ReadModelRedis): string {
  return `${redis.options.keyPrefix ?? ''}live`;
}

export function parseNotice(message: string): LiveNotice | undefined {
  try {
    const notice = JSON.parse(message) as Partial<LiveNotice>;
    const ok =
      typeof notice.projection === 'string' &&
      typeof notice.from === 'string' &&
      typeof notice.to === 'string' &&
      Array.isArray(notice.topics) &&
      notice.topics.every((topic) => typeof topic === 'string');
    return ok ? (notice as LiveNotice) : undefined;
  } catch {
    return undefined;
  }
}
