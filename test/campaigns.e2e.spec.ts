import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import { campaignJobId, campaignStream } from '@frontline/campaigns';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { type Actor, QUEUES } from '@frontline/platform';
import { after, dayBetween, secondsFromNow, sleepUntil } from './support/campaign-timing';
import { type TestApi, person, startTestApi } from './support/test-api';
import { WebhookReceiver } from './support/webhook-receiver';
import { eventually, registerWebhook } from './support/webhooks';

const STEPS = [
  'start',
  'day-1-open',
  'day-1-announce',
  'kudos-wall',
  'day-1-headlines',
  'day-2-open',
  'day-2-announce',
  'day-2-headlines',
  'badges',
  'final-headlines',
  'close',
];

describe('Customer Service Week campaigns', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  const team = randomUUID();
  const admin = person(['admin']);
  const hr = person(['hr']);
  const [ana, bo, cy, dee] = [0, 1, 2, 3].map(() => person(['agent'], team));

  const post = (url: string, as: Actor, body?: unknown) => api.request({ method: 'POST', url, as, body });
  const streamOf = async (campaignId: string) =>
    api.app.get<EventStore>(EVENT_STORE, { strict: false }).readStream(campaignStream(campaignId));
  const stepsRun = async (campaignId: string) =>
    (await streamOf(campaignId)).flatMap((event) =>
      (event.data as { step?: string }).step ? [(event.data as { step: string }).step] : [],
    );
  const campaignQueue = () => api.worker.get<Queue>(getQueueToken(QUEUES.campaigns), { strict: false });

  beforeAll(async () => {
    // Three people is enough for a figure of the summary here, so both sides of the threshold show.
    api = await startTestApi(
      'campaigns',
      { WEBHOOK_ALLOW_PRIVATE: 'true', PRIVACY_MIN_GROUP: '3' },
      { projector: true, worker: true },
    );
    receiver = await WebhookReceiver.start();
    /** Directory set-up through the api; it stops the file if the directory refuses. */
    const asAdmin = async (url: string, body: unknown) => {
      const response = await post(url, admin, body);
      if (response.status !== 201)
        throw new Error(`${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
    };
    await asAdmin('/v1/teams', { teamId: team, name: 'Phones' });
    for (const [who, name] of [
      [ana, 'Ana'],
      [bo, 'Bo'],
      [cy, 'Cy'],
      [dee, 'Dee'],
    ] as const) {
      const body = { personId: who.personId, displayName: name, teamId: team, roles: who.roles, timezone: 'UTC' };
      await asAdmin('/v1/people', body);
    }
  });

  afterAll(async () => {
    await receiver?.stop();
    await api?.close();
  });

  it('fills in the first full week of October, for HR only, never in the past', async () => {
    const planned = await post('/v1/campaigns', hr, {
      kind: 'customer_service_week',
      name: 'CSW 2030',
      year: 2030,
      timezone: 'Europe/London',
    });
    expect(planned.status).toBe(201);
    expect(planned.body.days.map((day: { date: string }) => day.date)).toEqual([
      '2030-10-07',
      '2030-10-08',
      '2030-10-09',
      '2030-10-10',
      '2030-10-11',
    ]);
    const shown = await api.request({ method: 'GET', url: `/v1/campaigns/${planned.body.campaignId}`, as: hr });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ status: 'planned', timezone: 'Europe/London' });
    expect(shown.body.steps[0]).toEqual({ step: 'start', at: '2030-10-07T08:00:00.000Z', ranAt: null });
    // An agent does not see a campaign that is not in progress.
    expect(
      (await api.request({ method: 'GET', url: `/v1/campaigns/${planned.body.campaignId}`, as: ana })).status,
    ).toBe(404);
    expect((await post(`/v1/campaigns/${planned.body.campaignId}/cancel`, hr)).status).toBe(200);

    expect(
      (await post('/v1/campaigns', ana, { kind: 'customer_service_week', name: 'x', year: 2030, timezone: 'UTC' }))
        .status,
    ).toBe(403);
    const past = await post('/v1/campaigns', hr, {
      kind: 'customer_service_week',
      name: 'Old',
      year: 2020,
      timezone: 'UTC',
    });
    expect(past.status).toBe(400);
    expect(past.body.type).toMatch(/campaign-day-in-past$/);
    const zone = await post('/v1/campaigns', hr, {
      kind: 'customer_service_week',
      name: 'x',
      year: 2030,
      timezone: 'Mars/Olympus',
    });
    expect(zone.status).toBe(400);
    expect(zone.body.type).toMatch(/invalid-timezone$/);
  });

  it('runs every step once, in order, announces each day by signed webhook and headlines the most-reacted kudos', async () => {
    const { secret } = await registerWebhook(api, admin, `${receiver.url}/csw`, ['AnnouncementPublished']);
    const stepTypes = [
      'CampaignStarted',
      'CampaignDayOpened',
      'AnnouncementPublished',
      'KudosWallOpened',
      'HeadlinesPublished',
      'BadgeAwarded',
      'CampaignClosed',
    ];
    const everyStep = await registerWebhook(api, admin, `${receiver.url}/steps`, stepTypes);
    const opens = await secondsFromNow(4_000, 20_000);
    const days = [
      dayBetween(opens, after(opens, 8_000), 'Kick-off', 'Day one: the thank-you wall is open!'),
      dayBetween(after(opens, 9_000), after(opens, 11_000), 'Celebration', 'Day two: we celebrate.'),
    ];
    const planned = await post('/v1/campaigns', hr, {
      kind: 'customer_service_week',
      name: 'CSW now',
      timezone: 'UTC',
      days,
    });
    expect(planned.status).toBe(201);
    const { campaignId } = planned.body as { campaignId: string };

    // During day 1: three public kudos, the second with the most reactions, and a wellbeing session of the campaign.
    await eventually('the kudos wall', async () => (await stepsRun(campaignId)).includes('kudos-wall'));
    const inProgress = await api.request({ method: 'GET', url: `/v1/campaigns/${campaignId}`, as: ana });
    expect(inProgress.status).toBe(200);
    expect(inProgress.body.status).toBe('in_progress');
    const send = async (from: Actor, to: Actor, message: string) => {
      const response = await post('/v1/kudos', from, {
        to: [to.personId],
        message,
        values: ['empathy'],
        visibility: 'public',
        campaignId,
      });
      expect(response.status).toBe(201);
      return response.body.kudosId as string;
    };
    const k1 = await send(ana, bo, 'Bo calmed a very upset caller');
    const k2 = await send(bo, cy, 'Cy stayed late to clear the queue');
    const k3 = await send(cy, ana, 'Ana wrote the clearest reply');
    for (const [who, kudosId, emoji] of [
      [ana, k2, '🎉'],
      [dee, k2, '🎉'],
      [ana, k2, '👏'],
      [dee, k1, '👏'],
    ] as const) {
      expect((await post(`/v1/kudos/${kudosId}/reactions`, who, { emoji })).status).toBe(200);
    }
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await post('/v1/wellbeing/activities', dee, { kind: 'yoga', minutes: 30, occurredOn: today, campaignId }))
        .status,
    ).toBe(201);
    await api.projectionsCaughtUp();
    expect(Date.now()).toBeLessThan(after(opens, 8_000).getTime()); // all of it within day 1

    await eventually('the close', async () => (await stepsRun(campaignId)).includes('close'), 25_000);
    const events = await streamOf(campaignId);
    expect(await stepsRun(campaignId)).toEqual([...STEPS.slice(0, 9), 'badges', ...STEPS.slice(9)]); // two badges, one step
    expect(events.map((event) => event.type)).toEqual([
      'CampaignPlanned',
      'CampaignStarted',
      'CampaignDayOpened',
      'AnnouncementPublished',
      'KudosWallOpened',
      'HeadlinesPublished',
      'CampaignDayOpened',
      'AnnouncementPublished',
      'HeadlinesPublished',
      'BadgeAwarded',
      'BadgeAwarded',
      'HeadlinesPublished',
      'CampaignClosed',
    ]);
    // Each step at (not before) its instant.
    const plannedSteps = (events[0].data as { steps: { step: string; at: string }[] }).steps;
    for (const event of events.slice(1)) {
      const { step } = event.data as { step: string };
      expect(event.recordedAt.getTime()).toBeGreaterThanOrEqual(
        Date.parse(plannedSteps.find((s) => s.step === step)!.at),
      );
    }
    const headlines = events.filter((event) => event.type === 'HeadlinesPublished').map((event) => event.data);
    expect(headlines).toEqual([
      expect.objectContaining({ day: 1, kudosIds: [k2, k1] }), // k3 has no reaction
      expect.objectContaining({ day: 2, kudosIds: [] }),
      expect.objectContaining({ day: 'final', kudosIds: [k2, k1] }),
    ]);
    const badges = events.filter((event) => event.type === 'BadgeAwarded').map((event) => event.data);
    expect(badges).toEqual([
      expect.objectContaining({ badge: 'giver-and-receiver', personIds: [ana, bo, cy].map((p) => p.personId).sort() }),
      expect.objectContaining({ badge: 'wellbeing-participant', personIds: [dee.personId] }),
    ]);
    expect(events.at(-1)!.data).toMatchObject({
      summary: {
        kudosSent: { value: 3, suppressed: false },
        peopleRecognised: { value: 3, suppressed: false },
        wellbeingMinutes: { value: null, suppressed: true }, // one person
        participants: { value: 4, suppressed: false },
      },
    });

    // The receiver got each announcement once, in order, signed.
    await eventually('both announcements', async () => receiver.received('/csw').length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a duplicate would have come by now
    const requests = receiver.received('/csw');
    expect(requests.map((r) => JSON.parse(r.rawBody).text)).toEqual([days[0].announcement, days[1].announcement]);
    expect(requests.map((r) => r.headers['webhook-id'])).toEqual([
      campaignJobId(campaignId, 'day-1-announce'),
      campaignJobId(campaignId, 'day-2-announce'),
    ]);
    for (const request of requests) {
      expect(new Webhook(secret).verify(request.rawBody, request.headers as Record<string, string>)).toMatchObject({
        type: 'AnnouncementPublished',
      });
    }

    // A webhook that follows every step saw each one, once, signed; deliveries run side by side
    // (32 at a time), so steps recorded together may arrive in either order.
    await eventually('every step', async () => receiver.received('/steps').length >= events.length - 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const steps = receiver.received('/steps');
    expect(steps.map((r) => JSON.parse(r.rawBody).type).sort()).toEqual(
      events
        .slice(1)
        .map((event) => event.type)
        .sort(),
    );
    expect(new Set(steps.map((r) => r.headers['webhook-id'])).size).toBe(steps.length);
    for (const request of steps) {
      expect(() =>
        new Webhook(everyStep.secret).verify(request.rawBody, request.headers as Record<string, string>),
      ).not.toThrow();
    }
    // Webhooks go to shared channels: badges and the summary go out as numbers, naming nobody.
    for (const { rawBody } of receiver.received()) {
      for (const { personId } of [admin, hr, ana, bo, cy, dee]) expect(rawBody).not.toContain(personId);
      expect(rawBody).not.toMatch(/"(Ana|Bo|Cy|Dee)"/);
    }

    const shown = await api.request({ method: 'GET', url: `/v1/campaigns/${campaignId}`, as: hr });
    expect(shown.status).toBe(200);
    expect(shown.body.status).toBe('closed');
    expect(shown.body.steps.map((s: { step: string }) => s.step)).toEqual(STEPS);
    expect(shown.body.steps.every((s: { ranAt: string | null }) => s.ranAt !== null)).toBe(true);
    expect(shown.body.headlines.at(-1)).toEqual({
      day: 'final',
      kudos: [
        expect.objectContaining({
          kudosId: k2,
          message: 'Cy stayed late to clear the queue',
          reactions: { '🎉': 2, '👏': 1 },
        }),
        expect.objectContaining({ kudosId: k1, message: 'Bo calmed a very upset caller', reactions: { '👏': 1 } }),
      ],
    });
    expect(shown.body.badges).toEqual([
      { badge: 'giver-and-receiver', people: 3 },
      { badge: 'wellbeing-participant', people: 1 },
    ]);
    expect(k3).toBeDefined();
  }, 60_000);

  it('cancelling removes the pending steps: nothing runs after', async () => {
    const opens = await secondsFromNow(4_000, 10_000);
    const days = [dayBetween(opens, after(opens, 2_000), 'Kick-off', 'Never announced')];
    const planned = await post('/v1/campaigns', hr, {
      kind: 'customer_service_week',
      name: 'Called off',
      timezone: 'UTC',
      days,
    });
    expect(planned.status).toBe(201);
    const { campaignId } = planned.body as { campaignId: string };
    const jobIds = STEPS.filter((step) => !step.startsWith('day-2')).map((step) => campaignJobId(campaignId, step));
    const pendingJobs = async () =>
      (await Promise.all(jobIds.map((id) => campaignQueue().getJob(id)))).filter(Boolean).length;
    await eventually('the step jobs', async () => (await pendingJobs()) === jobIds.length);

    expect((await post(`/v1/campaigns/${campaignId}/cancel`, hr)).status).toBe(200);
    await eventually('the jobs removed', async () => (await pendingJobs()) === 0);
    await sleepUntil(after(opens, 3_000));
    expect((await streamOf(campaignId)).map((event) => event.type)).toEqual(['CampaignPlanned', 'CampaignCancelled']);
    expect((await post(`/v1/campaigns/${campaignId}/cancel`, hr)).status).toBe(409);
    expect((await api.request({ method: 'GET', url: `/v1/campaigns/${campaignId}`, as: hr })).body.status).toBe(
      'cancelled',
    );
  }, 20_000);

  it('lists the campaigns for HR and admins, the latest first day first, a page at a time, each where it stands', async () => {
    const plan = async (year: number) =>
      (
        await post('/v1/campaigns', hr, {
          kind: 'customer_service_week',
          name: `CSW ${year}`,
          year,
          timezone: 'Europe/Paris',
        })
      ).body.campaignId as string;
    const [later, sooner] = [await plan(2041), await plan(2040)];
    expect((await post(`/v1/campaigns/${sooner}/cancel`, hr)).status).toBe(200);
    await api.projectionsCaughtUp();
    const list = (query: string, as: Actor = hr) => api.request({ method: 'GET', url: `/v1/campaigns?${query}`, as });

    const first = await list('limit=1', admin);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      {
        campaignId: later,
        name: 'CSW 2041',
        kind: 'customer_service_week',
        timezone: 'Europe/Paris',
        firstDay: '2041-10-07',
        lastDay: '2041-10-11',
        status: 'planned',
      },
    ]);
    const second = await list(`limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items).toEqual([expect.objectContaining({ campaignId: sooner, status: 'cancelled' })]);
    expect((await list('limit=101')).status).toBe(400);
    expect((await list('limit=5', ana)).status).toBe(403);
  });
});
