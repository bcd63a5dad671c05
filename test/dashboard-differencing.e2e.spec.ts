import fc from 'fast-check';
import { Clock, type Actor } from '@frontline/platform';
import { periodEnd, weeksOfMonth } from '@frontline/decider';
import { type DisclosureCell, determinedCells } from '@frontline/testing';
import { type TestApi, startTestApi } from './support/test-api';

/**
 * Someone with HR's token collects every answer the dashboards give about a month (every interval,
 * grouping and range) and solves for the hidden cells with exact linear algebra. No hidden cell may
 * come out exactly. Each cell is a sum of atoms (facts the attacker cannot see one by one) and a
 * group an answer does not list is a known zero, as it was in the attack that found the hole.
 */
const DAY_MS = 86_400_000;
const CHANNELS = ['phone', 'chat'];
const KINDS = ['shouting', 'insult', 'threat_to_job'];
const SEVERITIES = ['low', 'high'];

type Shown = { value: number | null };
interface AbuseAnswer {
  groupBy: string;
  periods: {
    period: string;
    total: { incidents: Shown };
    groups: ({ incidents: Shown } & Record<string, unknown>)[];
  }[];
}
interface TeamsAnswer<F> {
  periods: { period: string; org: F; groups: (F & { team: string })[] }[];
}
type Minutes = { minutesByKind: Record<string, Shown> };

interface Cell {
  id: string;
  group: string;
  period: string;
  value: number | null;
}

/** A month's Monday-to-Sunday days, the month of whole weeks a dashboard counts in. */
function daysOf(month: string) {
  const weeks = weeksOfMonth(month);
  const end = periodEnd(month);
  const start = new Date(end.getTime() - weeks.length * 7 * DAY_MS);
  return {
    weeks,
    start,
    end,
    day: (week: number, offset = 2) => new Date(start.getTime() + (week * 7 + offset) * DAY_MS),
  };
}

