import { deciderSpecification } from '@frontline/testing';
import {
  NoRolesError,
  PersonAlreadyEnrolledError,
  PersonNotActiveError,
  UnknownPersonError,
  personDecider,
} from './person.decider';
import type { PersonEnrolled, PersonIdentityLinked, PersonOffboarded } from './person.events';

const { given } = deciderSpecification(personDecider);
const now = new Date('2026-03-02T09:00:00.000Z');
const at = now.toISOString();
const enrolled: PersonEnrolled = {
  type: 'PersonEnrolled',
  data: {
    personId: 'p1',
    teamId: 't1',
    displayName: 'pd1.p1.cipher',
    roles: ['agent'],
    timezone: 'Europe/Paris',
    siteId: 's1',
    at: '2026-01-05T08:00:00.000Z',
  },
};
const { personId, teamId, displayName, roles, timezone } = enrolled.data;
// Enrolled before sites and moments were recorded.
const enrolledBefore: PersonEnrolled = {
  type: 'PersonEnrolled',
  data: { personId, teamId, displayName, roles, timezone },
};
const offboarded = { type: 'PersonOffboarded' as const, data: { personId, teamId, siteId: 's1', at } };
const move = (toTeamId: string, toSiteId: string, currentSiteId?: string) =>
  ({ type: 'MovePerson', personId, toTeamId, toSiteId, now, ...(currentSiteId ? { currentSiteId } : {}) }) as const;

