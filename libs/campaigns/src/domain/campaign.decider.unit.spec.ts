import { NotFoundError } from '@frontline/decider';
import { deciderSpecification } from '@frontline/testing';
import { campaignSteps } from './campaign-steps';
import type { CampaignDay, CampaignEvent, CampaignPlanned, CampaignSummary } from './campaign.events';
import {
  CampaignAlreadyPlannedError,
  type CampaignCommand,
  CampaignDayInPastError,
  CampaignEndedError,
  CampaignStepAlreadyRunError,
  CampaignStepNotDueError,
  InvalidCampaignDaysError,
  InvalidTimezoneError,
  UnknownCampaignStepError,
  campaignDecider,
} from './campaign.decider';
import { customerServiceWeek } from './customer-service-week';

const { given } = deciderSpecification(campaignDecider);
const now = new Date('2026-09-01T12:00:00.000Z');
const later = new Date('2026-10-05T08:00:01.000Z');

type Plan = Extract<CampaignCommand, { type: 'PlanCampaign' }>;
const plan = (overrides: Partial<Plan> = {}): Plan => ({
  type: 'PlanCampaign',
  campaignId: 'c1',
  kind: 'customer_service_week',
  name: 'CSW 2026',
  timezone: 'Europe/London',
  days: customerServiceWeek(2026),
  audience: { teamIds: [] },
  plannedBy: 'hr1',
  now,
  ...overrides,
});
const day = (overrides: Partial<CampaignDay> = {}): CampaignDay => ({
  date: '2026-10-05',
  theme: 'Kick-off',
  activities: ['Huddle'],
  announcement: 'Welcome!',
  opensAt: '09:00',
  closesAt: '17:00',
  ...overrides,
});
const planned = (days = customerServiceWeek(2026)): CampaignPlanned => ({
  type: 'CampaignPlanned',
  data: {
    campaignId: 'c1',
    kind: 'customer_service_week',
    name: 'CSW 2026',
    timezone: 'Europe/London',
    days,
    audience: { teamIds: [] },
    plannedBy: 'hr1',
    plannedAt: now.toISOString(),
    steps: campaignSteps(days, 'Europe/London'),
  },
});
const run = (step: string, inputs = {}) => ({ type: 'RunCampaignStep', step, inputs, now: later }) as const;
const started: CampaignEvent = { type: 'CampaignStarted', data: { step: 'start', startedAt: later.toISOString() } };
const opened: CampaignEvent = {
  type: 'CampaignDayOpened',
  data: {
    step: 'day-1-open',
    day: 1,
    date: '2026-10-05',
    theme: 'Kick-off and thank-you wall',
    openedAt: later.toISOString(),
  },
};
const cancelled: CampaignEvent = {
  type: 'CampaignCancelled',
  data: { cancelledBy: 'hr1', cancelledAt: now.toISOString() },
};
const summary: CampaignSummary = {
  kudosSent: { value: null, suppressed: true },
  peopleRecognised: { value: null, suppressed: true },
  wellbeingMinutes: { value: null, suppressed: true },
  participants: { value: null, suppressed: true },
};

describe('campaign decider: planning', () => {
  it('plans the programme with the instant of every step', () => given([]).when(plan()).then([planned()]));

  it('plans a campaign once', () => given([planned()]).when(plan()).thenThrows(CampaignAlreadyPlannedError));

  it('refuses a time zone that does not exist', () =>
    given([])
      .when(plan({ timezone: 'Europe/Atlantis' }))
      .thenThrows(InvalidTimezoneError));

  it('refuses a day that opens in the past in the campaign time zone', () =>
    // 09:00 in London is 08:00Z: at 08:30Z the day has opened already, though it is not 09:00 UTC yet.
    given([])
      .when(plan({ days: [day()], now: new Date('2026-10-05T08:30:00Z') }))
      .thenThrows(CampaignDayInPastError));

  it('accepts a day that opens later today in the campaign time zone', () =>
    // 09:00 in New York is 13:00Z.
    given([])
      .when(plan({ days: [day()], timezone: 'America/New_York', now: new Date('2026-10-05T12:30:00Z') }))
      .then([expect.objectContaining({ type: 'CampaignPlanned' })]));

  it.each([
    ['no days', []],
    ['a bad date', [day({ date: '2026-02-30' })]],
    ['a bad time', [day({ opensAt: '9am' })]],
    ['a day that closes before it opens', [day({ opensAt: '17:00', closesAt: '09:00' })]],
    ['days out of order', [day({ date: '2026-10-06' }), day({ date: '2026-10-05' })]],
    ['overlapping days', [day(), day({ opensAt: '16:00', closesAt: '18:00' })]],
  ])('refuses %s', (_, days) => given([]).when(plan({ days })).thenThrows(InvalidCampaignDaysError));

  it('accepts several days on one date, seconds apart', () =>
    given([])
      .when(
        plan({
          days: [
            day({ opensAt: '09:00:00', closesAt: '09:00:05' }),
            day({ opensAt: '09:00:05', closesAt: '09:00:09' }),
          ],
        }),
      )
      .then([expect.objectContaining({ type: 'CampaignPlanned' })]));
});

