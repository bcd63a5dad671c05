import type { AppendResult, NewEvent, RecordedEvent } from './event-store.port';

/** Rules every adapter checks before it appends. */
export function checkAppend(streamName: string, events: readonly NewEvent[]): void {
  if (!streamName) throw new TypeError('A stream name is required');
  if (events.length === 0) throw new TypeError(`Nothing to append to ${streamName}`);
  if (new Set(events.map((event) => event.id)).size !== events.length) {
    throw new TypeError(`Event ids repeat within one append to ${streamName}`);
  }
}

/**
 * An append whose ids are all stored already, in order, on the same stream, is a retry:
 * it answers what the first append answered. Some but not all, or on another stream, is a conflict.
 */
export function idempotentReplay(
  stored: readonly (Pick<RecordedEvent, 'streamName' | 'revision' | 'position'> | undefined)[],
  streamName: string,
): AppendResult | 'conflict' | undefined {
  const found = stored.filter((event) => event !== undefined);
  if (found.length === 0) return undefined;
  const isRetry =
    found.length === stored.length &&
    found.every((event, i) => event.streamName === streamName && event.revision === found[0].revision + BigInt(i));
  if (!isRetry) return 'conflict';
  const last = found[found.length - 1];
  return { nextRevision: last.revision, position: last.position };
}
