import { defineProjection } from '@frontline/read-models';
import type { PersonEvent } from '../domain/person.events';
import type { TeamEvent } from '../domain/team.events';
import { type DirectoryKeys, directoryKeys } from './directory.keys';

/**
 * Who is in which team, for queries (see `directoryKeys`), and who an identity provider signs in
 * (`linked`, for paging SCIM's user list). The display name stays ciphertext: a query decrypts
 * it, so an erased person reads as erased.
 */
export const directoryProjection = defineProjection<TeamEvent | PersonEvent, DirectoryKeys>({
  name: 'directory',
  layout: directoryKeys,
  on: {
    TeamCreated: ({ data: { teamId, name, parentTeamId } }, keys) => [
      ['HSET', keys.team(teamId), 'name', name, 'parentTeamId', parentTeamId ?? ''],
      ['SADD', keys.teams, teamId],
    ],
    TeamRenamed: ({ data }, keys) => [['HSET', keys.team(data.teamId), 'name', data.name]],
    PersonEnrolled: ({ data: { personId, teamId, displayName, roles } }, keys) => [
      [
        'HSET',
        keys.person(personId),
        'teamId',
        teamId,
        'status',
        'active',
        'roles',
        roles.join(','),
        'displayName',
        displayName,
      ],
      ['SADD', keys.members(teamId), personId],
    ],
    PersonMovedTeam: ({ data: { personId, fromTeamId, toTeamId } }, keys) => [
      ['HSET', keys.person(personId), 'teamId', toTeamId],
      ['SREM', keys.members(fromTeamId), personId],
      ['SADD', keys.members(toTeamId), personId],
    ],
    PersonOffboarded: ({ data: { personId, teamId } }, keys) => [
      ['HSET', keys.person(personId), 'status', 'offboarded'],
      ['SREM', keys.members(teamId), personId],
    ],
    PersonalDataErased: ({ data }, keys) => [['HSET', keys.person(data.personId), 'erased', '1']],
    PersonRenamed: ({ data }, keys) => [['HSET', keys.person(data.personId), 'displayName', data.displayName]],
    PersonRolesChanged: ({ data }, keys) => [['HSET', keys.person(data.personId), 'roles', data.roles.join(',')]],
    PersonReinstated: ({ data: { personId, teamId } }, keys) => [
      ['HSET', keys.person(personId), 'status', 'active'],
      ['SADD', keys.members(teamId), personId],
    ],
    PersonIdentityLinked: ({ data }, keys) => [['ZADD', keys.linked, '0', data.personId]],
    PersonIdentityUnlinked: ({ data }, keys) => [['ZREM', keys.linked, data.personId]],
  },
});
