import type { Keyspace } from '@frontline/read-models';

/**
 * The campaign list's keys, for its projection and its query: `campaigns`, campaign ids scored by
 * their first day's date (`YYYYMMDD`), and `campaign:<id>` {name, kind, timezone, firstDay, lastDay,
 * status}.
 */
export const campaignListKeys = (keys: Keyspace) => ({
  campaigns: keys.key('campaigns'),
  campaign: (campaignId: string) => keys.key('campaign', campaignId),
});

export type CampaignListKeys = ReturnType<typeof campaignListKeys>;