describe('dashboards, against an attacker who combines answers', () => {
  let api: TestApi;
  let clock: jest.SpyInstance<Date, []>;
  const admin: Actor = { personId: '00000000-0000-4000-8000-0000000000a1', roles: ['admin'] };
  const hr: Actor = { personId: '00000000-0000-4000-8000-0000000000b2', roles: ['hr'] };

  beforeAll(async () => {
    api = await startTestApi('dashboard_differencing_e2e', {}, { projector: true });
    clock = jest.spyOn(api.app.get(Clock), 'now');
  }, 60_000);
  afterAll(async () => {
    clock?.mockRestore();
    await api?.close();
  });

  const at = (moment: Date) => clock.mockReturnValue(moment);
  const post = async (url: string, as: Actor, body: object) => {
    const response = await api.request({ method: 'POST', url, as, body });
    if (response.status !== 201) throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  async function teamOf(people: number): Promise<{ teamId: string; agents: Actor[] }> {
    const { teamId } = await post('/v1/teams', admin, { name: `Team ${Math.random().toString(36).slice(2, 8)}` });
    const agents = [];
    for (let i = 0; i < people; i++) agents.push(await api.enrol(['agent'], teamId));
    return { teamId, agents };
  }

  /**
   * Every answer about the month, from every interval, grouping and a few ranges, asked again as
   * each of its weeks ends: a cell once shown keeps its value, and counts as shown from then on.
   */
  async function collect<T>(path: string, month: string, groupings: string[], cellsOf: (body: T) => Cell[]) {
    const { weeks, start, end } = daysOf(month);
    const date = (moment: Date) => moment.toISOString().slice(0, 10);
    const ranges = [
      [start, new Date(end.getTime() - DAY_MS)],
      [new Date(start.getTime() + 9 * DAY_MS), new Date(end.getTime() - DAY_MS)],
      [start, new Date(start.getTime() + 10 * DAY_MS)],
    ];
    const cells = new Map<string, Cell>();
    for (const week of weeks) {
      at(periodEnd(week));
      for (const [from, to] of ranges) {
        for (const interval of ['week', 'month']) {
          for (const groupBy of groupings) {
            const query = `from=${date(from)}&to=${date(to)}&interval=${interval}&groupBy=${groupBy}&limit=100`;
            const response = await api.request({ method: 'GET', url: `${path}?${query}`, as: hr });
            expect(response.status).toBe(200);
            for (const cell of cellsOf(response.body as T)) {
              // Whatever the question and whenever it is asked, a shown cell shows the same value.
              const before = cells.get(cell.id)?.value ?? null;
              expect({ id: cell.id, value: cell.value }).toEqual({ id: cell.id, value: before ?? cell.value });
              const shown = before ?? cell.value;
              cells.set(cell.id, { ...cell, value: shown });
            }
          }
        }
      }
    }
    return [...cells.values()];
  }

  /** Atoms for each group and period; unlisted groups of every answer are released zeros. */
  function disclose(
    cells: Cell[],
    universe: { groups: string[]; atomsOf: (group: string, period: string) => string[] },
  ) {
    const byId = new Map(cells.map((cell) => [cell.id, cell]));
    const periods = [...new Set(cells.map((cell) => cell.period))];
    const released: DisclosureCell[] = [];
    const hidden: DisclosureCell[] = [];
    for (const group of universe.groups) {
      for (const period of periods) {
        const id = `${group}|${period}`;
        const cell = byId.get(id);
        const atoms = new Map(universe.atomsOf(group, period).map((atom) => [atom, 1]));
        if (cell?.value === null) hidden.push({ id, atoms, value: 0 });
        else released.push({ id, atoms, value: cell?.value ?? 0 });
      }
    }
    return { released, hidden };
  }

  it('gives away no hidden abuse figure, for any history, whatever HR asks', async () => {
    const months = ['2026-06', '2026-07', '2026-08', '2026-09'];
    const incident = fc.record({
      team: fc.nat(2),
      reporter: fc.nat(6),
      channel: fc.constantFrom(...CHANNELS),
      kinds: fc.subarray(KINDS, { minLength: 1 }),
      severity: fc.constantFrom(...SEVERITIES),
      week: fc.nat(3),
    });
    let run = 0;
    let hiddenSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(incident, { minLength: 6, maxLength: 30 }), async (history) => {
        const month = months[run++ % months.length];
        const { weeks, day } = daysOf(month);
        at(day(0));
        const teams = [await teamOf(7), await teamOf(7), await teamOf(7)];
        const keyOf: string[] = [];
        // Reported half an hour after it happened: an incident counts in its week.
        for (const i of [...history].sort((a, b) => a.week - b.week)) {
          const occurredAt = day(i.week).toISOString();
          at(new Date(day(i.week).getTime() + 30 * 60_000));
          await post('/v1/incidents', teams[i.team].agents[i.reporter], {
            channel: i.channel,
            kinds: i.kinds,
            severity: i.severity,
            occurredAt,
            supportRequested: false,
            shareNarrativeWithLead: false,
          });
          keyOf.push(`${i.team}/${i.channel}/${i.kinds.join('+')}/${i.severity}/${i.week}`);
        }
        await api.projectionsCaughtUp();

        const cells = await collect(
          '/v1/dashboards/abuse',
          month,
          ['team', 'channel', 'kind', 'severity'],
          (body: AbuseAnswer) =>
            body.periods.flatMap((p) => [
              { id: `org|${p.period}`, group: 'org', period: p.period, value: p.total.incidents.value },
              ...p.groups.map((g) => {
                const group = `${body.groupBy}:${g[body.groupBy]}`;
                return { id: `${group}|${p.period}`, group, period: p.period, value: g.incidents.value };
              }),
            ]),
        );
        // Every combination of team, channel, kinds, severity and week: the attacker's unknowns.
        const teamIds = teams.map((team) => team.teamId);
        const kindSets = [1, 2, 3, 4, 5, 6, 7].map((bits) => KINDS.filter((_, k) => bits & (1 << k)));
        const atoms = teamIds.flatMap((_, t) =>
          CHANNELS.flatMap((c) =>
            kindSets.flatMap((ks) => SEVERITIES.flatMap((s) => weeks.map((_week, w) => ({ t, c, ks, s, w })))),
          ),
        );
        const holds = (group: string, a: (typeof atoms)[number]) => {
          const [grouping, value] = group.split(':');
          if (group === 'org') return true;
          if (grouping === 'team') return teamIds[a.t] === value;
          if (grouping === 'channel') return a.c === value;
          if (grouping === 'kind') return a.ks.includes(value);
          return a.s === value;
        };
        const { released, hidden } = disclose(cells, {
          groups: [
            'org',
            ...teamIds.map((id) => `team:${id}`),
            ...CHANNELS.map((c) => `channel:${c}`),
            ...KINDS.map((k) => `kind:${k}`),
            ...SEVERITIES.map((s) => `severity:${s}`),
          ],
          atomsOf: (group, period) =>
            atoms
              .filter((a) => holds(group, a) && (period === month || period === weeks[a.w]))
              .map((a) => `${a.t}/${a.c}/${a.ks.join('+')}/${a.s}/${a.w}`),
        });
        // The released numbers are the real ones.
        for (const cell of released) {
          const truth = keyOf.filter((key) => cell.atoms.has(key)).length;
          expect({ id: cell.id, value: cell.value }).toEqual({ id: cell.id, value: truth });
        }
        hiddenSeen += hidden.length;
        expect(determinedCells(released, hidden)).toEqual([]);
      }),
      { numRuns: 4, endOnFailure: true },
    );
    // The histories did put the protection to work.
    expect(hiddenSeen).toBeGreaterThan(0);
  }, 240_000);

  /** A team-by-week table of one additive figure, as the wellbeing and recognition dashboards give it. */
  function teamTableLeaks(cells: Cell[], teamIds: string[], month: string, facts: { team: number; week: number }[]) {
    const weeks = weeksOfMonth(month);
    const { released, hidden } = disclose(cells, {
      groups: ['org', ...teamIds.map((id) => `team:${id}`)],
      atomsOf: (group, period) =>
        teamIds.flatMap((id, t) =>
          weeks.flatMap((week, w) =>
            (group === 'org' || group === `team:${id}`) && (period === month || period === week) ? [`${t}/${w}`] : [],
          ),
        ),
    });
    for (const cell of released) {
      const truth = facts.filter(({ team, week }) => cell.atoms.has(`${team}/${week}`)).length;
      expect({ id: cell.id, value: cell.value }).toEqual({ id: cell.id, value: truth });
    }
    return { leaks: determinedCells(released, hidden), hidden: hidden.length };
  }
  /** A big team in the first two weeks, so that shown totals sit next to small hidden cells. */
  const facts = fc
    .array(fc.record({ team: fc.nat(2), person: fc.nat(6), week: fc.nat(3) }), { minLength: 4, maxLength: 18 })
    .map((random) => [
      ...[0, 1, 2, 3, 4, 5].flatMap((person) => [0, 1].map((week) => ({ team: 0, person, week }))),
      ...random,
    ]);

  type Fact = { team: number; person: number; week: number };
  type Teams = Awaited<ReturnType<typeof teamOf>>[];

  /**
   * For generated histories of one team-by-week figure: write each fact through the api at its
   * time, then ask every answer as the weeks end and solve for the hidden cells. Returns how many
   * hidden cells the histories made, to show they put the protection to work.
   */
  async function noTeamTableLeaks<F>(
    path: string,
    write: (teams: Teams, fact: Fact, i: number, day: (week: number) => Date) => Promise<void>,
    figure: (figures: F) => number | null,
  ) {
    const months = ['2026-06', '2026-07', '2026-08'];
    let run = 0;
    let hiddenSeen = 0;
    await fc.assert(
      fc.asyncProperty(facts, async (history) => {
        const month = months[run++ % months.length];
        const { day } = daysOf(month);
        at(day(0));
        const teams = [await teamOf(7), await teamOf(7), await teamOf(7), await teamOf(3)];
        const inOrder = [...history].sort((a, b) => a.week - b.week);
        for (const [i, fact] of inOrder.entries()) await write(teams, fact, i, day);
        await api.projectionsCaughtUp();
        const cells = await collect(path, month, ['team'], (body: TeamsAnswer<F>) =>
          body.periods.flatMap((p) => [
            { id: `org|${p.period}`, group: 'org', period: p.period, value: figure(p.org) },
            ...p.groups.map((t) => {
              const group = `team:${t.team}`;
              return { id: `${group}|${p.period}`, group, period: p.period, value: figure(t) };
            }),
          ]),
        );
        // The senders' team (the fourth) receives nothing: a known zero like any team left out.
        const teamIds = teams.map((team) => team.teamId);
        const { leaks, hidden } = teamTableLeaks(cells, teamIds, month, history);
        hiddenSeen += hidden;
        expect(leaks).toEqual([]);
      }),
      { numRuns: 3, endOnFailure: true },
    );
    return hiddenSeen;
  }

  it('gives away no hidden wellbeing minutes, for any history, whatever HR asks', async () => {
    // One minute each, so a cell's minutes count its activities: the figure the attacker sums.
    const hidden = await noTeamTableLeaks<Minutes>(
      '/v1/dashboards/wellbeing',
      async (teams, { team, person, week }, _i, day) => {
        at(new Date(day(week).getTime() + 8 * 60 * 60_000));
        const occurredOn = day(week).toISOString().slice(0, 10);
        await post('/v1/wellbeing/activities', teams[team].agents[person], { kind: 'yoga', minutes: 1, occurredOn });
      },
      // A month without yoga lists no yoga: a known zero.
      (figures) => (figures.minutesByKind.yoga ? figures.minutesByKind.yoga.value : 0),
    );
    expect(hidden).toBeGreaterThan(0);
  }, 240_000);

  it('gives away no hidden recognition figure, for any history, whatever HR asks', async () => {
    // Kudos are counted when sent: the clock walks through the month's weeks.
    const hidden = await noTeamTableLeaks<{ kudos: Shown }>(
      '/v1/dashboards/recognition',
      async (teams, { team, person, week }, i, day) => {
        at(day(week));
        await post('/v1/kudos', teams[3].agents[i % 3], {
          to: [teams[team].agents[person].personId],
          message: 'Thank you for staying calm',
          values: ['empathy'],
          visibility: 'public',
        });
      },
      (figures) => figures.kudos.value,
    );
    expect(hidden).toBeGreaterThan(0);
  }, 240_000);
});
