import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes (the HMAC key). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The `webhook-signature` header: one `v1,<signature>` per secret, space-separated while a rotation overlaps. */
export function signWebhook(secrets: readonly string[], messageId: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');
}
