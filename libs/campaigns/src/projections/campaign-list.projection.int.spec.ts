import { ProjectionTestbed, recorded } from '@frontline/testing';
import type { CampaignPlanned } from '../domain/campaign.events';
import { campaignStream } from '../domain/campaign.streams';
import { campaignListProjection } from './campaign-list.projection';

describe('campaign list projection', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(campaignListProjection)));
  afterEach(() => testbed.close());

  const day = (date: string) => ({
    date,
    theme: 'Thanks',
    activities: [],
    announcement: 'Hi',
    opensAt: '09:00',
    closesAt: '17:00',
  });
  const planned = (campaignId: string, dates: string[]) =>
    recorded('CampaignPlanned', {
      campaignId,
      kind: 'customer_service_week',
      name: `CSW ${campaignId}`,
      timezone: 'Europe/London',
      days: dates.map(day),
      audience: { teamIds: [] },
      plannedBy: 'hr',
      plannedAt: '2026-06-01T09:00:00.000Z',
      steps: [],
    } satisfies CampaignPlanned['data']);
  /** A step of a campaign's stream: it names its campaign by its stream only. */
  const onStream = (campaignId: string, event: ReturnType<typeof recorded>) => ({
    ...event,
    streamName: campaignStream(campaignId),
  });
  const history = [
    planned('c1', ['2026-10-05', '2026-10-09']),
    planned('c2', ['2027-10-04', '2027-10-08']),
    onStream('c1', recorded('CampaignStarted', { step: 'start', startedAt: '2026-10-05T08:00:00.000Z' })),
    onStream('c2', recorded('CampaignCancelled', { cancelledBy: 'hr', cancelledAt: '2026-06-02T09:00:00.000Z' })),
    onStream('c1', recorded('CampaignClosed', { step: 'close', summary: {}, closedAt: '2026-10-09T17:00:00.000Z' })),
  ];

  it("lists each campaign by its first day with its programme's span and where it stands", async () => {
    await testbed.given(...history);
    expect(await testbed.model()).toEqual({
      campaigns: ['c1', '20261005', 'c2', '20271004'],
      'campaign:c1': {
        name: 'CSW c1',
        kind: 'customer_service_week',
        timezone: 'Europe/London',
        firstDay: '2026-10-05',
        lastDay: '2026-10-09',
        status: 'closed',
      },
      'campaign:c2': expect.objectContaining({ firstDay: '2027-10-04', lastDay: '2027-10-08', status: 'cancelled' }),
    });
  });

  it('changes nothing when the same events are applied again', async () => {
    await testbed.given(...history);
    const once = await testbed.model();
    expect(await testbed.replay(undefined, history)).toBe('already_applied');
    expect(await testbed.replay(history[1].position, history.slice(2))).toBe('already_applied');
    expect(await testbed.model()).toEqual(once);
  });
});
