import { type Decider, DomainError, assertNever } from '@frontline/decider';
import type { KudosEvent } from './kudos.events';
import { type KudosViewer, canSeeKudos } from './kudos-visibility';
import {
  KUDOS_VALUES,
  MAX_EMOJI,
  MAX_KUDOS_MESSAGE,
  MAX_KUDOS_VALUES,
  MAX_RECIPIENTS,
  type KudosValue,
  type PersonFacts,
  VISIBILITIES,
  type Visibility,
} from './recognition.vocabulary';

export type KudosState =
  | { status: 'none' }
  | {
      status: 'sent' | 'retracted' | 'hidden';
      kudosId: string;
      fromId: string;
      toIds: string[];
      visibility: Visibility;
      /** The teams when it was sent, which decide who sees a team kudos; absent on older kudos. */
      fromTeamId?: string;
      toTeamIds?: string[];
      /** `<personId> <emoji>` of every reaction standing now. */
      reactions: string[];
    };

export interface SendKudos {
  type: 'SendKudos';
  kudosId: string;
  fromId: string;
  toIds: string[];
  message: string;
  values: KudosValue[];
  visibility: Visibility;
  campaignId?: string;
  /** The directory's word on the sender and each recipient. */
  people: Record<string, PersonFacts>;
  now: Date;
}

/** `by` is the reactor with their team as the directory has it now. */
export interface ReactToKudos {
  type: 'AddKudosReaction' | 'RemoveKudosReaction';
  kudosId: string;
  by: KudosViewer;
  emoji: string;
}

export type KudosCommand =
  | SendKudos
  | ReactToKudos
  | { type: 'RetractKudos'; kudosId: string; by: KudosViewer }
  | { type: 'HideKudos'; kudosId: string; by: string; byRoles: readonly string[]; reason: string };

export class KudosToSelfError extends DomainError {
  readonly code = 'kudos-to-self';
  readonly kind = 'conflict';
}

export class InvalidKudosError extends DomainError {
  readonly code = 'invalid-kudos';
  readonly kind = 'invalid';
}

export class SenderNotActiveError extends DomainError {
  readonly code = 'sender-not-active';
  readonly kind = 'forbidden';
}

export class UnknownRecipientError extends DomainError {
  readonly code = 'unknown-recipient';
  readonly kind = 'not_found';
}

export class RecipientNotActiveError extends DomainError {
  readonly code = 'recipient-not-active';
  readonly kind = 'conflict';
}

export class KudosAlreadySentError extends DomainError {
  readonly code = 'kudos-already-sent';
  readonly kind = 'conflict';
}

/** Also what someone gets for a kudos they may not see: its existence is not theirs to know. */
export class UnknownKudosError extends DomainError {
  readonly code = 'unknown-kudos';
  readonly kind = 'not_found';
}

export class KudosRemovedError extends DomainError {
  readonly code = 'kudos-removed';
  readonly kind = 'conflict';
}

export class InvalidEmojiError extends DomainError {
  readonly code = 'invalid-emoji';
  readonly kind = 'invalid';
}

export class NotKudosSenderError extends DomainError {
  readonly code = 'not-kudos-sender';
  readonly kind = 'forbidden';
}

export class KudosHideNotAllowedError extends DomainError {
  readonly code = 'kudos-hide-not-allowed';
  readonly kind = 'forbidden';
}

/** Every rule of a send that needs no stream; the handler runs it before spending any allowance. */
export function refuseUnsendableKudos(command: SendKudos): void {
  const { fromId, toIds, message, values, visibility, people } = command;
  if (toIds.includes(fromId)) throw new KudosToSelfError('Kudos go to someone else, not to yourself');
  if (toIds.length < 1 || toIds.length > MAX_RECIPIENTS || new Set(toIds).size !== toIds.length) {
    throw new InvalidKudosError(`Kudos go to 1 to ${MAX_RECIPIENTS} different people`);
  }
  if (message.length < 1 || message.length > MAX_KUDOS_MESSAGE) {
    throw new InvalidKudosError(`The message is 1 to ${MAX_KUDOS_MESSAGE} characters`);
  }
  if (
    values.length < 1 ||
    values.length > MAX_KUDOS_VALUES ||
    new Set(values).size !== values.length ||
    !values.every((value) => KUDOS_VALUES.includes(value))
  ) {
    throw new InvalidKudosError(`Kudos name 1 to ${MAX_KUDOS_VALUES} different values`);
  }
  if (!VISIBILITIES.includes(visibility))
    throw new InvalidKudosError(`Visibility is one of ${VISIBILITIES.join(', ')}`);
  if (people[fromId]?.status !== 'active') throw new SenderNotActiveError(`${fromId} is not an active member`);
  const unknown = toIds.filter((id) => (people[id]?.status ?? 'none') === 'none');
  if (unknown.length > 0) throw new UnknownRecipientError(`Nobody is enrolled as ${unknown.join(', ')}`);
  const gone = toIds.filter((id) => people[id]?.status === 'offboarded');
  if (gone.length > 0) throw new RecipientNotActiveError(`${gone.join(', ')} left the organisation`);
}

