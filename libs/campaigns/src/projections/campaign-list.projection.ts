import { type RedisOp, defineProjection } from '@frontline/read-models';
import type { CampaignStatus } from '../domain/campaign.decider';
import type { CampaignEvent } from '../domain/campaign.events';
import { campaignOfStream } from '../domain/campaign.streams';
import { type CampaignListKeys, campaignListKeys } from './campaign-list.keys';

const status = (streamName: string, keys: CampaignListKeys, value: CampaignStatus): RedisOp[] => [
  ['HSET', keys.campaign(campaignOfStream(streamName)), 'status', value],
];

/** HR's list of campaigns (see `campaignListKeys`): each campaign's programme in brief and where it stands. */
export const campaignListProjection = defineProjection<CampaignEvent, CampaignListKeys>({
  name: 'campaignList',
  layout: campaignListKeys,
  on: {
    CampaignPlanned: ({ data: { campaignId, name, kind, timezone, days } }, keys) => {
      const [firstDay, lastDay] = [days[0].date, days[days.length - 1].date];
      return [
        ['HSET', keys.campaign(campaignId), 'name', name, 'kind', kind, 'timezone', timezone],
        ['HSET', keys.campaign(campaignId), 'firstDay', firstDay, 'lastDay', lastDay, 'status', 'planned'],
        ['ZADD', keys.campaigns, Number(firstDay.replaceAll('-', '')), campaignId],
      ];
    },
    CampaignStarted: ({ streamName }, keys) => status(streamName, keys, 'in_progress'),
    CampaignClosed: ({ streamName }, keys) => status(streamName, keys, 'closed'),
    CampaignCancelled: ({ streamName }, keys) => status(streamName, keys, 'cancelled'),
  },
});
