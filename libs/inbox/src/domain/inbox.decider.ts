import type { Decider } from '@frontline/decider';
import type { InboxEvent } from './inbox.events';

export type InboxState = { upTo?: string };

/** Marks the person's inbox read up to an item of theirs (the handler checks it is theirs). */
export type MarkInboxRead = { type: 'MarkInboxRead'; personId: string; upTo: string; now: Date };

/** Item ids sort in log order as strings, so the marker only moves forward: a repeat, or an older item, changes nothing. */
export const inboxDecider: Decider<MarkInboxRead, InboxEvent, InboxState> = {
  initialState: () => ({}),
  decide({ personId, upTo, now }, state) {
    if (state.upTo !== undefined && upTo <= state.upTo) return [];
    return [{ type: 'InboxReadUpTo', data: { personId, upTo, at: now.toISOString() } }];
  },
  evolve: (_state, event) => ({ upTo: event.data.upTo }),
};
