import { type Decider, DomainError, assertNever } from '@frontline/decider';
import { daysBetween, isCalendarDate, isoWeek, utcDateOf } from '@frontline/decider';
import { WELLBEING_KINDS, type WellbeingEvent, type WellbeingKind } from './wellbeing.events';

export const MAX_ACTIVITY_MINUTES = 480;
export const MAX_ACTIVITY_DAYS_BACK = 90;
export const PULSE_SCORES = ['mood', 'energy', 'workload'] as const;

/** Only what the rules need: the weeks that already have a pulse. */
export interface WellbeingState {
  pulseWeeks: ReadonlySet<string>;
}

/** No person id: the stream is the actor's own, so there is no way to name someone else. */
export type WellbeingCommand =
  | {
      type: 'LogWellbeingActivity';
      activityId: string;
      kind: WellbeingKind;
      minutes: number;
      occurredOn: string;
      campaignId?: string;
      /** The person's team now and its site, from the directory: trends count the activity there. */
      teamId: string;
      siteId: string;
      now: Date;
    }
  | {
      type: 'SubmitPulseCheckIn';
      mood: number;
      energy: number;
      workload: number;
      teamId: string;
      siteId: string;
      now: Date;
    };

export class UnknownWellbeingKindError extends DomainError {
  readonly code = 'unknown-wellbeing-kind';
  readonly kind = 'invalid';
}

export class ActivityMinutesOutOfRangeError extends DomainError {
  readonly code = 'activity-minutes-out-of-range';
  readonly kind = 'invalid';
}

export class InvalidActivityDateError extends DomainError {
  readonly code = 'invalid-activity-date';
  readonly kind = 'invalid';
}

export class ActivityDateInFutureError extends DomainError {
  readonly code = 'activity-date-in-future';
  readonly kind = 'invalid';
}

export class ActivityDateTooOldError extends DomainError {
  readonly code = 'activity-date-too-old';
  readonly kind = 'invalid';
}

export class PulseScoreOutOfRangeError extends DomainError {
  readonly code = 'pulse-score-out-of-range';
  readonly kind = 'invalid';
}

export class PulseAlreadySubmittedError extends DomainError {
  readonly code = 'pulse-already-submitted';
  readonly kind = 'conflict';
}

export const wellbeingDecider: Decider<WellbeingCommand, WellbeingEvent, WellbeingState> = {
  initialState: () => ({ pulseWeeks: new Set() }),

  decide(command, state) {
    switch (command.type) {
      case 'LogWellbeingActivity': {
        const { activityId, kind, minutes, occurredOn, campaignId, teamId, siteId, now } = command;
        if (!WELLBEING_KINDS.includes(kind)) throw new UnknownWellbeingKindError(`No wellbeing kind ${kind}`);
        if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ACTIVITY_MINUTES) {
          throw new ActivityMinutesOutOfRangeError(`minutes must be a whole number from 1 to ${MAX_ACTIVITY_MINUTES}`);
        }
        if (!isCalendarDate(occurredOn)) throw new InvalidActivityDateError(`${occurredOn} is not a YYYY-MM-DD date`);
        // Today is today in UTC: a person east of UTC cannot log for their local "today" until UTC reaches it.
        const daysBack = daysBetween(occurredOn, utcDateOf(now));
        if (daysBack < 0) throw new ActivityDateInFutureError(`${occurredOn} is in the future`);
        if (daysBack > MAX_ACTIVITY_DAYS_BACK) {
          throw new ActivityDateTooOldError(`${occurredOn} is more than ${MAX_ACTIVITY_DAYS_BACK} days back`);
        }
        return [
          {
            type: 'WellbeingActivityLogged',
            data: {
              activityId,
              kind,
              minutes,
              occurredOn,
              ...(campaignId ? { campaignId } : {}),
              loggedAt: now.toISOString(),
              teamId,
              siteId,
            },
          },
        ];
      }
      case 'SubmitPulseCheckIn': {
        for (const score of PULSE_SCORES) {
          const value = command[score];
          if (!Number.isInteger(value) || value < 1 || value > 5) {
            throw new PulseScoreOutOfRangeError(`${score} must be a whole number from 1 to 5`);
          }
        }
        const week = isoWeek(command.now);
        if (state.pulseWeeks.has(week)) throw new PulseAlreadySubmittedError(`The pulse of ${week} is in already`);
        const { mood, energy, workload, teamId, siteId, now } = command;
        return [
          {
            type: 'PulseCheckInSubmitted',
            data: { isoWeek: week, mood, energy, workload, submittedAt: now.toISOString(), teamId, siteId },
          },
        ];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PulseCheckInSubmitted':
        return { ...state, pulseWeeks: new Set([...state.pulseWeeks, event.data.isoWeek]) };
      case 'WellbeingActivityLogged':
        return state;
      default:
        return state;
    }
  },
};
