import { type Decider, DomainError, assertNever } from '@frontline/decider';
import type { PersonEvent } from './person.events';

export type PersonState =
  | { status: 'none' }
  | {
      status: 'active' | 'offboarded';
      personId: string;
      teamId: string;
      roles: string[];
      timezone: string;
      erased: boolean;
    };

export type PersonCommand =
  | { type: 'EnrolPerson'; personId: string; teamId: string; displayName: string; roles: string[]; timezone: string }
  | { type: 'MovePerson'; personId: string; toTeamId: string }
  | { type: 'OffboardPerson'; personId: string }
  | { type: 'ErasePersonalData'; personId: string };

export class PersonAlreadyEnrolledError extends DomainError {
  readonly code = 'person-already-enrolled';
  readonly kind = 'conflict';
}

export class UnknownPersonError extends DomainError {
  readonly code = 'unknown-person';
  readonly kind = 'not_found';
}

export class PersonNotActiveError extends DomainError {
  readonly code = 'person-not-active';
  readonly kind = 'conflict';
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'EnrolPerson') {
      if (state.status !== 'none') throw new PersonAlreadyEnrolledError(`${command.personId} is enrolled already`);
      const { personId, teamId, displayName, roles, timezone } = command;
      return [{ type: 'PersonEnrolled', data: { personId, teamId, displayName, roles, timezone } }];
    }
    if (state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${command.personId}`);
    switch (command.type) {
      case 'MovePerson':
        if (state.status !== 'active') throw new PersonNotActiveError(`${command.personId} has left`);
        if (state.teamId === command.toTeamId) return [];
        return [
          {
            type: 'PersonMovedTeam',
            data: { personId: state.personId, fromTeamId: state.teamId, toTeamId: command.toTeamId },
          },
        ];
      case 'OffboardPerson':
        return state.status === 'active'
          ? [{ type: 'PersonOffboarded', data: { personId: state.personId, teamId: state.teamId } }]
          : [];
      case 'ErasePersonalData':
        return state.erased ? [] : [{ type: 'PersonalDataErased', data: { personId: state.personId } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonEnrolled': {
        const { personId, teamId, roles, timezone } = event.data;
        return { status: 'active', personId, teamId, roles, timezone, erased: false };
      }
      case 'PersonMovedTeam':
        return state.status === 'none' ? state : { ...state, teamId: event.data.toTeamId };
      case 'PersonOffboarded':
        return state.status === 'none' ? state : { ...state, status: 'offboarded' };
      case 'PersonalDataErased':
        return state.status === 'none' ? state : { ...state, erased: true };
      default:
        return state;
    }
  },
};
