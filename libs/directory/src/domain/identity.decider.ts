import { type Decider, DomainError, assertNever } from '@frontline/decider';
import type { IdentityEvent } from './identity.events';

export type IdentityState = { status: 'free' } | { status: 'claimed'; personId: string };

export type IdentityCommand =
  { type: 'ClaimIdentity'; key: string; personId: string } | { type: 'ReleaseIdentity'; key: string; personId: string };

export class IdentityTakenError extends DomainError {
  readonly code = 'identity-taken';
  readonly kind = 'conflict';
}

/** One identity, one person: claimed again by its holder it changes nothing; by anyone else it is refused. */
export const identityDecider: Decider<IdentityCommand, IdentityEvent, IdentityState> = {
  initialState: () => ({ status: 'free' }),

  decide(command, state) {
    const { key, personId } = command;
    switch (command.type) {
      case 'ClaimIdentity':
        if (state.status === 'free') return [{ type: 'IdentityClaimed', data: { key, personId } }];
        if (state.personId === personId) return [];
        throw new IdentityTakenError('Another person has this user name or external id already');
      case 'ReleaseIdentity':
        return state.status === 'claimed' && state.personId === personId
          ? [{ type: 'IdentityReleased', data: { key, personId } }]
          : [];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'IdentityClaimed':
        return { status: 'claimed', personId: event.data.personId };
      case 'IdentityReleased':
        return { status: 'free' };
      default:
        return state;
    }
  },
};
