import { Query } from '@nestjs/cqrs';
import type { Actor } from '@frontline/platform';
import type { WellbeingKind } from '../domain/wellbeing.events';

export interface MyActivity {
  activityId: string;
  kind: WellbeingKind;
  minutes: number;
  occurredOn: string;
  campaignId?: string;
  loggedAt: string;
}

export interface MyPulse {
  isoWeek: string;
  mood: number;
  energy: number;
  workload: number;
  submittedAt: string;
}

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
