import { type RedisOp, defineProjection } from '@frontline/read-models';
import { countedAt, isoWeek, monthOfPeriod, weekMonth } from '@frontline/decider';
import { type MembershipEvent, membershipOps } from '@frontline/directory';
import type { WellbeingEvent } from '../domain/wellbeing.events';
import { personOfWellbeingStream } from '../domain/wellbeing.streams';
import { type WellbeingTrendsKeys, wellbeingTrendsKeys } from './wellbeing-trends.keys';

/** The groups a fact counts in: the org, its site and its team as it recorded them (a team is its own site before sites were recorded). */
export const trendGroups = (facts: { teamId: string; siteId?: string }) => [
  'org',
  `site:${facts.siteId ?? facts.teamId}`,
  `team:${facts.teamId}`,
];

/**
 * Wellbeing by group and period (see `wellbeingTrendsKeys`). Pulse answers only ever enter as sums:
 * nothing here maps a person to a score (that is `myWellbeing`'s alone). People count where their
 * team was when they logged or answered (the events carry it), and headcounts are the
 * organisation's as it was in each period.
 */
export const wellbeingTrendsProjection = defineProjection<WellbeingEvent | MembershipEvent, WellbeingTrendsKeys>({
  name: 'wellbeingTrends',
  layout: wellbeingTrendsKeys,
  on: {
    WellbeingActivityLogged: (event, keys) => {
      const { kind, minutes, occurredOn, loggedAt } = event.data;
      const personId = personOfWellbeingStream(event.streamName);
      // Bucketed by the day it happened, unless its week had ended when it was logged (`countedAt`).
      const day = countedAt(new Date(`${occurredOn}T00:00:00Z`), new Date(loggedAt));
      return trendGroups(event.data).flatMap((group) =>
        [isoWeek(day), weekMonth(day)].flatMap((period): RedisOp[] => [
          ['SADD', keys.participants(group, period), personId],
          ['HINCRBY', keys.minutes(group, period), kind, minutes],
          ['SADD', keys.kindPeople(group, period, kind), personId],
        ]),
      );
    },
    PulseCheckInSubmitted: (event, keys) => {
      const { isoWeek: week, mood, energy, workload } = event.data;
      const personId = personOfWellbeingStream(event.streamName);
      // A month is made of whole weeks: the answer's week decides its month.
      return trendGroups(event.data).flatMap((group) =>
        [week, monthOfPeriod(week)].flatMap((period): RedisOp[] => {
          const pulse = keys.pulse(group, period);
          return [
            ['HINCRBY', pulse, 'mood', mood],
            ['HINCRBY', pulse, 'energy', energy],
            ['HINCRBY', pulse, 'workload', workload],
            // A month holds several answers per person: means divide by answers, k counts respondents.
            ['HINCRBY', pulse, 'answers', 1],
            ['SADD', keys.respondents(group, period), personId],
          ];
        }),
      );
    },
    PersonEnrolled: membershipOps,
    PersonMovedTeam: membershipOps,
    PersonOffboarded: membershipOps,
    PersonReinstated: membershipOps,
  },
});
