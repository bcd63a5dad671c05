import fc from 'fast-check';
import type { RecordedEvent } from '@frontline/event-store';
import { isoWeek, monthOfPeriod } from '@frontline/decider';
import { ProjectionTestbed, recorded } from '@frontline/testing';
import { wellbeingStream } from '../domain/wellbeing.streams';
import { headcountAt } from '@frontline/directory';
import { wellbeingTrendsKeys } from './wellbeing-trends.keys';
import { wellbeingTrendsProjection } from './wellbeing-trends.projection';

/** An event of a person's own wellbeing stream: the projection learns whose it is from the stream. */
const by = (personId: string, type: string, data: object): RecordedEvent => ({
  ...recorded(type, data),
  streamName: wellbeingStream(personId),
});
const activity = (personId: string, teamId: string, kind: string, minutes: number, occurredOn: string) =>
  by(personId, 'WellbeingActivityLogged', {
    activityId: `${personId}-${occurredOn}-${kind}`,
    kind,
    minutes,
    occurredOn,
    loggedAt: `${occurredOn}T18:00:00.000Z`,
    teamId,
  });
const pulse = (personId: string, teamId: string, week: string, submittedAt: string, scores: number[]) =>
  by(personId, 'PulseCheckInSubmitted', {
    isoWeek: week,
    mood: scores[0],
    energy: scores[1],
    workload: scores[2],
    submittedAt,
    teamId,
  });

