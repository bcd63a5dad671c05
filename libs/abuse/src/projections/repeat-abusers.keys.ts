import type { Keyspace } from '@frontline/read-models';

/**
 * The repeat-abuser matches' keys, for its projection and its query: `match:<eventId>`
 * {customerPseudonym, incidentIds, distinctAgents, matchedAt} and `matches`, match ids scored by
 * when each was made.
 */
export const repeatAbusersKeys = (keys: Keyspace) => ({
  matches: keys.key('matches'),
  match: (matchId: string) => keys.key('match', matchId),
});

export type RepeatAbusersKeys = ReturnType<typeof repeatAbusersKeys>;
