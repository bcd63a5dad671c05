import type { Keyspace } from '@frontline/read-models';

/** Sorts newest first by the day it happened, then by when it was logged; the id keeps it unique. */
export const activityOrder = (occurredOn: string, loggedAt: string, activityId: string) =>
  `${occurredOn}|${loggedAt}|${activityId}`;

/** The activity id an `activityOrder` member ends with. */
export const activityIdOf = (member: string) => member.slice(member.lastIndexOf('|') + 1);

/**
 * Each person's own wellbeing history, for its projection and its one query: `person:<id>:activities`
 * (a sorted set of `activityOrder` members, all score 0, so pages go by lexical cursor),
 * `person:<id>:activity` {activityId: JSON}, and `person:<id>:pulses` {isoWeek: JSON of the
 * person's own answers}.
 */
export const myWellbeingKeys = (keys: Keyspace) => ({
  activities: (personId: string) => keys.key('person', personId, 'activities'),
  activity: (personId: string) => keys.key('person', personId, 'activity'),
  pulses: (personId: string) => keys.key('person', personId, 'pulses'),
});

export type MyWellbeingKeys = ReturnType<typeof myWellbeingKeys>;