describe('wellbeing trends projection', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(wellbeingTrendsProjection)));
  afterEach(() => testbed.close());

  // 2026-11-30 is the Monday of 2026-W49, a week that straddles November and December.
  const history = [
    activity('ana', 'chat', 'yoga', 30, '2026-11-30'),
    activity('ana', 'chat', 'yoga', 15, '2026-12-01'),
    activity('bo', 'voice', 'walk', 20, '2026-11-30'),
    pulse('ana', 'chat', '2026-W48', '2026-11-27T09:00:00.000Z', [4, 3, 5]),
    pulse('ana', 'chat', '2026-W49', '2026-11-30T09:00:00.000Z', [2, 2, 2]),
    pulse('bo', 'voice', '2026-W49', '2026-12-01T09:00:00.000Z', [1, 5, 3]),
  ];

  it('keeps participants, minutes by kind and pulse sums per team and org, by ISO week and month', async () => {
    expect(await testbed.given(...history)).toBe('applied');

    // W48 is November's (Thursday the 26th), W49 December's (Thursday the 3rd): a month is whole weeks.
    const model = await testbed.model();
    // Before sites were recorded, a team is its own site: its cells are the team's.
    for (const [key, value] of Object.entries(model).filter(([name]) => name.startsWith('team:'))) {
      expect(model[key.replace(/^team:/, 'site:')]).toEqual(value);
    }
    expect(Object.fromEntries(Object.entries(model).filter(([key]) => !key.startsWith('site:')))).toEqual({
      'team:chat:2026-W49:participants': ['ana'],
      'team:chat:2026-W49:minutes': { yoga: '45' },
      'team:chat:2026-W49:kind:yoga': ['ana'],
      'team:chat:2026-12:participants': ['ana'],
      'team:chat:2026-12:minutes': { yoga: '45' },
      'team:chat:2026-12:kind:yoga': ['ana'],
      'team:voice:2026-W49:participants': ['bo'],
      'team:voice:2026-W49:minutes': { walk: '20' },
      'team:voice:2026-W49:kind:walk': ['bo'],
      'team:voice:2026-12:participants': ['bo'],
      'team:voice:2026-12:minutes': { walk: '20' },
      'team:voice:2026-12:kind:walk': ['bo'],
      'org:2026-W49:participants': ['ana', 'bo'],
      'org:2026-W49:minutes': { yoga: '45', walk: '20' },
      'org:2026-W49:kind:yoga': ['ana'],
      'org:2026-W49:kind:walk': ['bo'],
      'org:2026-12:participants': ['ana', 'bo'],
      'org:2026-12:minutes': { yoga: '45', walk: '20' },
      'org:2026-12:kind:yoga': ['ana'],
      'org:2026-12:kind:walk': ['bo'],
      // Pulses: sums, the number of answers they add up, and the distinct people behind them.
      'team:chat:2026-W48:pulse': { mood: '4', energy: '3', workload: '5', answers: '1' },
      'team:chat:2026-W48:respondents': ['ana'],
      'team:chat:2026-W49:pulse': { mood: '2', energy: '2', workload: '2', answers: '1' },
      'team:chat:2026-W49:respondents': ['ana'],
      'team:chat:2026-11:pulse': { mood: '4', energy: '3', workload: '5', answers: '1' },
      'team:chat:2026-11:respondents': ['ana'],
      'team:chat:2026-12:pulse': { mood: '2', energy: '2', workload: '2', answers: '1' },
      'team:chat:2026-12:respondents': ['ana'],
      'team:voice:2026-W49:pulse': { mood: '1', energy: '5', workload: '3', answers: '1' },
      'team:voice:2026-W49:respondents': ['bo'],
      'team:voice:2026-12:pulse': { mood: '1', energy: '5', workload: '3', answers: '1' },
      'team:voice:2026-12:respondents': ['bo'],
      'org:2026-W48:pulse': { mood: '4', energy: '3', workload: '5', answers: '1' },
      'org:2026-W48:respondents': ['ana'],
      'org:2026-W49:pulse': { mood: '3', energy: '7', workload: '5', answers: '2' },
      'org:2026-W49:respondents': ['ana', 'bo'],
      'org:2026-11:pulse': { mood: '4', energy: '3', workload: '5', answers: '1' },
      'org:2026-11:respondents': ['ana'],
      'org:2026-12:pulse': { mood: '3', energy: '7', workload: '5', answers: '2' },
      'org:2026-12:respondents': ['ana', 'bo'],
    });
  });

  it('counts a person in the team they were in at the time', async () => {
    await testbed.given(
      activity('cy', 'chat', 'walk', 10, '2026-11-02'),
      activity('cy', 'voice', 'walk', 10, '2026-11-03'),
    );

    const model = await testbed.model();
    expect(model['team:chat:2026-W45:participants']).toEqual(['cy']);
    expect(model['team:voice:2026-W45:participants']).toEqual(['cy']);
    expect(model['org:2026-W45:minutes']).toEqual({ walk: '20' });
    expect(model['org:2026-W45:participants']).toEqual(['cy']);
  });

  it('counts headcounts as the organisation was: anyone in a team at some moment of a week counts in that week', async () => {
    const at = (day: string) => `${day}T12:00:00.000Z`;
    await testbed.given(
      recorded('PersonEnrolled', { personId: 'ana', teamId: 'chat', siteId: 'lyon', at: at('2026-11-03') }),
      recorded('PersonEnrolled', { personId: 'bo', teamId: 'chat', siteId: 'lyon', at: at('2026-11-10') }),
      recorded('PersonMovedTeam', {
        personId: 'ana',
        fromTeamId: 'chat',
        fromSiteId: 'lyon',
        toTeamId: 'voice',
        toSiteId: 'paris',
        at: at('2026-11-17'),
      }),
      recorded('PersonOffboarded', { personId: 'bo', teamId: 'chat', siteId: 'lyon', at: at('2026-11-24') }),
    );
    const keys = wellbeingTrendsKeys(testbed.keys);
    const headcounts = async (group: string, periods: string[]) => {
      const changes = await testbed.redis.hgetall(keys.headcount(group));
      return periods.map((period) => headcountAt(changes, period));
    };
    const weeks = ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49'];
    expect(await headcounts('team:chat', weeks)).toEqual([0, 1, 2, 2, 1, 0]);
    expect(await headcounts('team:voice', weeks)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(await headcounts('site:lyon', weeks)).toEqual([0, 1, 2, 2, 1, 0]);
    expect(await headcounts('org', weeks)).toEqual([0, 1, 2, 2, 2, 1]);
    // November (weeks 45 to 48) saw both in chat, and ana in voice; December only ana, in voice.
    expect(await headcounts('team:chat', ['2026-11', '2026-12'])).toEqual([2, 0]);
    expect(await headcounts('team:voice', ['2026-11', '2026-12'])).toEqual([1, 1]);
    expect((await testbed.redis.smembers(keys.siteTeams('lyon'))).sort()).toEqual(['chat']);
    expect((await testbed.redis.smembers(keys.sites)).sort()).toEqual(['lyon', 'paris']);
  });

  it('counts someone reinstated again from the week of their reinstatement, in the team and site they left', async () => {
    const at = (day: string) => `${day}T12:00:00.000Z`;
    await testbed.given(
      recorded('PersonEnrolled', { personId: 'ana', teamId: 'chat', siteId: 'lyon', at: at('2026-11-03') }),
      recorded('PersonOffboarded', { personId: 'ana', teamId: 'chat', siteId: 'lyon', at: at('2026-11-10') }),
      recorded('PersonReinstated', { personId: 'ana', teamId: 'chat', siteId: 'lyon', at: at('2026-11-24') }),
    );
    const keys = wellbeingTrendsKeys(testbed.keys);
    const weeks = ['2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49'];
    for (const group of ['org', 'site:lyon', 'team:chat']) {
      const changes = await testbed.redis.hgetall(keys.headcount(group));
      expect(weeks.map((week) => headcountAt(changes, week))).toEqual([1, 1, 0, 1, 1]);
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

describe('wellbeing trends projection: privacy of pulse answers', () => {
  const people = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
  const teams = ['t0', 't1', 't2'];
  const answer = fc.record({
    personId: fc.constantFrom(...people),
    teamId: fc.constantFrom(...teams),
    submittedAt: fc.date({
      min: new Date('2026-11-01T00:00:00Z'),
      max: new Date('2027-01-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    scores: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
  });

  it('keeps only sums over a set of respondents, and never a person next to a score', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 25 }), async (answers) => {
        // One pulse per person and week, as the decider guarantees.
        const seen = new Set<string>();
        const pulses = answers.filter(({ personId, submittedAt }) => {
          const key = `${personId}|${isoWeek(submittedAt)}`;
          return !seen.has(key) && seen.add(key);
        });
        const testbed = new ProjectionTestbed(wellbeingTrendsProjection);
        try {
          await testbed.given(
            ...pulses.map(({ personId, teamId, submittedAt, scores }) =>
              pulse(personId, teamId, isoWeek(submittedAt), submittedAt.toISOString(), scores),
            ),
          );
          const model = await testbed.model();
          const keys = Object.keys(model);
          // No key is about one person, and pulses leave nothing but sums and the sets they sum over.
          expect(keys.filter((key) => key.split(':').some((part) => people.includes(part)))).toEqual([]);
          expect(keys.filter((key) => !/:(pulse|respondents)$/.test(key))).toEqual([]);
          expect(keys.filter((key) => key.endsWith(':respondents')).length).toBe(
            keys.filter((key) => key.endsWith(':pulse')).length,
          );
          for (const key of keys.filter((k) => k.endsWith(':pulse'))) {
            // Every number is the sum, over everyone who answered in that scope and bucket, of their answers.
            const [scope, teamOrPeriod, maybePeriod] = key.split(':');
            const period = scope === 'org' ? teamOrPeriod : maybePeriod;
            const inBucket = pulses.filter(
              (p) =>
                (scope === 'org' || p.teamId === teamOrPeriod) &&
                (isoWeek(p.submittedAt) === period || monthOfPeriod(isoWeek(p.submittedAt)) === period),
            );
            expect(model[key]).toEqual({
              mood: String(inBucket.reduce((sum, p) => sum + p.scores[0], 0)),
              energy: String(inBucket.reduce((sum, p) => sum + p.scores[1], 0)),
              workload: String(inBucket.reduce((sum, p) => sum + p.scores[2], 0)),
              answers: String(inBucket.length),
            });
            expect(model[key.replace(/pulse$/, 'respondents')]).toEqual(
              [...new Set(inBucket.map((p) => p.personId))].sort(),
            );
          }
        } finally {
          await testbed.close();
        }
      }),
      { numRuns: 40 },
    );
    // Forty real Redis keyspaces, one per history: slow on a busy machine, never timed.
  }, 90_000);
});
