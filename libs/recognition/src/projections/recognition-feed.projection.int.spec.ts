import { ProjectionTestbed, recorded } from '@frontline/testing';
import { recognitionFeedProjection } from './recognition-feed.projection';

describe('recognition feed projection', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(recognitionFeedProjection)));
  afterEach(() => testbed.close());

  const at = (minute: number) => `2026-03-02T10:0${minute}:00.000Z`;
  const ms = (minute: number) => String(Date.parse(at(minute)));
  const sent = (kudosId: string, minute: number, data: object) =>
    recorded('KudosSent', {
      kudosId,
      message: `Thanks ${kudosId}`,
      values: ['empathy', 'teamwork'],
      sentAt: at(minute),
      ...data,
    });
  const reaction = (type: 'Added' | 'Removed', kudosId: string, personId: string, emoji: string) =>
    recorded(`KudosReaction${type}`, { kudosId, personId, emoji });

  // ana and cy in t1, bo and di in t2, ed in t3.
  const kept = [
    sent('k1', 1, { fromId: 'ana', toIds: ['bo'], visibility: 'public', fromTeamId: 't1', toTeamIds: ['t2'] }),
    sent('k2', 2, {
      fromId: 'bo',
      toIds: ['di', 'ed'],
      visibility: 'team',
      fromTeamId: 't2',
      toTeamIds: ['t2', 't3'],
      campaignId: 'c1',
    }),
    sent('k3', 3, { fromId: 'ana', toIds: ['cy'], visibility: 'private', fromTeamId: 't1', toTeamIds: ['t1'] }),
    reaction('Added', 'k1', 'bo', '🎉'),
    reaction('Added', 'k1', 'cy', '🎉'),
    reaction('Added', 'k1', 'cy', '👏'),
    reaction('Removed', 'k1', 'cy', '👏'),
  ];
  const removed = [
    sent('k4', 4, {
      fromId: 'di',
      toIds: ['ana', 'ed'],
      visibility: 'public',
      fromTeamId: 't2',
      toTeamIds: ['t1', 't3'],
    }),
    reaction('Added', 'k4', 'cy', '🎉'),
    sent('k5', 5, { fromId: 'ed', toIds: ['bo'], visibility: 'team', fromTeamId: 't3', toTeamIds: ['t2'] }),
    recorded('KudosRetracted', { kudosId: 'k4', by: 'di' }),
    recorded('KudosHidden', { kudosId: 'k5', reason: 'Names a customer', by: 'admin' }),
  ];
  const logged = (...indexes: number[]) => indexes.flatMap((i) => [`${kept[i].position} k${i + 1}`, '0']);
  const liveLists = {
    'live:feed:org': logged(0),
    'live:feed:team:t1': logged(0),
    'live:feed:team:t2': logged(0, 1),
    'live:feed:team:t3': logged(1),
    'live:feed:person:ana': logged(0, 2),
    'live:feed:person:bo': logged(0, 1),
    'live:feed:person:cy': logged(2),
    'live:feed:person:di': logged(1),
    'live:feed:person:ed': logged(1),
  };
  const history = [...kept.slice(0, 3), removed[0], ...kept.slice(3), ...removed.slice(1)];

  it('stores each kudos once and lists it in the org, team and person feeds its visibility allows, newest first', async () => {
    expect(await testbed.given(...kept)).toBe('applied');

    expect(await testbed.model()).toEqual({
      'kudos:k1': {
        fromId: 'ana',
        toIds: 'bo',
        message: 'Thanks k1',
        values: 'empathy,teamwork',
        visibility: 'public',
        sentAt: at(1),
        campaignId: '',
        fromTeamId: 't1',
        toTeamIds: 't2',
      },
      'kudos:k1:reactions': ['🎉', '2'],
      'kudos:k2': {
        fromId: 'bo',
        toIds: 'di,ed',
        message: 'Thanks k2',
        values: 'empathy,teamwork',
        visibility: 'team',
        sentAt: at(2),
        campaignId: 'c1',
        fromTeamId: 't2',
        toTeamIds: 't2,t3',
      },
      'kudos:k3': {
        fromId: 'ana',
        toIds: 'cy',
        message: 'Thanks k3',
        values: 'empathy,teamwork',
        visibility: 'private',
        sentAt: at(3),
        campaignId: '',
        fromTeamId: 't1',
        toTeamIds: 't1',
      },
      'feed:org': ['k1', ms(1)],
      'feed:team:t1': ['k1', ms(1)],
      'feed:team:t2': ['k1', ms(1), 'k2', ms(2)],
      'feed:team:t3': ['k2', ms(2)],
      'feed:person:ana': ['k1', ms(1), 'k3', ms(3)],
      'feed:person:bo': ['k1', ms(1), 'k2', ms(2)],
      'feed:person:cy': ['k3', ms(3)],
      'feed:person:di': ['k2', ms(2)],
      'feed:person:ed': ['k2', ms(2)],
      ...liveLists,
      'undo:k1': expect.any(Array),
      'undo:k2': expect.any(Array),
      'undo:k3': expect.any(Array),
    });
  });

  it('names the topics each kudos touches, for live streams, and lists them in log order to resume from', async () => {
    const publicInCampaign = sent('k6', 6, {
      fromId: 'cy',
      toIds: ['ana'],
      visibility: 'public',
      fromTeamId: 't1',
      toTeamIds: ['t1'],
      campaignId: 'c1',
    });
    // Sent earlier by the clock, later in the log: the log decides the order.
    const later = sent('k7', 0, {
      fromId: 'ana',
      toIds: ['cy'],
      visibility: 'team',
      fromTeamId: 't1',
      toTeamIds: ['t1'],
    });
    await testbed.given(publicInCampaign, later);

    expect(recognitionFeedProjection.live!(publicInCampaign)).toEqual([
      'feed:person:cy',
      'feed:person:ana',
      'feed:team:t1',
      'feed:org',
      'wall:campaign:c1',
    ]);
    expect(recognitionFeedProjection.live!(kept[2])).toEqual(['feed:person:ana', 'feed:person:cy']);
    expect(recognitionFeedProjection.live!(kept[3])).toEqual([]);
    const model = await testbed.model();
    expect(model['live:feed:team:t1']).toEqual([`${publicInCampaign.position} k6`, '0', `${later.position} k7`, '0']);
    expect(model['live:wall:campaign:c1']).toEqual([`${publicInCampaign.position} k6`, '0']);
  });

  it('leaves no trace of a retracted or hidden kudos, its reactions included', async () => {
    const withoutRemoved = new ProjectionTestbed(recognitionFeedProjection);
    try {
      await withoutRemoved.given(...kept);
      expect(await testbed.given(...history)).toBe('applied');

      const model = await testbed.model();
      expect(Object.keys(model).filter((key) => /k4|k5/.test(key))).toEqual([]);
      expect(model).toEqual(await withoutRemoved.model());
    } finally {
      await withoutRemoved.close();
    }
  });

  it('changes nothing when the same events are applied again', async () => {
    await testbed.given(...history);
    const once = await testbed.model();

    expect(await testbed.replay(undefined, history)).toBe('already_applied');
    expect(await testbed.replay(history[2].position, history.slice(3))).toBe('already_applied');
    expect(await testbed.model()).toEqual(once);
  });
});
