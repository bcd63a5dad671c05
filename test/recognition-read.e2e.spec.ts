import { randomUUID } from 'node:crypto';
import type { Actor } from '@frontline/platform';
import { isoWeek, monthOfPeriod } from '@frontline/decider';
import { type TestApi, atEndOfMonthOf, person, startTestApi } from './support/test-api';

describe('recognition feeds and stats over HTTP', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const hr = person(['hr']);
  const [tA, tB, tC] = [randomUUID(), randomUUID(), randomUUID()];
  const leadA = person(['team_lead'], tA);
  const [a1, a2, a3, a4, a5, a6] = Array.from({ length: 6 }, () => person(['agent'], tA));
  const [abe, zed] = [person(['agent'], tA), person(['agent'], tA)];
  const leadB = person(['team_lead'], tB);
  const [b1, b2] = [person(['agent'], tB), person(['agent'], tB)];
  const [c1, c2, c3, c4, c5] = Array.from({ length: 5 }, () => person(['agent'], tC));
  const names = new Map<Actor, string>([
    [leadA, 'Lea'],
    [a1, 'Ana'],
    [a2, 'Ari'],
    [a3, 'Ava'],
    [a4, 'Axl'],
    [a5, 'Amy'],
    [a6, 'Ada'],
    [zed, 'Zed'],
    [abe, 'Abe'],
    [leadB, 'Leb'],
    [b1, 'Bo'],
    [b2, 'Bea'],
    [c1, 'Cy'],
    [c2, 'Cal'],
    [c3, 'Cam'],
    [c4, 'Cat'],
    [c5, 'Cid'],
  ]);
  const named = (who: Actor) => ({ personId: who.personId, displayName: names.get(who) });
  const today = new Date().toISOString().slice(0, 10);

  /** Writes through the API; a refusal stops the file. */
  const write = async (as: Actor, url: string, body?: unknown) => {
    const response = await api.request({ method: 'POST', url, as, body });
    if (response.status >= 300) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const send = async (from: Actor, to: Actor[], visibility: string, values: string[]) =>
    (
      await write(from, '/v1/kudos', {
        to: to.map(({ personId }) => personId),
        message: `${names.get(from)} thanks ${to.map((who) => names.get(who)).join(' and ')}`,
        values,
        visibility,
      })
    ).kudosId as string;
  const get = (url: string, as: Actor) => api.request({ method: 'GET', url, as });
  const feed = async (url: string, as: Actor) => {
    const response = await get(url, as);
    expect(response.status).toBe(200);
    return (response.body.items as { kudosId: string }[]).map(({ kudosId }) => kudosId);
  };

  // P public, T team, V private: Ana (team A) to Bo (team B); R public, retracted. X and Y cross-team, Z within team A.
  let P: string, T: string, V: string, R: string, X: string, Y: string, Z: string;

  beforeAll(async () => {
    api = await startTestApi('recognition_read', {}, { projector: true });
    for (const [teamId, name] of [
      [tA, 'Phones'],
      [tB, 'Email'],
      [tC, 'Chat'],
    ]) {
      await write(admin, '/v1/teams', { teamId, name });
    }
    for (const [who, displayName] of names) {
      const { personId, teamId, roles } = who;
      await write(admin, '/v1/people', { personId, displayName, teamId, roles, timezone: 'UTC' });
    }
    P = await send(a1, [b1], 'public', ['empathy']);
    T = await send(a1, [b1], 'team', ['teamwork']);
    V = await send(a1, [b1], 'private', ['active_listening']);
    R = await send(a1, [b1], 'public', ['ownership']);
    X = await send(leadB, [a1, a2, a3, a4, a5, a6], 'private', ['empathy']);
    Y = await send(leadA, [c1, c2, c3, c4, c5, b2], 'private', ['ownership']);
    Z = await send(a2, [a3], 'private', ['clear_writing']);
    for (const [who, kudosId, emoji] of [
      [b1, P, '🎉'],
      [a2, P, '🎉'],
      [c1, P, '👏'],
      [b2, T, '👍'],
      [b1, R, '🎉'],
    ] as const) {
      await write(who, `/v1/kudos/${kudosId}/reactions`, { emoji });
    }
    await write(a1, `/v1/kudos/${R}/retract`);
    await api.projectionsCaughtUp();
  }, 60_000);

  afterAll(async () => api?.close());

  describe('feeds', () => {
    it('shows everyone the public kudos in the org feed, with names and reaction counts, and not the retracted one', async () => {
      for (const viewer of [a1, b1, c1, hr]) expect(await feed('/v1/feeds/org', viewer)).toEqual([P]);

      const { body } = await get('/v1/feeds/org', c1);
      expect(body).toEqual({
        items: [
          {
            kudosId: P,
            from: named(a1),
            to: [named(b1)],
            message: 'Ana thanks Bo',
            values: ['empathy'],
            visibility: 'public',
            sentAt: expect.any(String),
            reactions: { '🎉': 2, '👏': 1 },
          },
        ],
        nextCursor: null,
      });
    });

    it('shows team kudos in the sender’s and the recipient’s team feeds to their members only', async () => {
      for (const viewer of [a1, a2, b1, b2]) {
        expect(await feed(`/v1/feeds/teams/${tA}`, viewer)).toEqual([T, P]);
        expect(await feed(`/v1/feeds/teams/${tB}`, viewer)).toEqual([T, P]);
      }
      expect(await feed(`/v1/feeds/teams/${tA}`, c1)).toEqual([P]);
      // The directory, not the token, says which team a viewer is in.
      expect(await feed(`/v1/feeds/teams/${tA}`, { ...c1, teamId: tA })).toEqual([P]);
      expect(await feed(`/v1/feeds/teams/${tC}`, c1)).toEqual([]);

      const team = await get(`/v1/feeds/teams/${tB}`, b2);
      expect(team.body.items[0]).toMatchObject({ kudosId: T, visibility: 'team', reactions: { '👍': 1 } });
    });

    it('shows a person’s feed as each viewer may see it, never someone else’s private kudos', async () => {
      expect(await feed(`/v1/feeds/people/${a1.personId}`, a1)).toEqual([X, V, T, P]);
      expect(await feed(`/v1/feeds/people/${a1.personId}`, b1)).toEqual([V, T, P]);
      // Abe shares Ana's team, so sees her team kudos; X went to Ari but not to Abe.
      expect(await feed(`/v1/feeds/people/${a1.personId}`, abe)).toEqual([T, P]);
      expect(await feed(`/v1/feeds/people/${a1.personId}`, a2)).toEqual([X, T, P]);
      expect(await feed(`/v1/feeds/people/${a1.personId}`, c1)).toEqual([P]);
      expect(await feed(`/v1/feeds/people/${b1.personId}`, b1)).toEqual([V, T, P]);
      expect(await feed(`/v1/feeds/people/${b1.personId}`, b2)).toEqual([T, P]);
      expect(await feed(`/v1/feeds/people/${b1.personId}`, c1)).toEqual([P]);
      // Private kudos among several recipients: each of them sees it, their teammates do not.
      expect(await feed(`/v1/feeds/people/${b2.personId}`, c1)).toEqual([Y]);
      expect(await feed(`/v1/feeds/people/${b2.personId}`, b1)).toEqual([]);
      expect(await feed(`/v1/feeds/people/${a3.personId}`, a2)).toEqual([Z, X]);
      expect(await feed(`/v1/feeds/people/${a3.personId}`, a4)).toEqual([X]);
      expect(await feed(`/v1/feeds/people/${a3.personId}`, abe)).toEqual([]);
    });

    it('pages with an opaque cursor and refuses one it did not give out', async () => {
      const first = await get(`/v1/feeds/people/${a1.personId}?limit=3`, a1);
      expect(first.body.items.map(({ kudosId }: { kudosId: string }) => kudosId)).toEqual([X, V, T]);
      const url = `/v1/feeds/people/${a1.personId}?limit=3&cursor=${first.body.nextCursor}`;
      const second = await get(url, a1);
      expect(second.body).toMatchObject({ items: [expect.objectContaining({ kudosId: P })], nextCursor: null });

      expect((await get('/v1/feeds/org?cursor=not-ours', a1)).status).toBe(400);
      expect((await get('/v1/feeds/org?limit=101', a1)).status).toBe(400);
      expect((await get(`/v1/feeds/teams/${randomUUID()}`, a1)).status).toBe(404);
      expect((await get(`/v1/feeds/people/${randomUUID()}`, a1)).status).toBe(404);
    });
  });

  describe('GET /v1/me/recognition', () => {
    it('gives the caller their own counts, values and recent kudos, without the retracted one', async () => {
      const mine = await get('/v1/me/recognition', b1);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        received: 3,
        sent: 0,
        valuesReceived: { empathy: 1, teamwork: 1, active_listening: 1 },
        lastRecognisedAt: mine.body.recentlyReceived[0].sentAt,
      });
      expect(mine.body.valuesReceived).not.toHaveProperty('ownership');
      expect(mine.body.recentlyReceived.map(({ kudosId }: { kudosId: string }) => kudosId)).toEqual([V, T, P]);

      expect((await get('/v1/me/recognition', a1)).body).toMatchObject({ received: 1, sent: 3 });
      expect((await get('/v1/me/recognition', zed)).body).toEqual({
        received: 0,
        sent: 0,
        valuesReceived: {},
        lastRecognisedAt: null,
        recentlyReceived: [],
      });
    });
  });

  describe('GET /v1/teams/{teamId}/recognition-gaps', () => {
    it('names the members nobody recognised lately, by name, for the team’s own lead', async () => {
      const gaps = await get(`/v1/teams/${tA}/recognition-gaps?days=30`, leadA);
      expect(gaps.status).toBe(200);
      expect(gaps.body).toEqual({ teamId: tA, days: 30, items: [named(abe), named(zed)], nextCursor: null });

      const first = await get(`/v1/teams/${tA}/recognition-gaps?limit=1`, leadA);
      expect(first.body.items).toEqual([named(abe)]);
      const second = await get(`/v1/teams/${tA}/recognition-gaps?limit=1&cursor=${first.body.nextCursor}`, leadA);
      expect(second.body).toMatchObject({ items: [named(zed)], nextCursor: null });
    });

    it('refuses another team’s lead, even one whose token claims the team, and agents', async () => {
      expect((await get(`/v1/teams/${tA}/recognition-gaps`, leadB)).status).toBe(403);
      expect((await get(`/v1/teams/${tA}/recognition-gaps`, { ...leadB, teamId: tA })).status).toBe(403);
      expect((await get(`/v1/teams/${tA}/recognition-gaps`, a1)).status).toBe(403);
      expect((await get(`/v1/teams/${tA}/recognition-gaps?days=0`, leadA)).status).toBe(400);
    });
  });

  describe('GET /v1/dashboards/recognition', () => {
    let backToNow: () => void;
    beforeAll(() => (backToNow = atEndOfMonthOf(api, new Date())));
    afterAll(() => backToNow());

    it('shows HR a team of six people recognised, suppresses a team of two and the next smallest team', async () => {
      const response = await get(
        `/v1/dashboards/recognition?from=${today}&to=${today}&interval=month&groupBy=team`,
        hr,
      );
      expect(response.status).toBe(200);
      const values = (mix: Record<string, number>) => ({
        clear_writing: 0,
        active_listening: 0,
        reading_reactions: 0,
        empathy: 0,
        teamwork: 0,
        ownership: 0,
        above_and_beyond: 0,
        ...mix,
      });
      const shown = <T>(value: T) => ({ value, suppressed: false });
      const suppressed = { value: null, suppressed: true, reason: expect.any(String) };
      const hidden = { coverage: suppressed, kudos: suppressed, values: suppressed, crossTeamShare: suppressed };
      expect(response.body).toEqual({
        from: today,
        to: today,
        interval: 'month',
        groupBy: 'team',
        minGroup: 5,
        nextCursor: null,
        periods: [
          {
            period: monthOfPeriod(isoWeek(new Date())),
            groups: expect.arrayContaining([
              {
                team: tA,
                name: 'Phones',
                // a1–a6 of nine members; X from team B and Z within team A.
                coverage: shown(0.667),
                kudos: shown(2),
                values: shown(values({ empathy: 1, clear_writing: 1 })),
                crossTeamShare: shown(0.5),
              },
              { team: tB, name: 'Email', ...hidden },
              { team: tC, name: 'Chat', ...hidden },
            ]),
            org: {
              // 13 of 17 people; P, T, V, X, Y across teams, Z within one.
              coverage: shown(0.765),
              kudos: shown(6),
              values: shown(values({ empathy: 2, teamwork: 1, active_listening: 1, ownership: 1, clear_writing: 1 })),
              crossTeamShare: shown(0.833),
            },
          },
        ],
      });
      expect(response.body.periods[0].groups).toHaveLength(3);

      const weekly = await get(`/v1/dashboards/recognition?from=${today}&to=${today}&interval=week`, admin);
      expect(weekly.status).toBe(200);
      expect(weekly.body.periods).toEqual([
        expect.objectContaining({ period: expect.stringMatching(/^\d{4}-W\d{2}$/) }),
      ]);
    });

    it('refuses agents and team leads, and a range that ends before it starts', async () => {
      expect((await get(`/v1/dashboards/recognition?from=${today}&to=${today}`, a1)).status).toBe(403);
      expect((await get(`/v1/dashboards/recognition?from=${today}&to=${today}`, leadA)).status).toBe(403);
      expect((await get(`/v1/dashboards/recognition?from=${today}&to=2000-01-01`, hr)).status).toBe(400);
    });

    it('shows the last twelve complete weeks when asked without dates', async () => {
      const answer = await get('/v1/dashboards/recognition?interval=week', hr);
      expect(answer.status).toBe(200);
      expect(answer.body.periods).toHaveLength(12);
      // Monday to Sunday, twelve whole weeks, the last one ended.
      expect(new Date(`${answer.body.from}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(new Date(`${answer.body.to}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(
        answer.body.periods.every((p: { org: { kudos: { reason?: string } } }) => p.org.kudos.reason !== 'period-open'),
      ).toBe(true);
    });
  });

  // Last: it erases Bea, whom the tests above name.
  describe('after erasure', () => {
    it('shows an erased person as erased in every feed while the counts stay', async () => {
      await write(admin, `/v1/people/${b2.personId}/erase`);
      await api.projectionsCaughtUp();

      const { body } = await get(`/v1/feeds/people/${b2.personId}`, c1);
      expect(body.items[0].to).toContainEqual({ personId: b2.personId, displayName: '[erased]' });
      expect(body.items[0].to).toContainEqual(named(c1));
      expect((await get('/v1/me/recognition', b2)).body).toMatchObject({ received: 1 });
    });
  });
});
