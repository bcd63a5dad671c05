import { deciderSpecification } from '@frontline/testing';
import { TeamAlreadyExistsError, UnknownTeamError, teamDecider } from './team.decider';

const { given } = deciderSpecification(teamDecider);
const created = { type: 'TeamCreated' as const, data: { teamId: 't1', name: 'Lyon chat', siteId: 't1' } };

describe('team decider', () => {
  it('creates a team without a parent as its own site', () =>
    given([]).when({ type: 'CreateTeam', teamId: 't1', name: 'Lyon chat' }).then([created]));

  it("creates a team under a parent in its parent's site", () =>
    given([])
      .when({ type: 'CreateTeam', teamId: 't3', name: 'Lyon chat B', parentTeamId: 't2', parentSiteId: 'lyon' })
      .then([
        { type: 'TeamCreated', data: { teamId: 't3', name: 'Lyon chat B', parentTeamId: 't2', siteId: 'lyon' } },
      ]));

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
