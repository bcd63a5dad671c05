import { defineProjection } from '@frontline/read-models';
import type { WellbeingEvent } from '../domain/wellbeing.events';
import { personOfWellbeingStream } from '../domain/wellbeing.streams';
import { type MyWellbeingKeys, activityOrder, myWellbeingKeys } from './my-wellbeing.keys';

/** Each person's own history (see `myWellbeingKeys`), read only by `GET /v1/me/wellbeing` for the caller. */
export const myWellbeingProjection = defineProjection<WellbeingEvent, MyWellbeingKeys>({
  name: 'myWellbeing',
  layout: myWellbeingKeys,
  on: {
    WellbeingActivityLogged: ({ streamName, data }, keys) => {
      const personId = personOfWellbeingStream(streamName);
      const { activityId, kind, minutes, occurredOn, campaignId, loggedAt } = data;
      const activity = { activityId, kind, minutes, occurredOn, ...(campaignId ? { campaignId } : {}), loggedAt };
      return [
        ['ZADD', keys.activities(personId), 0, activityOrder(occurredOn, loggedAt, activityId)],
        ['HSET', keys.activity(personId), activityId, JSON.stringify(activity)],
      ];
    },
    PulseCheckInSubmitted: ({ streamName, data: { isoWeek, mood, energy, workload, submittedAt } }, keys) => {
      const answers = { isoWeek, mood, energy, workload, submittedAt };
      return [['HSET', keys.pulses(personOfWellbeingStream(streamName)), isoWeek, JSON.stringify(answers)]];
    },
  },
});
