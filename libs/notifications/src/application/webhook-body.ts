import type { WebhookMessage } from '@frontline/platform';

/** Slack-compatible (`text`, `blocks`) with the event beside it for receivers that read it. */
export function webhookBody(message: WebhookMessage, timestamp: Date): string {
  return JSON.stringify({
    text: message.text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: message.text } }],
    type: message.type,
    timestamp: timestamp.toISOString(),
    data: message.data,
  });
}
