import { type KudosAudience, type KudosViewer, canSeeKudos } from './kudos-visibility';
import type { Visibility } from './recognition.vocabulary';

/** Ana (team t1) thanked Bo (team t2); Cy is in t3. Teams are those at the time of sending. */
const kudos = (visibility: Visibility, teams: Partial<KudosAudience> = { fromTeamId: 't1', toTeamIds: ['t2'] }) => ({
  visibility,
  fromId: 'ana',
  toIds: ['bo'],
  ...teams,
});

const given = (audience: KudosAudience) => ({
  whenSeenBy: (viewer: KudosViewer) => ({
    thenVisible: () => expect(canSeeKudos(audience, viewer)).toBe(true),
    thenHidden: () => expect(canSeeKudos(audience, viewer)).toBe(false),
  }),
});

describe('who may see a kudos', () => {
  it('shows public kudos to everyone, also to someone in no team', () => {
    given(kudos('public')).whenSeenBy({ personId: 'cy', teamId: 't3' }).thenVisible();
    given(kudos('public')).whenSeenBy({ personId: 'stranger' }).thenVisible();
  });

  it('shows private kudos to the sender and recipients only, wherever they are now', () => {
    given(kudos('private')).whenSeenBy({ personId: 'ana', teamId: 't9' }).thenVisible();
    given(kudos('private')).whenSeenBy({ personId: 'bo' }).thenVisible();
    given(kudos('private')).whenSeenBy({ personId: 'mate', teamId: 't2' }).thenHidden();
  });

  it("shows team kudos to today's members of the sender's and recipients' teams at the time", () => {
    given(kudos('team')).whenSeenBy({ personId: 'mate', teamId: 't1' }).thenVisible();
    given(kudos('team')).whenSeenBy({ personId: 'mate', teamId: 't2' }).thenVisible();
    given(kudos('team')).whenSeenBy({ personId: 'stranger' }).thenHidden();
  });

  it('does not follow the sender or a recipient into a team they moved to after it was sent', () =>
    // Bo has moved to t3 since: Cy, in t3 all along, finds the kudos in no feed, so may not see it.
    given(kudos('team')).whenSeenBy({ personId: 'cy', teamId: 't3' }).thenHidden());

  it('shows team kudos sent before events carried teams to those involved only', () => {
    given(kudos('team', {})).whenSeenBy({ personId: 'bo' }).thenVisible();
    given(kudos('team', {})).whenSeenBy({ personId: 'mate', teamId: 't2' }).thenHidden();
  });
});
