import type { RecordedEvent } from '@frontline/event-store';
import type { Keyspace, Projection, RedisOp } from '@frontline/read-models';
import type { PersonEvent } from '../domain/person.events';
import type { TeamEvent } from '../domain/team.events';

/**
 * Who is in which team, for queries: `team:<id>` {name, parentTeamId}, `team:<id>:members`
 * (active people), `teams`, `person:<id>` {teamId, status, roles, displayName}, and `linked`,
 * the people an identity provider signs in, in id order (for paging SCIM's user list). The
 * display name stays ciphertext: a query decrypts it, so an erased person reads as erased.
 */
export const directoryProjection: Projection = {
  name: 'directory',
  eventTypes: [
    'TeamCreated',
    'TeamRenamed',
    'PersonEnrolled',
    'PersonMovedTeam',
    'PersonOffboarded',
    'PersonalDataErased',
    'PersonRenamed',
    'PersonRolesChanged',
    'PersonReinstated',
    'PersonIdentityLinked',
    'PersonIdentityUnlinked',
  ],

  project(recorded: RecordedEvent, keys: Keyspace): RedisOp[] {
    const event = recorded as unknown as TeamEvent | PersonEvent;
    switch (event.type) {
      case 'TeamCreated': {
        const { teamId, name, parentTeamId } = event.data;
        return [
          ['HSET', keys.key('team', teamId), 'name', name, 'parentTeamId', parentTeamId ?? ''],
          ['SADD', keys.key('teams'), teamId],
        ];
      }
      case 'TeamRenamed':
        return [['HSET', keys.key('team', event.data.teamId), 'name', event.data.name]];
      case 'PersonEnrolled': {
        const { personId, teamId, displayName, roles } = event.data;
        return [
          [
            'HSET',
            keys.key('person', personId),
            'teamId',
            teamId,
            'status',
            'active',
            'roles',
            roles.join(','),
            'displayName',
            displayName,
          ],
          ['SADD', keys.key('team', teamId, 'members'), personId],
        ];
      }
      case 'PersonMovedTeam': {
        const { personId, fromTeamId, toTeamId } = event.data;
        return [
          ['HSET', keys.key('person', personId), 'teamId', toTeamId],
          ['SREM', keys.key('team', fromTeamId, 'members'), personId],
          ['SADD', keys.key('team', toTeamId, 'members'), personId],
        ];
      }
      case 'PersonOffboarded':
        return [
          ['HSET', keys.key('person', event.data.personId), 'status', 'offboarded'],
          ['SREM', keys.key('team', event.data.teamId, 'members'), event.data.personId],
        ];
      case 'PersonalDataErased':
        return [['HSET', keys.key('person', event.data.personId), 'erased', '1']];
      case 'PersonRenamed':
        return [['HSET', keys.key('person', event.data.personId), 'displayName', event.data.displayName]];
      case 'PersonRolesChanged':
        return [['HSET', keys.key('person', event.data.personId), 'roles', event.data.roles.join(',')]];
      case 'PersonReinstated':
        return [
          ['HSET', keys.key('person', event.data.personId), 'status', 'active'],
          ['SADD', keys.key('team', event.data.teamId, 'members'), event.data.personId],
        ];
      case 'PersonIdentityLinked':
        return [['ZADD', keys.key('linked'), '0', event.data.personId]];
      case 'PersonIdentityUnlinked':
        return [['ZREM', keys.key('linked'), event.data.personId]];
    }
  },
};
