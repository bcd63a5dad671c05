export const webhookStream = (webhookId: string) => `webhook-${webhookId}`;
