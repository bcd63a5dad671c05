import { deciderSpecification } from '@frontline/testing';
import { PersonAlreadyEnrolledError, PersonNotActiveError, UnknownPersonError, personDecider } from './person.decider';
import type { PersonEnrolled } from './person.events';

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
});
