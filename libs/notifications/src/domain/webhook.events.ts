import type { DomainEvent } from '@frontline/decider';

/** `secret` fields hold the Standard Webhooks secret encrypted in the key vault: a credential, never in clear in the log. */
export type WebhookRegistered = DomainEvent<
  'WebhookRegistered',
  { webhookId: string; url: string; eventTypes: string[]; secret: string }
>;
export type WebhookSecretRotated = DomainEvent<
  'WebhookSecretRotated',
  { webhookId: string; secret: string; previousValidUntil: string }
>;
export type WebhookDisabled = DomainEvent<'WebhookDisabled', { webhookId: string }>;

export type DeliveryOutcome = 'delivered' | 'failed' | 'refused';
export type WebhookDeliveryAttempted = DomainEvent<
  'WebhookDeliveryAttempted',
  { webhookId: string; messageId: string; attempt: number; status?: number; outcome: DeliveryOutcome; reason?: string }
>;

export type WebhookEvent = WebhookRegistered | WebhookSecretRotated | WebhookDisabled | WebhookDeliveryAttempted;
