import { deciderSpecification } from '@frontline/testing';
import {
  ActivityDateInFutureError,
  ActivityDateTooOldError,
  ActivityMinutesOutOfRangeError,
  InvalidActivityDateError,
  PulseAlreadySubmittedError,
  PulseScoreOutOfRangeError,
  UnknownWellbeingKindError,
  type WellbeingCommand,
  wellbeingDecider,
} from './wellbeing.decider';
import type { PulseCheckInSubmitted, WellbeingActivityLogged, WellbeingKind } from './wellbeing.events';

const { given } = deciderSpecification(wellbeingDecider);
const now = new Date('2026-11-20T10:15:00.000Z'); // a Friday in 2026-W47

const logActivity = (overrides: Partial<Extract<WellbeingCommand, { type: 'LogWellbeingActivity' }>> = {}) =>
  ({
    type: 'LogWellbeingActivity',
    activityId: 'a1',
    kind: 'yoga',
    minutes: 30,
    occurredOn: '2026-11-19',
    teamId: 't1',
    siteId: 's1',
    now,
    ...overrides,
  }) as const;
const submitPulse = (overrides: Partial<Extract<WellbeingCommand, { type: 'SubmitPulseCheckIn' }>> = {}) =>
  ({
    type: 'SubmitPulseCheckIn',
    mood: 4,
    energy: 3,
    workload: 5,
    teamId: 't1',
    siteId: 's1',
    now,
    ...overrides,
  }) as const;

const pulseOf = (isoWeek: string): PulseCheckInSubmitted => ({
  type: 'PulseCheckInSubmitted',
  data: { isoWeek, mood: 3, energy: 3, workload: 3, submittedAt: '2026-11-16T08:00:00.000Z', teamId: 't1' },
});
const yogaLogged: WellbeingActivityLogged = {
  type: 'WellbeingActivityLogged',
  data: {
    activityId: 'a0',
    kind: 'yoga',
    minutes: 20,
    occurredOn: '2026-11-18',
    loggedAt: now.toISOString(),
    teamId: 't1',
  },
};

describe('wellbeing decider: activities', () => {
  it('logs an activity in the team and site the person is in', () =>
    given([])
      .when(logActivity())
      .then([
        {
          type: 'WellbeingActivityLogged',
          data: {
            activityId: 'a1',
            kind: 'yoga',
            minutes: 30,
            occurredOn: '2026-11-19',
            loggedAt: '2026-11-20T10:15:00.000Z',
            teamId: 't1',
            siteId: 's1',
          },
        },
      ]));

  it('keeps the campaign it was part of', () =>
    given([yogaLogged])
      .when(logActivity({ kind: 'volunteering', campaignId: 'c1', occurredOn: '2026-11-20', minutes: 480 }))
      .then([
        {
          type: 'WellbeingActivityLogged',
          data: {
            activityId: 'a1',
            kind: 'volunteering',
            minutes: 480,
            occurredOn: '2026-11-20',
            campaignId: 'c1',
            loggedAt: '2026-11-20T10:15:00.000Z',
            teamId: 't1',
            siteId: 's1',
          },
        },
      ]));

  it.each([0, 481, -5, 12.5, Number.NaN])('refuses %p minutes', (minutes) =>
    given([]).when(logActivity({ minutes })).thenThrows(ActivityMinutesOutOfRangeError),
  );

  it('accepts 1 minute', () =>
    expect(wellbeingDecider.decide(logActivity({ minutes: 1 }), { pulseWeeks: new Set() })).toHaveLength(1));

  it('refuses a day after today (UTC)', () =>
    given([])
      .when(logActivity({ occurredOn: '2026-11-21' }))
      .thenThrows(ActivityDateInFutureError));

  it('accepts exactly 90 days back', () =>
    given([])
      .when(logActivity({ occurredOn: '2026-08-22' }))
      .then([expect.objectContaining({ type: 'WellbeingActivityLogged' })]));

  it('refuses 91 days back', () =>
    given([])
      .when(logActivity({ occurredOn: '2026-08-21' }))
      .thenThrows(ActivityDateTooOldError));

  it.each(['2026-02-30', '20-11-2026', '2026-11-19T10:00:00Z', ''])('refuses the date %p', (occurredOn) =>
    given([]).when(logActivity({ occurredOn })).thenThrows(InvalidActivityDateError),
  );

  it('refuses a kind outside the vocabulary', () =>
    given([])
      .when(logActivity({ kind: 'napping' as WellbeingKind }))
      .thenThrows(UnknownWellbeingKindError));
});

describe('wellbeing decider: pulse', () => {
  it('takes the pulse of the current ISO week, in the team and site the person is in', () =>
    given([yogaLogged])
      .when(submitPulse())
      .then([
        {
          type: 'PulseCheckInSubmitted',
          data: {
            isoWeek: '2026-W47',
            mood: 4,
            energy: 3,
            workload: 5,
            submittedAt: '2026-11-20T10:15:00.000Z',
            teamId: 't1',
            siteId: 's1',
          },
        },
      ]));

  it('takes one pulse per ISO week', () =>
    given([pulseOf('2026-W47')])
      .when(submitPulse())
      .thenThrows(PulseAlreadySubmittedError));

  it('takes the next week pulse after last week', () =>
    given([pulseOf('2026-W46')])
      .when(submitPulse({ now: new Date('2026-11-23T00:00:00Z') }))
      .then([expect.objectContaining({ data: expect.objectContaining({ isoWeek: '2026-W48' }) })]));

  it('counts the days around new year in the week they belong to', () =>
    given([pulseOf('2026-W53')])
      .when(submitPulse({ now: new Date('2027-01-02T09:00:00Z') }))
      .thenThrows(PulseAlreadySubmittedError));

  it.each([
    ['mood', 0],
    ['mood', 6],
    ['energy', 2.5],
    ['workload', -1],
    ['workload', Number.NaN],
  ])('refuses %s = %p', (score, value) =>
    given([])
      .when(submitPulse({ [score]: value }))
      .thenThrows(PulseScoreOutOfRangeError),
  );

  it('accepts the ends of the scale', () =>
    given([])
      .when(submitPulse({ mood: 1, energy: 5, workload: 1 }))
      .then([expect.objectContaining({ data: expect.objectContaining({ mood: 1, energy: 5, workload: 1 }) })]));
});
