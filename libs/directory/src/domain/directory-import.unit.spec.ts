import { checkImport } from './directory-import';

const row = (fields: Record<string, string> = {}) => ({
  userName: 'ana@example.com',
  displayName: 'Ana Lopez',
  team: 'Lyon chat',
  parentTeam: 'Lyon',
  roles: 'agent;team_lead',
  timezone: 'Europe/Paris',
  ...fields,
});

describe('checking a directory import', () => {
  it('finds the people and the teams they name, parents first', () => {
    const { problems, people, teams } = checkImport([
      row(),
      row({ userName: 'bo@example.com', team: 'Lyon', parentTeam: '' }),
    ]);

    expect(problems).toEqual([]);
    expect(people).toEqual([
      expect.objectContaining({
        line: 2,
        userName: 'ana@example.com',
        roles: ['agent', 'team_lead'],
        team: 'Lyon chat',
      }),
      expect.objectContaining({ line: 3, userName: 'bo@example.com', team: 'Lyon' }),
    ]);
    expect(teams).toEqual([{ name: 'Lyon' }, { name: 'Lyon chat', parentTeam: 'Lyon' }]);
  });

  it('reports every bad row, by its line in the file and its column', () => {
    const { problems } = checkImport([
      row(),
      row({ userName: 'ANA@example.com' }),
      row({ userName: 'cy@example.com', roles: 'agent;boss', timezone: 'Mars/Olympus' }),
      row({ userName: '', displayName: 'x'.repeat(101) }),
      row({ userName: 'di@example.com', parentTeam: 'Paris' }),
    ]);

    expect(problems.map(({ field }) => field)).toEqual([
      'rows[3].userName',
      'rows[4].roles',
      'rows[4].timezone',
      'rows[5].userName',
      'rows[5].displayName',
      'rows[6].parentTeam',
    ]);
  });

  it('takes at most 5,000 rows', () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => row({ userName: `p${i}@example.com` }));
    expect(checkImport(rows).problems).toEqual([{ field: 'rows', messages: ['at most 5000 rows'] }]);
  });
});
