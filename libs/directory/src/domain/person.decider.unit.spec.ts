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
const enrolled: PersonEnrolled = {
  type: 'PersonEnrolled',
  data: { personId: 'p1', teamId: 't1', displayName: 'pd1.p1.cipher', roles: ['agent'], timezone: 'Europe/Paris' },
};
const { personId, teamId, displayName, roles, timezone } = enrolled.data;

describe('person decider', () => {
  it('enrols a new person', () =>
    given([]).when({ type: 'EnrolPerson', personId, teamId, displayName, roles, timezone }).then([enrolled]));

  it('enrols nobody twice', () =>
    given([enrolled])
      .when({ type: 'EnrolPerson', personId, teamId, displayName, roles, timezone })
      .thenThrows(PersonAlreadyEnrolledError));

  it('moves an active person to another team', () =>
    given([enrolled])
      .when({ type: 'MovePerson', personId, toTeamId: 't2' })
      .then([{ type: 'PersonMovedTeam', data: { personId, fromTeamId: 't1', toTeamId: 't2' } }]));

  it('does not move someone into the team they are in', () =>
    given([enrolled]).when({ type: 'MovePerson', personId, toTeamId: 't1' }).then([]));

  it('does not move someone who has left', () =>
    given([enrolled, { type: 'PersonOffboarded', data: { personId, teamId } }])
      .when({ type: 'MovePerson', personId, toTeamId: 't2' })
      .thenThrows(PersonNotActiveError));

  it('offboards once', () =>
    given([enrolled, { type: 'PersonOffboarded', data: { personId, teamId } }])
      .when({ type: 'OffboardPerson', personId })
      .then([]));

  it('erases personal data once, also after offboarding', () => {
    given([enrolled, { type: 'PersonOffboarded', data: { personId, teamId } }])
      .when({ type: 'ErasePersonalData', personId })
      .then([{ type: 'PersonalDataErased', data: { personId } }]);
    given([enrolled, { type: 'PersonalDataErased', data: { personId } }])
      .when({ type: 'ErasePersonalData', personId })
      .then([]);
  });

  it('knows nothing of someone never enrolled', () =>
    given([]).when({ type: 'OffboardPerson', personId }).thenThrows(UnknownPersonError));

  describe('as an identity provider keeps it', () => {
    const offboarded: PersonOffboarded = { type: 'PersonOffboarded', data: { personId, teamId } };
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
          identity: { userName: 'pd1.p1.u', userNameKey: 'u1', externalId: 'pd1.p1.x', externalIdKey: 'x1' },
        })
        .then([enrolled, linked]));

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

    it('reinstates someone offboarded in the team they left, once, and nobody erased', () => {
      given([enrolled, offboarded])
        .when({ type: 'ReinstatePerson', personId })
        .then([{ type: 'PersonReinstated', data: { personId, teamId } }]);
      given([enrolled]).when({ type: 'ReinstatePerson', personId }).then([]);
      given([enrolled, offboarded, { type: 'PersonalDataErased', data: { personId } }])
        .when({ type: 'ReinstatePerson', personId })
        .thenThrows(PersonNotActiveError);
    });

    it('moves someone reinstated again', () =>
      given([enrolled, offboarded, { type: 'PersonReinstated', data: { personId, teamId } }])
        .when({ type: 'MovePerson', personId, toTeamId: 't2' })
        .then([{ type: 'PersonMovedTeam', data: { personId, fromTeamId: 't1', toTeamId: 't2' } }]));
  });
});
