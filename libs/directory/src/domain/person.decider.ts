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
      /** The site of their team as their events recorded it; absent if those predate sites. */
      siteId?: string;
    };

export type PersonCommand =
  | {
      type: 'EnrolPerson';
      personId: string;
      teamId: string;
      displayName: string;
      roles: string[];
      timezone: string;
      siteId: string;
      now: Date;
    }
  | ({ type: 'MovePerson'; personId: string; toTeamId: string; toSiteId: string } & MembershipChange)
  | ({ type: 'OffboardPerson'; personId: string } & MembershipChange)
  | { type: 'ErasePersonalData'; personId: string };

/** `currentSiteId` is the site of the team they are in, for a person whose events predate sites. */
type MembershipChange = { now: Date; currentSiteId?: string };

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
      const { personId, teamId, displayName, roles, timezone, siteId } = command;
      const at = command.now.toISOString();
      return [{ type: 'PersonEnrolled', data: { personId, teamId, displayName, roles, timezone, siteId, at } }];
    }
    if (state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${command.personId}`);
    switch (command.type) {
      case 'MovePerson': {
        if (state.status !== 'active') throw new PersonNotActiveError(`${command.personId} has left`);
        if (state.teamId === command.toTeamId) return [];
        const { toTeamId, toSiteId } = command;
        const from = { fromTeamId: state.teamId, fromSiteId: siteNow(state, command) };
        const at = command.now.toISOString();
        return [{ type: 'PersonMovedTeam', data: { personId: state.personId, ...from, toTeamId, toSiteId, at } }];
      }
      case 'OffboardPerson': {
        const where = { teamId: state.teamId, siteId: siteNow(state, command), at: command.now.toISOString() };
        return state.status === 'active'
          ? [{ type: 'PersonOffboarded', data: { personId: state.personId, ...where } }]
          : [];
      }
      case 'ErasePersonalData':
        return state.erased ? [] : [{ type: 'PersonalDataErased', data: { personId: state.personId } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonEnrolled': {
        const { personId, teamId, roles, timezone, siteId } = event.data;
        return { status: 'active', personId, teamId, roles, timezone, erased: false, siteId };
      }
      case 'PersonMovedTeam': {
        const { toTeamId: teamId, toSiteId: siteId } = event.data;
        return state.status === 'none' ? state : { ...state, teamId, siteId };
      }
      case 'PersonOffboarded':
        return state.status === 'none' ? state : { ...state, status: 'offboarded' };
      case 'PersonalDataErased':
        return state.status === 'none' ? state : { ...state, erased: true };
      default:
        return state;
    }
  },
};

/** The site they are in; if neither their events nor the command know it, their team, as readers assume. */
function siteNow(state: Exclude<PersonState, { status: 'none' }>, command: MembershipChange): string {
  return state.siteId ?? command.currentSiteId ?? state.teamId;
}
