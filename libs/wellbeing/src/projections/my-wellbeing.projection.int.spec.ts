import { ForbiddenError } from '@frontline/decider';
import type { RecordedEvent } from '@frontline/event-store';
import { loadConfig } from '@frontline/platform';
import { Paging, ReadModels } from '@frontline/read-models';
import { ProjectionTestbed, recorded } from '@frontline/testing';
import { wellbeingStream } from '../domain/wellbeing.streams';
import { MyWellbeingHandler } from '../queries/my-wellbeing.handler';
import { MyWellbeingQuery } from '../queries/my-wellbeing.query';
import { myWellbeingProjection } from './my-wellbeing.projection';

const by = (personId: string, type: string, data: object): RecordedEvent => ({
  ...recorded(type, data),
  streamName: wellbeingStream(personId),
});
const activity = (personId: string, activityId: string, occurredOn: string, loggedAt: string) =>
  by(personId, 'WellbeingActivityLogged', {
    activityId,
    kind: 'walk',
    minutes: 15,
    occurredOn,
    loggedAt,
    teamId: 'chat',
  });

describe('my wellbeing projection and query', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(myWellbeingProjection)));
  afterEach(() => testbed.close());

  const history = [
    activity('ana', 'a1', '2026-11-18', '2026-11-18T12:00:00.000Z'),
    // Logged later but happened earlier: sorts by the day it happened.
    activity('ana', 'a2', '2026-11-16', '2026-11-19T08:00:00.000Z'),
    activity('ana', 'a3', '2026-11-18', '2026-11-18T17:00:00.000Z'),
    by('ana', 'WellbeingActivityLogged', {
      activityId: 'a4',
      kind: 'volunteering',
      minutes: 240,
      occurredOn: '2026-11-20',
      campaignId: 'c1',
      loggedAt: '2026-11-20T18:00:00.000Z',
      teamId: 'voice',
    }),
    activity('bo', 'b1', '2026-11-19', '2026-11-19T09:00:00.000Z'),
    by('ana', 'PulseCheckInSubmitted', {
      isoWeek: '2026-W46',
      mood: 2,
      energy: 4,
      workload: 5,
      submittedAt: '2026-11-13T09:00:00.000Z',
      teamId: 'chat',
    }),
    by('ana', 'PulseCheckInSubmitted', {
      isoWeek: '2026-W47',
      mood: 4,
      energy: 3,
      workload: 3,
      submittedAt: '2026-11-20T09:00:00.000Z',
      teamId: 'voice',
    }),
  ];
  const ana = { personId: 'ana', roles: ['agent'] as const };

  it('keeps each person their own activities and pulse answers, under their own keys', async () => {
    expect(await testbed.given(...history)).toBe('applied');

    const model = await testbed.model();
    expect(Object.keys(model).sort()).toEqual([
      'person:ana:activities',
      'person:ana:activity',
      'person:ana:pulses',
      'person:bo:activities',
      'person:bo:activity',
    ]);
    expect(model['person:ana:pulses']).toEqual({
      '2026-W46': JSON.stringify({
        isoWeek: '2026-W46',
        mood: 2,
        energy: 4,
        workload: 5,
        submittedAt: '2026-11-13T09:00:00.000Z',
      }),
      '2026-W47': JSON.stringify({
        isoWeek: '2026-W47',
        mood: 4,
        energy: 3,
        workload: 3,
        submittedAt: '2026-11-20T09:00:00.000Z',
      }),
    });
    expect(model['person:bo:activities']).toEqual(['2026-11-19|2026-11-19T09:00:00.000Z|b1', '0']);
  });

  it('answers the caller with their activities newest first, page by page, and their pulses by week', async () => {
    await testbed.given(...history);
    const handler = new MyWellbeingHandler(new ReadModels(testbed.redis), new Paging(loadConfig({})));

    const first = await handler.execute(new MyWellbeingQuery(ana, 'ana', { limit: 3 }));
    expect(first.items.map((item) => item.activityId)).toEqual(['a4', 'a3', 'a1']);
    expect(first.items[0]).toEqual({
      activityId: 'a4',
      kind: 'volunteering',
      minutes: 240,
      occurredOn: '2026-11-20',
      campaignId: 'c1',
      loggedAt: '2026-11-20T18:00:00.000Z',
    });
    expect(first.pulses.map((pulse) => [pulse.isoWeek, pulse.mood])).toEqual([
      ['2026-W47', 4],
      ['2026-W46', 2],
    ]);
    const second = await handler.execute(new MyWellbeingQuery(ana, 'ana', { cursor: first.nextCursor!, limit: 3 }));
    expect(second.items.map((item) => item.activityId)).toEqual(['a2']);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses anyone's history but the caller's own, whatever their roles", async () => {
    await testbed.given(...history);
    const handler = new MyWellbeingHandler(new ReadModels(testbed.redis), new Paging(loadConfig({})));

    for (const roles of [['agent'], ['team_lead'], ['hr', 'admin', 'wellbeing_officer']] as const) {
      await expect(
        handler.execute(new MyWellbeingQuery({ personId: 'bo', roles }, 'ana', { limit: 20 })),
      ).rejects.toThrow(ForbiddenError);
    }
  });

  it('changes nothing when the same events are applied again', async () => {
    await testbed.given(...history);
    const once = await testbed.model();

    expect(await testbed.replay(undefined, history)).toBe('already_applied');
    expect(await testbed.replay(history[3].position, history.slice(4))).toBe('already_applied');
    expect(await testbed.model()).toEqual(once);
  });
});
