import { deciderSpecification } from '@frontline/testing';
import { TeamAlreadyExistsError, UnknownTeamError, teamDecider } from './team.decider';

const { given } = deciderSpecification(teamDecider);
const created = { type: 'TeamCreated' as const, data: { teamId: 't1', name: 'Lyon chat' } };

describe('team decider', () => {
  it('creates a team', () => given([]).when({ type: 'CreateTeam', teamId: 't1', name: 'Lyon chat' }).then([created]));

  it('creates a team once', () =>
    given([created]).when({ type: 'CreateTeam', teamId: 't1', name: 'Again' }).thenThrows(TeamAlreadyExistsError));

  it('renames a team, and does nothing for the same name', () => {
    given([created])
      .when({ type: 'RenameTeam', teamId: 't1', name: 'Lyon voice' })
      .then([{ type: 'TeamRenamed', data: { teamId: 't1', name: 'Lyon voice' } }]);
    given([created]).when({ type: 'RenameTeam', teamId: 't1', name: 'Lyon chat' }).then([]);
  });

  it('renames no team that does not exist', () =>
    given([]).when({ type: 'RenameTeam', teamId: 't1', name: 'x' }).thenThrows(UnknownTeamError));
});
