import type { Actor } from '@frontline/platform';
import { isoWeek, monthOfPeriod } from '@frontline/decider';
import { type TestApi, atEndOfMonthOf, person, startTestApi } from './support/test-api';

const today = () => new Date().toISOString().slice(0, 10);
const hidden = { value: null, suppressed: true, reason: expect.any(String) };
const shown = (value: number) => ({ value, suppressed: false });

describe('wellbeing read models over HTTP', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const hr = person(['hr']);
  let big: Actor[];
  let mid: Actor[];
  let small: Actor[];
  const teamIds: Record<string, string> = {};
  let backToNow: () => void;

  async function team(name: string, size: number): Promise<Actor[]> {
    const created = await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name } });
    expect(created.status).toBe(201);
    teamIds[name] = created.body.teamId;
    return Promise.all(
      Array.from({ length: size }, async (_, i) => {
        const body = { displayName: `${name} ${i}`, teamId: created.body.teamId, roles: ['agent'], timezone: 'UTC' };
        const enrolled = await api.request({ method: 'POST', url: '/v1/people', as: admin, body });
        expect(enrolled.status).toBe(201);
        return { personId: enrolled.body.personId, roles: ['agent'], teamId: created.body.teamId } as Actor;
      }),
    );
  }
  const logActivity = async (as: Actor, kind: string, minutes: number) =>
    expect(
      (
        await api.request({
          method: 'POST',
          url: '/v1/wellbeing/activities',
          as,
          body: { kind, minutes, occurredOn: today() },
        })
      ).status,
    ).toBe(201);
  const submitPulse = async (as: Actor, mood: number, energy: number, workload: number) =>
    expect(
      (await api.request({ method: 'POST', url: '/v1/wellbeing/pulse', as, body: { mood, energy, workload } })).status,
    ).toBe(201);

  beforeAll(async () => {
    api = await startTestApi('wellbeing_read_e2e', {}, { projector: true });
    [big, mid, small] = [await team('Big', 6), await team('Mid', 5), await team('Small', 2)];
    const everyone = [...big, ...mid, ...small];
    await Promise.all(everyone.map((agent) => logActivity(agent, 'yoga', 30)));
    await logActivity(big[0], 'walk', 20);
    const bigMoods = [5, 4, 4, 3, 3, 5];
    await Promise.all(big.map((agent, i) => submitPulse(agent, bigMoods[i], 3, 2)));
    await Promise.all(mid.map((agent) => submitPulse(agent, 1, 1, 5)));
    await Promise.all(small.map((agent) => submitPulse(agent, 2, 4, 4)));
    await api.projectionsCaughtUp();
    backToNow = atEndOfMonthOf(api, new Date());
  }, 60_000);
  afterAll(async () => {
    backToNow?.();
    await api?.close();
  });

  const dashboard = (as: Actor, query = `from=${today()}&to=${today()}&interval=week&groupBy=team`) =>
    api.request({ method: 'GET', url: `/v1/dashboards/wellbeing?${query}`, as });

  it('shows HR the big team, hides the small one and the team that would give it away, and totals the org', async () => {
    const response = await dashboard(hr);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ interval: 'week', groupBy: 'team', minGroup: 5 });
    expect(response.body.periods).toHaveLength(1);
    const [period] = response.body.periods;
    expect(period.period).toBe(isoWeek(new Date()));
    const byName = Object.fromEntries(period.groups.map((row: { name: string }) => [row.name, row]));
    expect(Object.keys(byName).sort()).toEqual(['Big', 'Mid', 'Small']);

    expect(byName.Big).toEqual({
      team: teamIds.Big,
      name: 'Big',
      participants: shown(6),
      participationRate: shown(1),
      // One person walked: too few to show, in every team and in the org.
      minutesByKind: { walk: hidden, yoga: shown(180) },
      pulse: { respondents: shown(6), mood: shown(4), energy: shown(3), workload: shown(2) },
    });
    // Two people: below PRIVACY_MIN_GROUP.
    expect(byName.Small).toMatchObject({
      participants: hidden,
      participationRate: hidden,
      // Nobody walked here: a zero is about nobody, so it shows.
      minutesByKind: { walk: shown(0), yoga: hidden },
      pulse: { respondents: hidden, mood: hidden, energy: hidden, workload: hidden },
    });
    // Five people, but the org total minus Big and Mid would give Small away: Mid is hidden as well.
    expect(byName.Mid).toMatchObject({
      participants: hidden,
      participationRate: hidden,
      // Nobody walked here: a zero is about nobody, so it shows.
      minutesByKind: { walk: shown(0), yoga: hidden },
      pulse: { respondents: hidden, mood: hidden, energy: hidden, workload: hidden },
    });
    expect(period.org).toEqual({
      participants: shown(13),
      participationRate: shown(1),
      minutesByKind: { walk: hidden, yoga: shown(390) },
      pulse: {
        respondents: shown(13),
        mood: shown(Math.round(((24 + 5 * 1 + 2 * 2) / 13) * 100) / 100),
        energy: shown(Math.round(((6 * 3 + 5 * 1 + 2 * 4) / 13) * 100) / 100),
        workload: shown(Math.round(((6 * 2 + 5 * 5 + 2 * 4) / 13) * 100) / 100),
      },
    });
  });

  it('suppresses the same way by month', async () => {
    const monthly = await dashboard(admin, `from=${today()}&to=${today()}&interval=month`);

    expect(monthly.status).toBe(200);
    const [period] = monthly.body.periods;
    expect(period.period).toBe(monthOfPeriod(isoWeek(new Date())));
    const pulses = Object.fromEntries(
      period.groups.map((row: { name: string; pulse: object }) => [row.name, row.pulse]),
    );
    expect(pulses).toEqual({
      Big: { respondents: shown(6), mood: shown(4), energy: shown(3), workload: shown(2) },
      Mid: { respondents: hidden, mood: hidden, energy: hidden, workload: hidden },
      Small: { respondents: hidden, mood: hidden, energy: hidden, workload: hidden },
    });
    expect(period.org.pulse.respondents).toEqual(shown(13));
  });

  it('is for HR and admins only, and checks its parameters', async () => {
    expect((await dashboard(small[0])).status).toBe(403);
    expect((await dashboard(person(['team_lead']))).status).toBe(403);
    expect((await dashboard(person(['wellbeing_officer']))).status).toBe(403);
    expect((await dashboard(admin)).status).toBe(200);
    expect((await dashboard(hr, `from=2026-13-01&to=${today()}`)).status).toBe(400);
    expect((await dashboard(hr, `from=2026-11-20&to=2026-11-19`)).status).toBe(400);
    expect((await dashboard(hr, `from=2020-01-01&to=2026-01-01&interval=week`)).status).toBe(400);
    expect((await dashboard(hr, `from=2026-11-01&to=2026-11-30&groupBy=person`)).status).toBe(400);
  });

  it("gives each person their own activities and pulse answers, and nobody else's", async () => {
    const [me, colleague] = small;
    await logActivity(me, 'meditation', 10);
    await api.projectionsCaughtUp();

    const first = await api.request({ method: 'GET', url: '/v1/me/wellbeing?limit=1', as: me });
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({ kind: 'meditation', minutes: 10, occurredOn: today() }),
    ]);
    expect(first.body.pulses).toEqual([
      { isoWeek: isoWeek(new Date()), mood: 2, energy: 4, workload: 4, submittedAt: expect.any(String) },
    ]);
    const second = await api.request({
      method: 'GET',
      url: `/v1/me/wellbeing?limit=1&cursor=${first.body.nextCursor}`,
      as: me,
    });
    expect(second.body).toMatchObject({
      items: [expect.objectContaining({ kind: 'yoga', minutes: 30 })],
      nextCursor: null,
    });

    const theirs = await api.request({ method: 'GET', url: '/v1/me/wellbeing', as: colleague });
    expect(theirs.body.items).toEqual([expect.objectContaining({ kind: 'yoga' })]);
    expect(theirs.body.items.map((item: { activityId: string }) => item.activityId)).not.toContain(
      first.body.items[0].activityId,
    );
    // There is no parameter to name someone else, and a forged cursor is refused.
    const named = await api.request({ method: 'GET', url: `/v1/me/wellbeing?personId=${me.personId}`, as: colleague });
    expect(named.status).toBe(400);
    expect((await api.request({ method: 'GET', url: '/v1/me/wellbeing?cursor=bm9wZQ', as: me })).status).toBe(400);
    // HR is nobody's owner: their own history is empty.
    expect((await api.request({ method: 'GET', url: '/v1/me/wellbeing', as: hr })).body).toEqual({
      items: [],
      nextCursor: null,
      pulses: [],
    });
  });
});
