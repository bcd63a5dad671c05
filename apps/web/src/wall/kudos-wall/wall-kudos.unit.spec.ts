import { WALL_SIZE, type WallKudos, parseWallKudos, wallAddress, wallOf, wallStreamUrl, withKudos } from './wall-kudos';

const kudos = (kudosId: string): WallKudos => ({
  kudosId,
  message: 'Thank you',
  values: ['teamwork'],
  sentAt: '2026-10-05T09:00:00Z',
  from: { displayName: 'Ana' },
  to: [{ displayName: 'Bo' }],
});

describe('a kudos wall', () => {
  it('shows the newest first, each kudos once, the latest few only', () => {
    let wall: WallKudos[] = [];
    for (let i = 0; i < WALL_SIZE + 3; i += 1) wall = withKudos(wall, kudos(`k${i}`));
    wall = withKudos(wall, kudos('k14'));
    expect(wall.map(({ kudosId }) => kudosId)).toEqual(
      Array.from({ length: WALL_SIZE }, (_, i) => `k${WALL_SIZE + 2 - i}`),
    );
  });

  it('reads a kudos from its stream event and nothing else', () => {
    expect(parseWallKudos(JSON.stringify(kudos('k1')))).toEqual(kudos('k1'));
    expect(parseWallKudos('{"kudosId":"k1"}')).toBeUndefined();
    expect(parseWallKudos('not json')).toBeUndefined();
  });

  it('opens the wall its address names, with the token from the fragment', () => {
    const token = 'wall_abcDEF-123_x';
    const campaignId = '7f0c1b7e-6a47-4c49-8d7e-2b2f4c1d9e10';
    const address = new URL(wallAddress('https://frontline.example', token, campaignId));
    expect(address.pathname).toBe('/wall');
    expect(address.search).toBe('');
    expect(wallOf(address)).toEqual({ token, campaignId });
    expect(wallStreamUrl({ token, campaignId })).toBe(`/v1/walls/campaigns/${campaignId}/stream?token=${token}`);
    expect(wallOf({ hash: '', search: `?token=${token}` })).toEqual({ token });
    expect(wallStreamUrl({ token })).toBe(`/v1/walls/org/stream?token=${token}`);
    expect(wallOf({ hash: '#token=not-a-wall-token', search: '' })).toBeUndefined();
    expect(wallOf({ hash: '', search: '' })).toBeUndefined();
  });
});
