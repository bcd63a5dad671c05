import { type Decider, DomainError, assertNever } from '@frontline/decider';
import type { DeliveryOutcome, WebhookEvent } from './webhook.events';

export type WebhookState =
  | { status: 'none' }
  | {
      status: 'active' | 'disabled';
      webhookId: string;
      url: string;
      eventTypes: string[];
      /** Encrypted, as in the events. */
      secret: string;
      /** The secret rotated out, which keeps signing until `validUntil`. */
      previous?: { secret: string; validUntil: string };
    };

export type WebhookCommand =
  | { type: 'RegisterWebhook'; webhookId: string; url: string; eventTypes: string[]; secret: string }
  | { type: 'RotateWebhookSecret'; webhookId: string; secret: string; now: Date; overlapMs: number }
  | { type: 'DisableWebhook'; webhookId: string }
  | {
      type: 'RecordDeliveryAttempt';
      webhookId: string;
      messageId: string;
      attempt: number;
      status?: number;
      outcome: DeliveryOutcome;
      reason?: string;
    };

export class WebhookAlreadyRegisteredError extends DomainError {
  readonly code = 'webhook-already-registered';
  readonly kind = 'conflict';
}

export class UnknownWebhookError extends DomainError {
  readonly code = 'unknown-webhook';
  readonly kind = 'not_found';
}

export class WebhookDisabledError extends DomainError {
  readonly code = 'webhook-disabled';
  readonly kind = 'conflict';
}

/** The secrets that sign a delivery at `now`: the current one, and the previous one while its overlap lasts. */
export function signingSecrets(state: WebhookState, now: Date): string[] {
  if (state.status === 'none') return [];
  const previous = state.previous && new Date(state.previous.validUntil) > now ? [state.previous.secret] : [];
  return [state.secret, ...previous];
}

export const webhookDecider: Decider<WebhookCommand, WebhookEvent, WebhookState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterWebhook': {
        if (state.status !== 'none') throw new WebhookAlreadyRegisteredError(`Webhook ${command.webhookId} exists`);
        const { webhookId, url, eventTypes, secret } = command;
        return [{ type: 'WebhookRegistered', data: { webhookId, url, eventTypes, secret } }];
      }
      case 'RotateWebhookSecret': {
        requireActive(state, command.webhookId);
        const previousValidUntil = new Date(command.now.getTime() + command.overlapMs).toISOString();
        const { webhookId, secret } = command;
        return [{ type: 'WebhookSecretRotated', data: { webhookId, secret, previousValidUntil } }];
      }
      case 'DisableWebhook':
        if (state.status === 'none') throw new UnknownWebhookError(`No webhook ${command.webhookId}`);
        return state.status === 'disabled' ? [] : [{ type: 'WebhookDisabled', data: { webhookId: command.webhookId } }];
      case 'RecordDeliveryAttempt': {
        // A delivery already under way when the webhook was disabled still gets its outcome recorded.
        if (state.status === 'none') throw new UnknownWebhookError(`No webhook ${command.webhookId}`);
        const { type: _type, ...data } = command;
        return [{ type: 'WebhookDeliveryAttempted', data }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'WebhookRegistered':
        return { status: 'active', ...event.data };
      case 'WebhookSecretRotated':
        if (state.status === 'none') return state;
        return {
          ...state,
          secret: event.data.secret,
          previous: { secret: state.secret, validUntil: event.data.previousValidUntil },
        };
      case 'WebhookDisabled':
        return state.status === 'none' ? state : { ...state, status: 'disabled' };
      case 'WebhookDeliveryAttempted':
        return state;
      default:
        return state;
    }
  },
};

function requireActive(state: WebhookState, webhookId: string): void {
  if (state.status === 'none') throw new UnknownWebhookError(`No webhook ${webhookId}`);
  if (state.status === 'disabled') throw new WebhookDisabledError(`Webhook ${webhookId} is disabled`);
}
