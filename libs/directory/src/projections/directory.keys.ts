import type { Keyspace } from '@frontline/read-models';

/**
 * The directory read model's keys, for its projection and every query that reads it:
 * `team:<id>` {name, parentTeamId}, `team:<id>:members` (active people), `teams`, and
 * `person:<id>` {teamId, status, roles, displayName, erased}.
 */
export const directoryKeys = (keys: Keyspace) => ({
  teams: keys.key('teams'),
  team: (teamId: string) => keys.key('team', teamId),
  members: (teamId: string) => keys.key('team', teamId, 'members'),
  person: (personId: string) => keys.key('person', personId),
});

export type DirectoryKeys = ReturnType<typeof directoryKeys>;
