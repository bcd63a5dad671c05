import type { RecordedEvent } from '@frontline/event-store';
import { type Keyspace, type Projection, type RedisOp } from '@frontline/read-models';
import { countedAt, isoWeek, monthOfPeriod, weekMonth } from '@frontline/decider';
import type { WellbeingEvent } from '../domain/wellbeing.events';
import { personOfWellbeingStream } from '../domain/wellbeing.streams';

/** Each team, and the whole org, keep their own buckets, so an org total counts a person once. */
export const trendScopes = (teamId: string) => [`team:${teamId}`, 'org'];

/**
 * Wellbeing by team (and org) and by bucket — ISO week `2026-W47` and its month of whole weeks `2026-11`, UTC:
 * - `<scope>:<period>:participants` set of people with an activity; `…:minutes` {kind: minutes};
 *   `…:kind:<kind>` set of people with that kind, so each minutes cell knows how many people it covers;
 * - `…:pulse` {mood, energy, workload} sums and their number of `answers`, and `…:respondents` the set
 *   of people they sum over.
 * Pulse answers only ever enter as sums: nothing here maps a person to a score (that is `myWellbeing`'s
 * alone). People count where their team was when they logged or answered (the events carry it).
 */
export const wellbeingTrendsProjection: Projection = {
  name: 'wellbeingTrends',
  eventTypes: ['WellbeingActivityLogged', 'PulseCheckInSubmitted'],

  project(recorded: RecordedEvent, keys: Keyspace): RedisOp[] {
    const event = recorded as unknown as WellbeingEvent;
    const personId = personOfWellbeingStream(recorded.streamName);
    switch (event.type) {
      case 'WellbeingActivityLogged': {
        const { kind, minutes, occurredOn, loggedAt, teamId } = event.data;
        // Bucketed by the day it happened, unless its week had ended when it was logged (`countedAt`).
        const day = countedAt(new Date(`${occurredOn}T00:00:00Z`), new Date(loggedAt));
        return trendScopes(teamId).flatMap((scope) =>
          [isoWeek(day), weekMonth(day)].flatMap((period): RedisOp[] => [
            ['SADD', keys.key(scope, period, 'participants'), personId],
            ['HINCRBY', keys.key(scope, period, 'minutes'), kind, minutes],
            ['SADD', keys.key(scope, period, 'kind', kind), personId],
          ]),
        );
      }
      case 'PulseCheckInSubmitted': {
        const { isoWeek: week, mood, energy, workload, teamId } = event.data;
        // A month is made of whole weeks: the answer's week decides its month.
        return trendScopes(teamId).flatMap((scope) =>
          [week, monthOfPeriod(week)].flatMap((period): RedisOp[] => {
            const pulse = keys.key(scope, period, 'pulse');
            return [
              ['HINCRBY', pulse, 'mood', mood],
              ['HINCRBY', pulse, 'energy', energy],
              ['HINCRBY', pulse, 'workload', workload],
              // A month holds several answers per person: means divide by answers, k counts respondents.
              ['HINCRBY', pulse, 'answers', 1],
              ['SADD', keys.key(scope, period, 'respondents'), personId],
            ];
          }),
        );
      }
    }
  },
};
