import type { Keyspace } from '@frontline/read-models';

/**
 * Who an item is for, as the projection knows it when it applies the event: one person, the leads
 * of a team, the wellbeing officers, or a campaign's audience. The query merges the audiences a
 * viewer belongs to when they read.
 */
export type InboxAudience = `person:${string}` | `teamLeads:${string}` | 'officers' | `campaign:${string}`;

export const personAudience = (personId: string): InboxAudience => `person:${personId}`;
export const teamLeadsAudience = (teamId: string): InboxAudience => `teamLeads:${teamId}`;
export const OFFICERS_AUDIENCE: InboxAudience = 'officers';
export const campaignAudience = (campaignId: string): InboxAudience => `campaign:${campaignId}`;

/** An item's body as stored: what happened, with ids only (names are read from the directory when shown). */
export type InboxItemBody = { kind: string; at: string } & Record<string, unknown>;

/**
 * The inbox's keys, for its projection and its queries: `audience:<audience>`, the item ids of an
 * audience (all of score 0, so they sort by id: the log position of the event that made the item,
 * then `.nn`); `item:<id>` {body} (JSON); `campaigns:team:<teamId>` and `campaigns:everyone`, the
 * campaigns whose audience that is; `read` {personId: the id read up to}; `reactions:<kudosId>`
 * {emoji: count}; the undo lists `undo:kudos:<kudosId>` (what takes a retracted or hidden kudos out)
 * and `undo:reactions:<kudosId>:<personId>` (what takes the recipient's previous reactions item out).
 */
export const inboxKeys = (keys: Keyspace) => ({
  audience: (audience: InboxAudience) => keys.key('audience', audience),
  item: (itemId: string) => keys.key('item', itemId),
  campaigns: (teamId?: string) =>
    teamId === undefined ? keys.key('campaigns', 'everyone') : keys.key('campaigns', 'team', teamId),
  read: () => keys.key('read'),
  reactions: (kudosId: string) => keys.key('reactions', kudosId),
  undoKudos: (kudosId: string) => keys.key('undo', 'kudos', kudosId),
  undoReactions: (kudosId: string, personId: string) => keys.key('undo', 'reactions', kudosId, personId),
});

export type InboxKeys = ReturnType<typeof inboxKeys>;

/**
 * An item's id: the log position of its event (which sorts as a string in log order), a dot and
 * its place among the items that event made. The id is also the SSE event id a stream resumes after.
 */
export const inboxItemId = (position: string, place: number) => `${position}.${String(place).padStart(2, '0')}`;

/** What an item id looks like, for input checks. */
export const INBOX_ITEM_ID = /^(?:[a-z]{1,8}:)?\d{1,20}(?:-\d{1,20}){0,3}\.\d{2}$/;
