export const campaignStream = (campaignId: string) => `campaign-${campaignId}`;

export const campaignOfStream = (streamName: string) => streamName.slice('campaign-'.length);
