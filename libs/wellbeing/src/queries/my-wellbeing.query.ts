import { Query } from '@nestjs/cqrs';
import type { Actor } from '@frontline/platform';
import type { PulseCheckInSubmitted, WellbeingActivityLogged } from '../domain/wellbeing.events';

/** An activity as its person logged it; the projection keeps no team. */
export type MyActivity = Omit<WellbeingActivityLogged['data'], 'teamId'>;

export type MyPulse = Omit<PulseCheckInSubmitted['data'], 'teamId'>;

/** A page of the person's activities, newest first, and every pulse they answered (one a week), newest first. */
export interface MyWellbeing {
  items: MyActivity[];
  nextCursor: string | null;
  pulses: MyPulse[];
}

/** `personId` is whose history is asked for: anyone but the caller is refused. */
export class MyWellbeingQuery extends Query<MyWellbeing> {
  constructor(
    readonly caller: Actor,
    readonly personId: string,
    readonly page: { cursor?: string; limit: number },
  ) {
    super();
  }
}
