import type { LiveId } from './live-ids';

/** Whoever watches a stream: a signed-in person, or nobody in particular (a wall on a screen). */
export interface LiveViewer {
  personId: string;
  teamId?: string;
}

/** One message of a stream, read once and written to every connection that may see it. */
export interface LiveItem {
  id: LiveId;
  /** The SSE event name (`kudos`, `inbox-item`). */
  type: string;
  /** Its JSON, serialised once for every connection. */
  data: string;
  /** What the source needs to tell who may see it (kudos: its audience). */
  audience?: unknown;
  /** The topics read that hold it. */
  topics: string[];
}

/** Items of a topic, and where the next page starts when there may be more. */
export interface LivePage {
  items: LiveItem[];
  next?: LiveId;
}

/**
 * What a live stream reads from: one read model, ordered by log position, split in topics
 * (`feed:team:<id>`). Its projection names the topics an applied batch touched (see
 * `ProjectionDefinition.live`); the api reads each touched topic once and hands the items to each
 * connection that follows it and may see them. The recognition feeds are one source; the inbox
 * is another: register it in `LIVE_SOURCES` (apps/api/src/live/live.http.module.ts).
 */
export interface LiveSource {
  /** In event ids: `kudos`. */
  readonly name: string;
  /** The projection whose notices wake this source, and whose checkpoint says where "now" is. */
  readonly projection: string;
  /** The topics a person's own stream follows in this source. */
  topics(viewer: LiveViewer): string[];
  /**
   * The items of these topics after `after` (from the start when undefined) up to `upTo` (a
   * position), oldest first, each read once however many of the topics hold it: a page of at
   * most `limit` a topic.
   */
  read(topics: readonly string[], after: LiveId | undefined, upTo: string, limit: number): Promise<LivePage>;
  /** Whether this viewer may be sent the item; items of a person's own topics may need no check. */
  shows(item: LiveItem, viewer: LiveViewer): boolean;
}

/** Sources of the person's own stream, `GET /v1/me/stream`. */
export const LIVE_SOURCES = Symbol('LiveSources');
