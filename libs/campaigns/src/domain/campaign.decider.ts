import { type Decider, DomainError, NotFoundError, assertNever, isCalendarDate } from '@frontline/decider';
import { campaignSteps, dayOfStep } from './campaign-steps';
import {
  CAMPAIGN_KINDS,
  type Badge,
  type CampaignAudience,
  type CampaignDay,
  type CampaignEvent,
  type CampaignKind,
  type CampaignStep,
  type CampaignStepEvent,
  type CampaignSummary,
} from './campaign.events';
import { isTimeOfDay, isTimeZone, localToInstant } from './local-time';

export const MAX_CAMPAIGN_DAYS = 10;

export type CampaignStatus = 'planned' | 'in_progress' | 'closed' | 'cancelled';

export type CampaignState =
  | { status: 'none' }
  | { status: CampaignStatus; days: CampaignDay[]; steps: CampaignStep[]; done: ReadonlySet<string> };

/** What a step needs from outside the stream, worked out by the worker before it decides. */
export interface StepInputs {
  headlines?: string[];
  badges?: { badge: Badge; personIds: string[] }[];
  summary?: CampaignSummary;
}

export type CampaignCommand =
  | {
      type: 'PlanCampaign';
      campaignId: string;
      kind: CampaignKind;
      name: string;
      timezone: string;
      days: CampaignDay[];
      audience: CampaignAudience;
      plannedBy: string;
      now: Date;
    }
  | { type: 'CancelCampaign'; cancelledBy: string; now: Date }
  | { type: 'RunCampaignStep'; step: string; inputs: StepInputs; now: Date };

export class CampaignAlreadyPlannedError extends DomainError {
  readonly code = 'campaign-already-planned';
  readonly kind = 'conflict';
}

export class UnknownCampaignKindError extends DomainError {
  readonly code = 'unknown-campaign-kind';
  readonly kind = 'invalid';
}

export class InvalidTimezoneError extends DomainError {
  readonly code = 'invalid-timezone';
  readonly kind = 'invalid';
}

export class InvalidCampaignDaysError extends DomainError {
  readonly code = 'invalid-campaign-days';
  readonly kind = 'invalid';
}

export class CampaignDayInPastError extends DomainError {
  readonly code = 'campaign-day-in-past';
  readonly kind = 'invalid';
}

export class CampaignEndedError extends DomainError {
  readonly code = 'campaign-ended';
  readonly kind = 'conflict';
}

export class UnknownCampaignStepError extends DomainError {
  readonly code = 'unknown-campaign-step';
  readonly kind = 'invalid';
}

export class CampaignStepAlreadyRunError extends DomainError {
  readonly code = 'campaign-step-already-run';
  readonly kind = 'conflict';
}

/** An earlier step has not run yet: steps sharing an instant may reach the worker in any order. */
export class CampaignStepNotDueError extends DomainError {
  readonly code = 'campaign-step-not-due';
  readonly kind = 'conflict';
}

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'PlanCampaign': {
        if (state.status !== 'none') throw new CampaignAlreadyPlannedError('This campaign is planned already');
        const { campaignId, kind, name, timezone, days, audience, plannedBy, now } = command;
        if (!CAMPAIGN_KINDS.includes(kind)) throw new UnknownCampaignKindError(`No campaign kind ${kind}`);
        if (!isTimeZone(timezone)) throw new InvalidTimezoneError(`${timezone} is not an IANA time zone`);
        checkDays(days, timezone, now);
        return [
          {
            type: 'CampaignPlanned',
            data: {
              campaignId,
              kind,
              name,
              timezone,
              days,
              audience,
              plannedBy,
              plannedAt: now.toISOString(),
              steps: campaignSteps(days, timezone),
            },
          },
        ];
      }
      case 'CancelCampaign': {
        if (state.status === 'none') throw new NotFoundError('No such campaign');
        if (state.status === 'closed' || state.status === 'cancelled') {
          throw new CampaignEndedError(`The campaign is ${state.status} already`);
        }
        return [
          {
            type: 'CampaignCancelled',
            data: { cancelledBy: command.cancelledBy, cancelledAt: command.now.toISOString() },
          },
        ];
      }
      case 'RunCampaignStep': {
        if (state.status === 'none') throw new NotFoundError('No such campaign');
        if (state.status === 'closed' || state.status === 'cancelled') {
          throw new CampaignEndedError(`The campaign is ${state.status}: ${command.step} does not run`);
        }
        const index = state.steps.findIndex((s) => s.step === command.step);
        if (index < 0) throw new UnknownCampaignStepError(`The programme has no step ${command.step}`);
        if (state.done.has(command.step)) throw new CampaignStepAlreadyRunError(`${command.step} has run already`);
        const pending = state.steps.slice(0, index).find((s) => !state.done.has(s.step));
        if (pending) throw new CampaignStepNotDueError(`${pending.step} runs before ${command.step}`);
        return stepEvents(command.step, state.days, command.inputs, command.now.toISOString());
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CampaignPlanned':
        return { status: 'planned', days: event.data.days, steps: event.data.steps, done: new Set() };
      case 'CampaignCancelled':
        return state.status === 'none' ? state : { ...state, status: 'cancelled' };
      case 'CampaignStarted':
      case 'CampaignDayOpened':
      case 'AnnouncementPublished':
      case 'KudosWallOpened':
      case 'HeadlinesPublished':
      case 'BadgeAwarded':
      case 'CampaignClosed': {
        if (state.status === 'none') return state;
        const status = event.type === 'CampaignClosed' ? 'closed' : 'in_progress';
        return { ...state, status, done: new Set([...state.done, event.data.step]) };
      }
      default:
        return assertNever(event);
    }
  },
};

