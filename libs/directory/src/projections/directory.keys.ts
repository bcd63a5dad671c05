import type { Keyspace } from '@frontline/read-models';

/**
 * The directory read model's keys, for its projection and every query that reads it:
 * `team:<id>` {name, parentTeamId}, `team:<id>:members` (active people), `teams`, and
 * `person:<id>` {teamId, status, roles, displayName, erased}, and `linked`, the people an identity
 * provider signs in, in id order (one score, so a page of SCIM's user list is a range).
 */
export const directoryKeys = (keys: Keyspace) => ({
  teams: keys.key('teams'),
  team: (teamId: string) => keys.key('team', teamId),
  members: (teamId: string) => keys.key('team', teamId, 'members'),
  person: (personId: string) => keys.key('person', personId),
  linked: keys.key('linked'),
});

export type DirectoryKeys = ReturnType<typeof directoryKeys>;
