import { ProjectionTestbed, recorded } from '@frontline/testing';
import { directoryProjection } from './directory.projection';

describe('directory projection', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(directoryProjection)));
  afterEach(() => testbed.close());

  const history = [
    recorded('TeamCreated', { teamId: 'site', name: 'Lyon' }),
    recorded('TeamCreated', { teamId: 'chat', name: 'Lyon chat', parentTeamId: 'site' }),
    recorded('TeamCreated', { teamId: 'voice', name: 'Lyon voice', parentTeamId: 'site' }),
    recorded('PersonEnrolled', {
      personId: 'ana',
      teamId: 'chat',
      displayName: 'pd1.ana.x',
      roles: ['agent'],
      timezone: 'UTC',
    }),
    recorded('PersonEnrolled', {
      personId: 'bo',
      teamId: 'chat',
      displayName: 'pd1.bo.x',
      roles: ['team_lead'],
      timezone: 'UTC',
    }),
    recorded('PersonMovedTeam', { personId: 'ana', fromTeamId: 'chat', toTeamId: 'voice' }),
    recorded('PersonOffboarded', { personId: 'bo', teamId: 'chat' }),
    recorded('TeamRenamed', { teamId: 'chat', name: 'Lyon messaging' }),
    recorded('PersonalDataErased', { personId: 'bo' }),
    recorded('PersonEnrolled', {
      personId: 'cy',
      teamId: 'voice',
      displayName: 'pd1.cy.x',
      roles: ['agent'],
      timezone: 'UTC',
    }),
    recorded('PersonIdentityLinked', { personId: 'cy', userName: 'pd1.cy.u', userNameKey: 'u1' }),
    recorded('PersonIdentityLinked', { personId: 'ana', userName: 'pd1.ana.u', userNameKey: 'u2' }),
    recorded('PersonOffboarded', { personId: 'cy', teamId: 'voice' }),
    recorded('PersonReinstated', { personId: 'cy', teamId: 'voice' }),
    recorded('PersonRenamed', { personId: 'cy', displayName: 'pd1.cy.y', displayNameKey: 'n' }),
    recorded('PersonRolesChanged', { personId: 'cy', roles: ['agent', 'team_lead'] }),
    recorded('PersonIdentityUnlinked', { personId: 'ana' }),
  ];

  it('knows every team, who is in it now, and each person with their name still encrypted', async () => {
    expect(await testbed.given(...history)).toBe('applied');

    expect(await testbed.model()).toEqual({
      'person:ana': { teamId: 'voice', status: 'active', roles: 'agent', displayName: 'pd1.ana.x' },
      'person:bo': { teamId: 'chat', status: 'offboarded', roles: 'team_lead', displayName: 'pd1.bo.x', erased: '1' },
      'person:cy': { teamId: 'voice', status: 'active', roles: 'agent,team_lead', displayName: 'pd1.cy.y' },
      linked: ['cy', '0'],
      'team:chat': { name: 'Lyon messaging', parentTeamId: 'site' },
      'team:site': { name: 'Lyon', parentTeamId: '' },
      'team:voice': { name: 'Lyon voice', parentTeamId: 'site' },
      'team:voice:members': ['ana', 'cy'],
      teams: ['chat', 'site', 'voice'],
    });
  });

  it('changes nothing when the same events are applied again', async () => {
    await testbed.given(...history);
    const once = await testbed.model();

    expect(await testbed.replay(undefined, history)).toBe('already_applied');
    expect(await testbed.replay(history[3].position, history.slice(4))).toBe('already_applied');
    expect(await testbed.model()).toEqual(once);
  });
});