function checkDays(days: readonly CampaignDay[], timezone: string, now: Date): void {
  if (days.length < 1 || days.length > MAX_CAMPAIGN_DAYS) {
    throw new InvalidCampaignDaysError(`A campaign has 1 to ${MAX_CAMPAIGN_DAYS} days`);
  }
  let previousClose = Number.NEGATIVE_INFINITY;
  for (const [i, day] of days.entries()) {
    if (!isCalendarDate(day.date)) throw new InvalidCampaignDaysError(`days[${i}].date is not a YYYY-MM-DD date`);
    if (!isTimeOfDay(day.opensAt) || !isTimeOfDay(day.closesAt)) {
      throw new InvalidCampaignDaysError(`days[${i}] opens and closes at a local HH:mm or HH:mm:ss`);
    }
    const opens = localToInstant(day.date, day.opensAt, timezone).getTime();
    const closes = localToInstant(day.date, day.closesAt, timezone).getTime();
    if (closes <= opens) throw new InvalidCampaignDaysError(`days[${i}] closes before it opens`);
    if (opens < previousClose) throw new InvalidCampaignDaysError(`days[${i}] opens before the day before it closes`);
    if (opens <= now.getTime()) throw new CampaignDayInPastError(`days[${i}] opens in the past (${timezone})`);
    previousClose = closes;
  }
}

function stepEvents(step: string, days: readonly CampaignDay[], inputs: StepInputs, now: string): CampaignStepEvent[] {
  const day = dayOfStep(step);
  if (step === 'start') return [{ type: 'CampaignStarted', data: { step, startedAt: now } }];
  if (step === 'kudos-wall') return [{ type: 'KudosWallOpened', data: { step, openedAt: now } }];
  if (step === 'final-headlines') {
    return [
      { type: 'HeadlinesPublished', data: { step, day: 'final', kudosIds: inputs.headlines ?? [], publishedAt: now } },
    ];
  }
  if (step === 'badges') {
    if (!inputs.badges) throw new Error('The badges step needs its winners');
    return inputs.badges.map(({ badge, personIds }) => ({
      type: 'BadgeAwarded',
      data: { step, badge, personIds, awardedAt: now },
    }));
  }
  if (step === 'close') {
    if (!inputs.summary) throw new Error('The close step needs its summary');
    return [{ type: 'CampaignClosed', data: { step, summary: inputs.summary, closedAt: now } }];
  }
  if (day !== undefined && step.endsWith('-open')) {
    const { date, theme } = days[day - 1];
    return [{ type: 'CampaignDayOpened', data: { step, day, date, theme, openedAt: now } }];
  }
  if (day !== undefined && step.endsWith('-announce')) {
    return [{ type: 'AnnouncementPublished', data: { step, day, text: days[day - 1].announcement, publishedAt: now } }];
  }
  if (day !== undefined && step.endsWith('-headlines')) {
    return [{ type: 'HeadlinesPublished', data: { step, day, kudosIds: inputs.headlines ?? [], publishedAt: now } }];
  }
  throw new UnknownCampaignStepError(`The programme has no step ${step}`);
}