const reactionKey = (personId: string, emoji: string) => `${personId} ${emoji}`;

export const kudosDecider: Decider<KudosCommand, KudosEvent, KudosState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'SendKudos') {
      refuseUnsendableKudos(command);
      if (state.status !== 'none') throw new KudosAlreadySentError(`Kudos ${command.kudosId} exist already`);
      const { kudosId, fromId, toIds, message, values, visibility, campaignId, now, people } = command;
      // Read models cannot look teams up later, and people move: the event says where everyone was.
      const teams = { fromTeamId: people[fromId]?.teamId, toTeamIds: toIds.map((id) => people[id]?.teamId ?? '') };
      const sites = { fromSiteId: people[fromId]?.siteId, toSiteIds: toIds.map((id) => people[id]?.siteId ?? '') };
      const data = {
        kudosId,
        fromId,
        toIds,
        message,
        values,
        visibility,
        sentAt: now.toISOString(),
        ...teams,
        ...sites,
      };
      return [{ type: 'KudosSent', data: campaignId ? { ...data, campaignId } : data }];
    }
    if (state.status === 'none') throw new UnknownKudosError(`No kudos ${command.kudosId}`);
    switch (command.type) {
      case 'AddKudosReaction':
      case 'RemoveKudosReaction': {
        const { kudosId, by, emoji } = command;
        const { toIds } = state;
        const personId = by.personId;
        if (!canSeeKudos(state, by)) throw new UnknownKudosError(`No kudos ${kudosId}`);
        if (state.status !== 'sent') throw new KudosRemovedError(`Kudos ${kudosId} were ${state.status}`);
        if ([...emoji].length < 1 || [...emoji].length > MAX_EMOJI || /\s/u.test(emoji)) {
          throw new InvalidEmojiError(`An emoji is 1 to ${MAX_EMOJI} characters without spaces`);
        }
        const standing = state.reactions.includes(reactionKey(personId, emoji));
        if (command.type === 'AddKudosReaction') {
          return standing ? [] : [{ type: 'KudosReactionAdded', data: { kudosId, personId, emoji, toIds } }];
        }
        return standing ? [{ type: 'KudosReactionRemoved', data: { kudosId, personId, emoji, toIds } }] : [];
      }
      case 'RetractKudos':
        if (!canSeeKudos(state, command.by)) throw new UnknownKudosError(`No kudos ${command.kudosId}`);
        if (command.by.personId !== state.fromId) throw new NotKudosSenderError('Only the sender retracts kudos');
        return state.status === 'sent'
          ? [{ type: 'KudosRetracted', data: { kudosId: state.kudosId, by: command.by.personId } }]
          : [];
      case 'HideKudos': {
        if (!command.byRoles.includes('admin')) throw new KudosHideNotAllowedError('Only an admin hides kudos');
        const reason = command.reason.trim();
        if (reason.length < 1 || reason.length > MAX_KUDOS_MESSAGE) {
          throw new InvalidKudosError(`A reason of 1 to ${MAX_KUDOS_MESSAGE} characters is needed`);
        }
        return state.status === 'sent'
          ? [{ type: 'KudosHidden', data: { kudosId: state.kudosId, reason, by: command.by } }]
          : [];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'KudosSent': {
        const { kudosId, fromId, toIds, visibility, fromTeamId, toTeamIds } = event.data;
        return { status: 'sent', kudosId, fromId, toIds, visibility, fromTeamId, toTeamIds, reactions: [] };
      }
      case 'KudosReactionAdded':
        if (state.status === 'none') return state;
        return { ...state, reactions: [...state.reactions, reactionKey(event.data.personId, event.data.emoji)] };
      case 'KudosReactionRemoved': {
        if (state.status === 'none') return state;
        const removed = reactionKey(event.data.personId, event.data.emoji);
        return { ...state, reactions: state.reactions.filter((key) => key !== removed) };
      }
      case 'KudosRetracted':
        return state.status === 'sent' ? { ...state, status: 'retracted' } : state;
      case 'KudosHidden':
        return state.status === 'sent' ? { ...state, status: 'hidden' } : state;
      default:
        return state;
    }
  },
};
