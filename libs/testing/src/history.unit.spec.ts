import type { TeamCreated } from '@frontline/directory';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { History, type HistoryAppend } from './history';

/** The appends of rounds until at least `events` events are made. */
async function generate(history: History, events: number): Promise<HistoryAppend[]> {
  const appends: HistoryAppend[] = [];
  for (let made = 0; made < events;) {
    for (const append of await history.next()) {
      appends.push(append);
      made += append.events.length;
    }
  }
  return appends;
}

const eventsOf = (appends: HistoryAppend[]) => appends.flatMap((append) => append.events);

describe('History', () => {
  it('makes every event type a projection reads', async () => {
    const types = new Set(eventsOf(await generate(new History(), 100_000)).map((event) => event.type));
    const read = [...new Set(ALL_PROJECTIONS.flatMap((projection) => projection.eventTypes))];
    expect(read.filter((type) => !types.has(type))).toEqual([]);
  });

  it("numbers each stream's events from 0, one after another, across appends", async () => {
    const next = new Map<string, number>();
    for (const { streamName, revision, events } of await generate(new History(), 20_000)) {
      expect([streamName, revision]).toEqual([streamName, next.get(streamName) ?? 0]);
      next.set(streamName, revision + events.length);
    }
  });

  it('puts the teams under site teams, spread evenly, and nobody in a site team', async () => {
    const history = new History({ sites: 3, teams: 12, people: 90 });
    const appends = await generate(history, 20_000);
    const created = eventsOf(appends)
      .filter((event) => event.type === 'TeamCreated')
      .map((event) => event.data as TeamCreated['data']);

    const sites = created.filter((team) => team.parentTeamId === undefined).map((team) => team.teamId);
    expect(sites).toHaveLength(3);
    expect(created.map((team) => team.parentTeamId)).toEqual([
      ...sites.map(() => undefined),
      ...Array.from({ length: 12 }, (_, i) => sites[i % 3]),
    ]);
    expect(history.organisationSites()).toEqual(
      sites.map((siteId) => ({
        siteId,
        teamIds: created.filter((team) => team.parentTeamId === siteId).map((team) => team.teamId),
      })),
    );
    const joined = eventsOf(appends).flatMap(({ type, data }) => {
      const { teamId, toTeamId } = data as { teamId?: string; toTeamId?: string };
      return type === 'PersonEnrolled' ? [teamId] : type === 'PersonMovedTeam' ? [toTeamId] : [];
    });
    expect(joined.length).toBeGreaterThan(90);
    expect(joined.filter((teamId) => sites.includes(teamId!))).toEqual([]);
  });

  it('keeps every team at the top without sites', async () => {
    const history = new History({ teams: 5, people: 20 });
    const created = eventsOf(await history.next()).filter((event) => event.type === 'TeamCreated');
    expect(created.map((event) => event.data)).toEqual(
      Array.from({ length: 5 }, (_, i) => ({
        teamId: expect.any(String),
        name: `Team ${i + 1}`,
        siteId: expect.any(String),
      })),
    );
    // A team at the top is its own site.
    expect(
      created.every(
        ({ data }) => (data as { siteId: string; teamId: string }).siteId === (data as { teamId: string }).teamId,
      ),
    ).toBe(true);
    expect(history.organisationSites()).toEqual([]);
  });
});
