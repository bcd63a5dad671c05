import { deciderSpecification } from '@frontline/testing';
import {
  UnknownWebhookError,
  WebhookAlreadyRegisteredError,
  WebhookDisabledError,
  signingSecrets,
  webhookDecider,
} from './webhook.decider';
import type { WebhookEvent } from './webhook.events';

const { given } = deciderSpecification(webhookDecider);
const webhookId = 'w1';
const registered: WebhookEvent = {
  type: 'WebhookRegistered',
  data: { webhookId, url: 'https://hooks.example.com/x', eventTypes: ['AnnouncementPublished'], secret: 'enc-1' },
};
const now = new Date('2026-10-05T09:00:00Z');
const rotated: WebhookEvent = {
  type: 'WebhookSecretRotated',
  data: { webhookId, secret: 'enc-2', previousValidUntil: '2026-10-06T09:00:00.000Z' },
};
const disabled: WebhookEvent = { type: 'WebhookDisabled', data: { webhookId } };
const fold = (events: WebhookEvent[]) => events.reduce(webhookDecider.evolve, webhookDecider.initialState());

describe('webhook decider', () => {
  it('registers a webhook once', () => {
    const register = {
      type: 'RegisterWebhook' as const,
      webhookId,
      url: 'https://hooks.example.com/x',
      eventTypes: ['AnnouncementPublished'],
      secret: 'enc-1',
    };
    given([]).when(register).then([registered]);
    given([registered]).when(register).thenThrows(WebhookAlreadyRegisteredError);
  });

  it('rotates the secret, keeping the previous one valid for the overlap', () =>
    given([registered])
      .when({ type: 'RotateWebhookSecret', webhookId, secret: 'enc-2', now, overlapMs: 24 * 3600_000 })
      .then([rotated]));

  it('rotates no secret of a webhook that is unknown or disabled', () => {
    given([])
      .when({ type: 'RotateWebhookSecret', webhookId, secret: 's', now, overlapMs: 1 })
      .thenThrows(UnknownWebhookError);
    given([registered, disabled])
      .when({ type: 'RotateWebhookSecret', webhookId, secret: 's', now, overlapMs: 1 })
      .thenThrows(WebhookDisabledError);
  });

  it('disables a webhook once, and no unknown one', () => {
    given([registered]).when({ type: 'DisableWebhook', webhookId }).then([disabled]);
    given([registered, disabled]).when({ type: 'DisableWebhook', webhookId }).then([]);
    given([]).when({ type: 'DisableWebhook', webhookId }).thenThrows(UnknownWebhookError);
  });

  it('records delivery attempts, even after the webhook was disabled', () => {
    const attempt = {
      type: 'RecordDeliveryAttempt' as const,
      webhookId,
      messageId: 'm1',
      attempt: 1,
      status: 500,
      outcome: 'failed' as const,
    };
    const { type: _type, ...data } = attempt;
    given([registered, disabled])
      .when(attempt)
      .then([{ type: 'WebhookDeliveryAttempted', data }]);
    given([]).when(attempt).thenThrows(UnknownWebhookError);
  });

  it('signs with both secrets during the overlap, and with the new one only after it', () => {
    const state = fold([registered, rotated]);
    expect(signingSecrets(fold([registered]), now)).toEqual(['enc-1']);
    expect(signingSecrets(state, now)).toEqual(['enc-2', 'enc-1']);
    expect(signingSecrets(state, new Date('2026-10-06T09:00:00.001Z'))).toEqual(['enc-2']);
    expect(signingSecrets(fold([]), now)).toEqual([]);
  });
});