describe('campaign decider: steps', () => {
  it('starts the campaign', () => given([planned()]).when(run('start')).then([started]));

  it('opens a day with its date and theme', () => given([planned(), started]).when(run('day-1-open')).then([opened]));

  it('publishes the announcement of the day', () =>
    given([planned(), started, opened])
      .when(run('day-1-announce'))
      .then([
        {
          type: 'AnnouncementPublished',
          data: {
            step: 'day-1-announce',
            day: 1,
            text: customerServiceWeek(2026)[0].announcement,
            publishedAt: later.toISOString(),
          },
        },
      ]));

  it('records a step once', () =>
    given([planned(), started]).when(run('start')).thenThrows(CampaignStepAlreadyRunError));

  it('runs no step before the ones before it', () =>
    given([planned(), started]).when(run('day-1-announce')).thenThrows(CampaignStepNotDueError));

  it('refuses a step the programme does not have', () =>
    given([planned()]).when(run('day-9-open')).thenThrows(UnknownCampaignStepError));

  it('runs nothing after a cancel', () =>
    given([planned(), started, cancelled]).when(run('day-1-open')).thenThrows(CampaignEndedError));

  it('runs nothing for a campaign never planned', () => given([]).when(run('start')).thenThrows(NotFoundError));

  it('awards every badge, then closes with the summary', () => {
    const days = [day()];
    const steps = campaignSteps(days, 'Europe/London').map((s) => s.step);
    expect(steps).toEqual([
      'start',
      'day-1-open',
      'day-1-announce',
      'kudos-wall',
      'day-1-headlines',
      'badges',
      'final-headlines',
      'close',
    ]);
    const history: CampaignEvent[] = [planned(days)];
    const badges = [
      { badge: 'giver-and-receiver' as const, personIds: ['a', 'b'] },
      { badge: 'wellbeing-participant' as const, personIds: [] },
    ];
    for (const step of steps) {
      const events = campaignDecider.decide(
        run(step, { headlines: ['k1'], badges, summary }),
        history.reduce(campaignDecider.evolve, campaignDecider.initialState()),
      );
      history.push(...events);
    }
    expect(history.map((e) => e.type)).toEqual([
      'CampaignPlanned',
      'CampaignStarted',
      'CampaignDayOpened',
      'AnnouncementPublished',
      'KudosWallOpened',
      'HeadlinesPublished',
      'BadgeAwarded',
      'BadgeAwarded',
      'HeadlinesPublished',
      'CampaignClosed',
    ]);
    expect(history.at(-2)).toMatchObject({ data: { day: 'final', kudosIds: ['k1'] } });
    expect(history.at(-1)).toMatchObject({ data: { summary } });
    given(history).when(run('close')).thenThrows(CampaignEndedError);
    given(history).when({ type: 'CancelCampaign', cancelledBy: 'hr1', now: later }).thenThrows(CampaignEndedError);
  });
});

describe('campaign decider: cancelling', () => {
  it('cancels a planned campaign', () =>
    given([planned()]).when({ type: 'CancelCampaign', cancelledBy: 'hr1', now }).then([cancelled]));

  it('cancels a campaign in progress', () =>
    given([planned(), started]).when({ type: 'CancelCampaign', cancelledBy: 'hr1', now }).then([cancelled]));

  it('cancels once', () =>
    given([planned(), cancelled])
      .when({ type: 'CancelCampaign', cancelledBy: 'hr1', now })
      .thenThrows(CampaignEndedError));

  it('cannot cancel what was never planned', () =>
    given([]).when({ type: 'CancelCampaign', cancelledBy: 'hr1', now }).thenThrows(NotFoundError));
});