describe('person decider', () => {
  it('enrols a new person, in the site of their team, at the moment of the command', () =>
    given([])
      .when({ type: 'EnrolPerson', personId, teamId, displayName, roles, timezone, siteId: 's1', now })
      .then([{ ...enrolled, data: { ...enrolled.data, at } }]));

  it('enrols nobody twice', () =>
    given([enrolled])
      .when({ type: 'EnrolPerson', personId, teamId, displayName, roles, timezone, siteId: 's1', now })
      .thenThrows(PersonAlreadyEnrolledError));

  it('moves an active person to another team, from the site it recorded to the new one', () =>
    given([enrolled])
      .when(move('t2', 's2'))
      .then([
        {
          type: 'PersonMovedTeam',
          data: { personId, fromTeamId: 't1', fromSiteId: 's1', toTeamId: 't2', toSiteId: 's2', at },
        },
      ]));

  it('moves from the site the last move recorded', () =>
    given([enrolled, { type: 'PersonMovedTeam', data: { personId, fromTeamId: 't1', toTeamId: 't2', toSiteId: 's2' } }])
      .when(move('t3', 's3', 'stale'))
      .then([
        {
          type: 'PersonMovedTeam',
          data: { personId, fromTeamId: 't2', fromSiteId: 's2', toTeamId: 't3', toSiteId: 's3', at },
        },
      ]));

  it('moves someone enrolled before sites were recorded from the site the command gives, else from their team', () => {
    given([enrolledBefore])
      .when(move('t2', 's2', 's1'))
      .then([
        {
          type: 'PersonMovedTeam',
          data: { personId, fromTeamId: 't1', fromSiteId: 's1', toTeamId: 't2', toSiteId: 's2', at },
        },
      ]);
    given([enrolledBefore])
      .when(move('t2', 's2'))
      .then([
        {
          type: 'PersonMovedTeam',
          data: { personId, fromTeamId: 't1', fromSiteId: 't1', toTeamId: 't2', toSiteId: 's2', at },
        },
      ]);
  });

  it('does not move someone into the team they are in', () => given([enrolled]).when(move('t1', 's1')).then([]));

  it('does not move someone who has left', () =>
    given([enrolled, offboarded]).when(move('t2', 's2')).thenThrows(PersonNotActiveError));

  it('offboards from the site of their team, once', () => {
    given([enrolled]).when({ type: 'OffboardPerson', personId, now }).then([offboarded]);
    given([enrolledBefore]).when({ type: 'OffboardPerson', personId, now, currentSiteId: 's1' }).then([offboarded]);
    given([enrolled, offboarded]).when({ type: 'OffboardPerson', personId, now }).then([]);
  });

  it('erases personal data once, also after offboarding', () => {
    given([enrolled, offboarded])
      .when({ type: 'ErasePersonalData', personId })
      .then([{ type: 'PersonalDataErased', data: { personId } }]);
    given([enrolled, { type: 'PersonalDataErased', data: { personId } }])
      .when({ type: 'ErasePersonalData', personId })
      .then([]);
  });

  it('knows nothing of someone never enrolled', () =>
    given([]).when({ type: 'OffboardPerson', personId, now }).thenThrows(UnknownPersonError));

  describe('as an identity provider keeps it', () => {
    const linked: PersonIdentityLinked = {
      type: 'PersonIdentityLinked',
      data: { personId, userName: 'pd1.p1.u', userNameKey: 'u1', externalId: 'pd1.p1.x', externalIdKey: 'x1' },
    };
    const link = { type: 'LinkIdentity' as const, personId, userName: 'pd1.p1.u2', userNameKey: 'u1' };

    it('links an identity, and links it again only when a key changes', () => {
      given([enrolled])
        .when({ ...link, userName: 'pd1.p1.u', externalId: 'pd1.p1.x', externalIdKey: 'x1' })
        .then([linked]);
      given([enrolled, linked])
        .when({ ...link, externalId: 'pd1.p1.x2', externalIdKey: 'x1' })
        .then([]);
      given([enrolled, linked])
        .when(link)
        .then([{ type: 'PersonIdentityLinked', data: { personId, userName: 'pd1.p1.u2', userNameKey: 'u1' } }]);
    });

    it('enrols someone with their identity in one append', () =>
      given([])
        .when({
          type: 'EnrolPerson',
          personId,
          teamId,
          displayName,
          roles,
          timezone,
          siteId: 's1',
          now,
          identity: { userName: 'pd1.p1.u', userNameKey: 'u1', externalId: 'pd1.p1.x', externalIdKey: 'x1' },
        })
        .then([{ ...enrolled, data: { ...enrolled.data, at } }, linked]));

    it('unlinks an identity once', () => {
      given([enrolled, linked])
        .when({ type: 'UnlinkIdentity', personId })
        .then([{ type: 'PersonIdentityUnlinked', data: { personId } }]);
      given([enrolled, linked, { type: 'PersonIdentityUnlinked', data: { personId } }])
        .when({ type: 'UnlinkIdentity', personId })
        .then([]);
    });

    it('renames only when the name changed (compared by its key, the names being ciphertext)', () => {
      const rename = { type: 'RenamePerson' as const, personId, displayName: 'pd1.p1.n2', displayNameKey: 'n2' };
      given([enrolled])
        .when(rename)
        .then([{ type: 'PersonRenamed', data: { personId, displayName: 'pd1.p1.n2', displayNameKey: 'n2' } }]);
      given([enrolled, { type: 'PersonRenamed', data: { personId, displayName: 'pd1.p1.n2', displayNameKey: 'n2' } }])
        .when(rename)
        .then([]);
    });

    it('changes roles in any order only when they differ, and never to none', () => {
      given([enrolled])
        .when({ type: 'ChangeRoles', personId, roles: ['team_lead', 'agent'] })
        .then([{ type: 'PersonRolesChanged', data: { personId, roles: ['team_lead', 'agent'] } }]);
      given([enrolled])
        .when({ type: 'ChangeRoles', personId, roles: ['agent'] })
        .then([]);
      given([enrolled]).when({ type: 'ChangeRoles', personId, roles: [] }).thenThrows(NoRolesError);
    });

    it('reinstates someone offboarded in the team they left and its site, from now, once, and nobody erased', () => {
      given([enrolled, offboarded])
        .when({ type: 'ReinstatePerson', personId, now })
        .then([{ type: 'PersonReinstated', data: { personId, teamId, siteId: 's1', at } }]);
      given([enrolled]).when({ type: 'ReinstatePerson', personId, now }).then([]);
      given([enrolled, offboarded, { type: 'PersonalDataErased', data: { personId } }])
        .when({ type: 'ReinstatePerson', personId, now })
        .thenThrows(PersonNotActiveError);
    });

    it('reinstates someone enrolled before sites were recorded in the site the command gives, else their team', () => {
      const offboardedBefore: PersonOffboarded = { type: 'PersonOffboarded', data: { personId, teamId } };
      given([enrolledBefore, offboardedBefore])
        .when({ type: 'ReinstatePerson', personId, now, currentSiteId: 's1' })
        .then([{ type: 'PersonReinstated', data: { personId, teamId, siteId: 's1', at } }]);
      given([enrolledBefore, offboardedBefore])
        .when({ type: 'ReinstatePerson', personId, now })
        .then([{ type: 'PersonReinstated', data: { personId, teamId, siteId: teamId, at } }]);
    });

    it('moves someone reinstated again, from the site they were reinstated in', () =>
      given([enrolledBefore, offboarded, { type: 'PersonReinstated', data: { personId, teamId, siteId: 's1', at } }])
        .when(move('t2', 's2', 'stale'))
        .then([
          {
            type: 'PersonMovedTeam',
            data: { personId, fromTeamId: 't1', fromSiteId: 's1', toTeamId: 't2', toSiteId: 's2', at },
          },
        ]));
  });
});
