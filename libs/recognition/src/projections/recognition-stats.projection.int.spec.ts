import { ProjectionTestbed, recorded } from '@frontline/testing';
import { recognitionStatsProjection } from './recognition-stats.projection';

describe('recognition stats projection', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(recognitionStatsProjection)));
  afterEach(() => testbed.close());

  // Monday 2 March 2026: ISO week 2026-W10, month 2026-03.
  const at = (minute: number) => `2026-03-02T10:0${minute}:00.000Z`;
  const ms = (minute: number) => Date.parse(at(minute));
  const sent = (kudosId: string, minute: number, data: object) =>
    recorded('KudosSent', { kudosId, message: 'Thanks', visibility: 'public', sentAt: at(minute), ...data });

  // ana in t1, bo and di in t2, ed in t3.
  const kept = [
    sent('k1', 1, { fromId: 'ana', toIds: ['bo'], values: ['empathy'], fromTeamId: 't1', toTeamIds: ['t2'] }),
    sent('k2', 2, {
      fromId: 'bo',
      toIds: ['di', 'ed'],
      values: ['empathy', 'teamwork'],
      visibility: 'private',
      fromTeamId: 't2',
      toTeamIds: ['t2', 't3'],
    }),
  ];
  const history = [
    kept[0],
    sent('k3', 3, { fromId: 'di', toIds: ['ana'], values: ['ownership'], fromTeamId: 't2', toTeamIds: ['t1'] }),
    kept[1],
    sent('k4', 4, { fromId: 'ed', toIds: ['bo'], values: ['empathy'], fromTeamId: 't3', toTeamIds: ['t2'] }),
    recorded('KudosRetracted', { kudosId: 'k3', by: 'di' }),
    recorded('KudosHidden', { kudosId: 'k4', reason: 'Names a customer', by: 'admin' }),
  ];

  /** Every sorted set as {member: score}; the undo lists as they are. */
  const counts = async (bed: ProjectionTestbed) =>
    Object.fromEntries(
      Object.entries(await bed.model()).map(([key, value]) => {
        if (key.startsWith('undo:')) return [key, value];
        const pairs = value as string[];
        return [key, Object.fromEntries(pairs.flatMap((m, i) => (i % 2 ? [] : [[m, Number(pairs[i + 1])]])))];
      }),
    );

  it('counts per person, and per team and period the kudos, values, cross-team kudos and people recognised', async () => {
    expect(await testbed.given(...kept)).toBe('applied');

    const tally = {
      'org:kudos': 2,
      'org:crossTeam': 2,
      'org:value:empathy': 2,
      'org:value:teamwork': 1,
      'team:t2:kudos': 2,
      'team:t2:crossTeam': 1,
      'team:t2:value:empathy': 2,
      'team:t2:value:teamwork': 1,
      'team:t3:kudos': 1,
      'team:t3:crossTeam': 1,
      'team:t3:value:empathy': 1,
      'team:t3:value:teamwork': 1,
    };
    // Per group, a counter each; before sites were recorded, a team is its own site.
    const tallies: Record<string, Record<string, number>> = {};
    for (const [name, count] of Object.entries(tally)) {
      const [, group, counter] = /^(org|team:[^:]+):(.+)$/.exec(name)!;
      for (const of of group === 'org' ? [group] : [group, group.replace('team:', 'site:')]) {
        tallies[of] = { ...tallies[of], [counter]: count };
      }
    }
    const recipients = {
      org: { bo: 1, di: 1, ed: 1 },
      'team:t2': { bo: 1, di: 1 },
      'site:t2': { bo: 1, di: 1 },
      'team:t3': { ed: 1 },
      'site:t3': { ed: 1 },
    };
    const byPeriod = (name: string, groups: Record<string, object>) =>
      Object.fromEntries(
        ['2026-W10', '2026-03'].flatMap((period) =>
          Object.entries(groups).map(([group, value]) => [`${name}:${period}:${group}`, value]),
        ),
      );
    expect(await counts(testbed)).toEqual({
      'person:ana:sent': { k1: ms(1) },
      'person:bo:sent': { k2: ms(2) },
      'person:bo:received': { k1: ms(1) },
      'person:bo:values': { empathy: 1 },
      'person:di:received': { k2: ms(2) },
      'person:di:values': { empathy: 1, teamwork: 1 },
      'person:ed:received': { k2: ms(2) },
      'person:ed:values': { empathy: 1, teamwork: 1 },
      ...byPeriod('tally', tallies),
      ...byPeriod('recipients', recipients),
      'undo:k1': expect.any(Array),
      'undo:k2': expect.any(Array),
    });
  });

  it('takes a retracted or hidden kudos out of every count, leaving no zero behind', async () => {
    const withoutRemoved = new ProjectionTestbed(recognitionStatsProjection);
    try {
      await withoutRemoved.given(...kept);
      expect(await testbed.given(...history)).toBe('applied');

      const model = await counts(testbed);
      expect(JSON.stringify(model)).not.toMatch(/k3|k4|ownership|"person:ana:received"|"person:ed:sent"/);
      expect(model).toEqual(await counts(withoutRemoved));
    } finally {
      await withoutRemoved.close();
    }
  });

  it('changes nothing when the same events are applied again', async () => {
    await testbed.given(...history);
    const once = await testbed.model();

    expect(await testbed.replay(undefined, history)).toBe('already_applied');
    expect(await testbed.replay(history[1].position, history.slice(2))).toBe('already_applied');
    expect(await testbed.model()).toEqual(once);
  });
});
