import { type Decider, DomainError, assertNever } from '@frontline/decider';
import type { KudosAllowanceEvent } from './kudos-allowance.events';

/** The kudos a sender has sent on the day of the stream. */
export interface KudosAllowanceState {
  spentOn: string[];
}

export type KudosAllowanceCommand = {
  type: 'SpendKudosAllowance';
  kudosId: string;
  senderId: string;
  /** Kudos a person may send per day, from configuration. */
  allowance: number;
};

export class KudosAllowanceSpentError extends DomainError {
  readonly code = 'kudos-allowance-spent';
  readonly kind = 'conflict';
}

export const kudosAllowanceDecider: Decider<KudosAllowanceCommand, KudosAllowanceEvent, KudosAllowanceState> = {
  initialState: () => ({ spentOn: [] }),

  decide(command, state) {
    switch (command.type) {
      case 'SpendKudosAllowance':
        if (state.spentOn.includes(command.kudosId)) return [];
        if (state.spentOn.length >= command.allowance) {
          throw new KudosAllowanceSpentError(
            `${command.senderId} has sent the ${command.allowance} kudos allowed today; more tomorrow`,
          );
        }
        return [{ type: 'KudosAllowanceSpent', data: { kudosId: command.kudosId } }];
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'KudosAllowanceSpent':
        return { spentOn: [...state.spentOn, event.data.kudosId] };
      default:
        return state;
    }
  },
};
