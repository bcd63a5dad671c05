import { randomUUID } from 'node:crypto';
import type { Actor } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';

/**
 * One rule decides who may see a kudos: whoever finds it in a feed may react to it, and
 * nobody else, also after the people involved and the people looking have changed teams.
 */
// Many people and a projector to catch up, on a machine that may be busy with other suites.
const SET_UP_MS = 120_000;

describe('who may react to a kudos is who may see it', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const [phones, chat, email] = [randomUUID(), randomUUID(), randomUUID()];
  // When the team kudos is sent, Ana, Bo and Olu are in Phones; Mo and Nia in Chat; Cy in Email.
  const ana = person(['agent'], phones);
  const bo = person(['agent'], phones);
  /** Leaves Phones for Chat after the kudos was sent. */
  const olu = person(['agent'], phones);
  /** In Chat all along: the team Bo moves into. */
  const mo = person(['agent'], chat);
  /** Moves from Chat into Phones after the kudos was sent. */
  const nia = person(['agent'], chat);
  const cy = person(['agent'], email);
  const everyone = { ana, bo, olu, mo, nia, cy };
  let kudosId: string;

  const post = (url: string, as: Actor, body?: unknown) => api.request({ method: 'POST', url, as, body });
  const asAdmin = async (url: string, body?: unknown) => {
    const response = await post(url, admin, body);
    if (response.status >= 300) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    api = await startTestApi('kudos_visibility', { WRITE_RATE_LIMIT_PER_MINUTE: '1000000' }, { projector: true });
    for (const [teamId, name] of [
      [phones, 'Phones'],
      [chat, 'Chat'],
      [email, 'Email'],
    ]) {
      await asAdmin('/v1/teams', { teamId, name });
    }
    for (const [name, who] of Object.entries(everyone)) {
      await asAdmin('/v1/people', {
        personId: who.personId,
        displayName: name,
        teamId: who.teamId,
        roles: who.roles,
        timezone: 'UTC',
      });
    }
    const sent = await post('/v1/kudos', ana, {
      to: [bo.personId],
      message: 'Thanks for covering my queue',
      values: ['teamwork'],
      visibility: 'team',
    });
    kudosId = sent.body.kudosId;
    await asAdmin(`/v1/people/${bo.personId}/move`, { teamId: chat });
    await asAdmin(`/v1/people/${olu.personId}/move`, { teamId: chat });
    await asAdmin(`/v1/people/${nia.personId}/move`, { teamId: phones });
    await api.projectionsCaughtUp();
  }, SET_UP_MS);
  afterAll(async () => api?.close());

  /** Whether any feed the viewer may open shows the kudos. */
  const foundInAFeed = async (viewer: Actor) => {
    const feeds = [
      '/v1/feeds/org',
      ...[phones, chat, email].map((teamId) => `/v1/feeds/teams/${teamId}`),
      ...Object.values(everyone).map((who) => `/v1/feeds/people/${who.personId}`),
    ];
    const pages = await Promise.all(feeds.map((url) => api.request({ method: 'GET', url, as: viewer })));
    return pages.some(({ body }) => body.items.some((item: { kudosId: string }) => item.kudosId === kudosId));
  };

  it.each(Object.keys(everyone))('lets %s react exactly when a feed shows them the kudos', async (name) => {
    const viewer = everyone[name as keyof typeof everyone];
    const seen = await foundInAFeed(viewer);
    const reaction = await post(`/v1/kudos/${kudosId}/reactions`, viewer, { emoji: '👏' });
    const answer = reaction.status === 200 ? 'reacted' : `${reaction.status} ${reaction.body.type}`;
    expect({ seen, answer }).toEqual({ seen, answer: seen ? 'reacted' : '404 /problems/unknown-kudos' });
  });

  it("shows a team kudos to today's members of the teams it was sent in, not to the teams people moved to", async () => {
    expect(await foundInAFeed(nia)).toBe(true);
    expect(await foundInAFeed(mo)).toBe(false);
    expect(await foundInAFeed(olu)).toBe(false);
    expect(await foundInAFeed(cy)).toBe(false);
  });

  it('tells someone who may not see it nothing when they try to retract it', async () => {
    const retract = await post(`/v1/kudos/${kudosId}/retract`, mo);
    expect(retract.body).toMatchObject({ status: 404, type: '/problems/unknown-kudos' });
    expect((await post(`/v1/kudos/${kudosId}/retract`, nia)).body).toMatchObject({
      status: 403,
      type: '/problems/not-kudos-sender',
    });
  });
});
