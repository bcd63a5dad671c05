import type { RecordedEvent } from '@frontline/event-store';
import type { Keyspace, Projection, RedisOp } from '@frontline/read-models';
import type { WellbeingEvent } from '../domain/wellbeing.events';
import { personOfWellbeingStream } from '../domain/wellbeing.streams';

/** Sorts newest first by the day it happened, then by when it was logged; the id keeps it unique. */
export const activityOrder = (occurredOn: string, loggedAt: string, activityId: string) =>
  `${occurredOn}|${loggedAt}|${activityId}`;

/**
 * Each person's own history, under `person:<id>:…`, read only by `GET /v1/me/wellbeing` for the caller:
 * `…:activities` (a sorted set of `activityOrder` members, all score 0, so pages go by lexical cursor),
 * `…:activity` {activityId: JSON}, and `…:pulses` {isoWeek: JSON of the person's own answers}.
 */
export const myWellbeingProjection: Projection = {
  name: 'myWellbeing',
  eventTypes: ['WellbeingActivityLogged', 'PulseCheckInSubmitted'],

  project(recorded: RecordedEvent, keys: Keyspace): RedisOp[] {
    const event = recorded as unknown as WellbeingEvent;
    const personId = personOfWellbeingStream(recorded.streamName);
    switch (event.type) {
      case 'WellbeingActivityLogged': {
        const { activityId, kind, minutes, occurredOn, campaignId, loggedAt } = event.data;
        const activity = { activityId, kind, minutes, occurredOn, ...(campaignId ? { campaignId } : {}), loggedAt };
        return [
          ['ZADD', keys.key('person', personId, 'activities'), 0, activityOrder(occurredOn, loggedAt, activityId)],
          ['HSET', keys.key('person', personId, 'activity'), activityId, JSON.stringify(activity)],
        ];
      }
      case 'PulseCheckInSubmitted': {
        const { isoWeek, mood, energy, workload, submittedAt } = event.data;
        const answers = { isoWeek, mood, energy, workload, submittedAt };
        return [['HSET', keys.key('person', personId, 'pulses'), isoWeek, JSON.stringify(answers)]];
      }
    }
  },
};
