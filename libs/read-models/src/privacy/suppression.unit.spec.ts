import fc from 'fast-check';
import { type Cell, type CellGroup, cellsToSuppress } from './suppression';

const K = 5;

describe('cellsToSuppress', () => {
  it('hides cells about fewer than k people', () => {
    const cells = [
      { id: 'org', people: 30 },
      { id: 'a', people: 12 },
      { id: 'b', people: 4 },
      { id: 'c', people: 14 },
    ];
    const hidden = cellsToSuppress(cells, [{ total: 'org', parts: ['a', 'b', 'c'] }], K);
    expect(hidden.has('b')).toBe(true);
    // The org total minus a and c would give b away: the smallest other part goes too.
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('hides nothing when every cell covers k people or more', () => {
    const cells = [
      { id: 'org', people: 10 },
      { id: 'a', people: 5 },
      { id: 'b', people: 5 },
    ];
    expect(cellsToSuppress(cells, [{ total: 'org', parts: ['a', 'b'] }], K).size).toBe(0);
  });

  it('hides a total whose only part is hidden', () => {
    const cells = [
      { id: 'team', people: 3 },
      { id: 'chat', people: 3 },
    ];
    expect([...cellsToSuppress(cells, [{ total: 'team', parts: ['chat'] }], K)].sort()).toEqual(['chat', 'team']);
  });

  /** An org tree: sites with teams with channels; leaf counts of distinct people. */
  const orgTree = fc.array(
    fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    {
      minLength: 1,
      maxLength: 3,
    },
  );

  function tableOf(sites: number[][][]): { cells: Cell[]; groups: CellGroup[] } {
    const cells: Cell[] = [];
    const groups: CellGroup[] = [];
    const siteIds: string[] = [];
    let org = 0;
    sites.forEach((teams, s) => {
      const teamIds: string[] = [];
      let siteTotal = 0;
      teams.forEach((channels, t) => {
        const channelIds = channels.map((people, c) => {
          cells.push({ id: `s${s}.t${t}.c${c}`, people });
          return `s${s}.t${t}.c${c}`;
        });
        const teamTotal = channels.reduce((sum, people) => sum + people, 0);
        cells.push({ id: `s${s}.t${t}`, people: teamTotal });
        groups.push({ total: `s${s}.t${t}`, parts: channelIds });
        teamIds.push(`s${s}.t${t}`);
        siteTotal += teamTotal;
      });
      cells.push({ id: `s${s}`, people: siteTotal });
      groups.push({ total: `s${s}`, parts: teamIds });
      siteIds.push(`s${s}`);
      org += siteTotal;
    });
    cells.push({ id: 'org', people: org });
    groups.push({ total: 'org', parts: siteIds });
    return { cells, groups };
  }

  it('never shows a cell about fewer than k people, and no visible total gives a hidden part away', () => {
    fc.assert(
      fc.property(orgTree, (sites) => {
        const { cells, groups } = tableOf(sites);
        const hidden = cellsToSuppress(cells, groups, K);

        const shownSmall = cells.filter((cell) => cell.people < K && !hidden.has(cell.id));
        // Total minus the visible parts is the sum of the hidden ones: it must never be one cell.
        const givenAway = groups.filter(
          ({ total, parts }) => !hidden.has(total) && parts.filter((part) => hidden.has(part)).length === 1,
        );
        expect({ shownSmall, givenAway }).toEqual({ shownSmall: [], givenAway: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('hides no more than it must: a visible cell covers k people or stands in for a hidden one', () => {
    fc.assert(
      fc.property(orgTree, (sites) => {
        const { cells, groups } = tableOf(sites);
        const hidden = cellsToSuppress(cells, groups, K);
        const complementary = cells.filter((cell) => hidden.has(cell.id) && cell.people >= K);
        for (const cell of complementary) {
          const protects = groups.some(
            ({ total, parts }) =>
              (parts.includes(cell.id) || total === cell.id) &&
              parts.some((part) => part !== cell.id && hidden.has(part)),
          );
          expect(protects).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
