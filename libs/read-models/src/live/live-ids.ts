import { DomainError } from '@frontline/decider';

/**
 * Where a live item sits in the log: the position of the event it came from and, when one event
 * yields several items, which of them (`n`). Without `n` it stands for the whole position: every
 * item of that event.
 */
export interface LiveId {
  position: string;
  n?: number;
}

/** A stream's place in each of its sources, by source name: what it has been sent through. */
export type LiveCursor = ReadonlyMap<string, LiveId>;

export class MalformedLastEventIdError extends DomainError {
  readonly code = 'malformed-last-event-id';
  readonly kind = 'invalid';
}

/** Longer than any id this api gives out for a few sources. */
const MAX_EVENT_ID_LENGTH = 512;
/** A position as the event stores encode it (`pg:<20 digits>-<20 digits>`); see encodeLogPosition. */
const POSITION = String.raw`(?:pg|kdb|mem):\d{20}(?:-\d{20})*`;
const ENTRY = new RegExp(String.raw`^([a-z][a-zA-Z]{0,31})=(${POSITION})(?:\.(\d{1,6}))?$`);

/** Whether `a` comes after `b` in the log; a whole position comes after each of its items. */
export function isAfter(a: LiveId, b: LiveId): boolean {
  if (a.position !== b.position) return a.position > b.position;
  return (a.n ?? Infinity) > (b.n ?? Infinity);
}

export function formatLiveId({ position, n }: LiveId): string {
  return n === undefined ? position : `${position}.${n}`;
}

/**
 * The SSE id of a message: where the stream stands in every source, `kudos=<position>,inbox=<position>.1`.
 * Sources move independently (each projection applies the log at its own pace), so one position
 * for all would skip what a slower source had not yet written when a faster one was sent.
 */
export function formatEventId(cursor: LiveCursor): string {
  return [...cursor].map(([source, id]) => `${source}=${formatLiveId(id)}`).join(',');
}

/** A `Last-Event-ID` this stream gave out, its sources among `sources`; anything else is a 400. */
export function parseEventId(text: string, sources: readonly string[]): Map<string, LiveId> {
  const refuse = (why: string) => new MalformedLastEventIdError(`Last-Event-ID ${why}`);
  if (text.length > MAX_EVENT_ID_LENGTH) throw refuse(`is longer than ${MAX_EVENT_ID_LENGTH} characters`);
  const cursor = new Map<string, LiveId>();
  for (const entry of text.split(',')) {
    const match = ENTRY.exec(entry);
    if (!match) throw refuse('is not an id this stream gave out (source=position)');
    const [, source, position, n] = match;
    if (!sources.includes(source)) throw refuse(`names ${source}, which is not a source of this stream`);
    if (cursor.has(source)) throw refuse(`names ${source} twice`);
    cursor.set(source, n === undefined ? { position } : { position, n: Number(n) });
  }
  return cursor;
}
