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
      displayNameKey?: string;
      identity?: { userNameKey: string; externalIdKey?: string };
    };

type Enrolled = Exclude<PersonState, { status: 'none' }>;

/** An identity as events hold it: each value ciphertext, with its key. */
export interface LinkedIdentity {
  userName: string;
  userNameKey: string;
  externalId?: string;
  externalIdKey?: string;
}

export type PersonCommand =
  | {
      type: 'EnrolPerson';
      personId: string;
      teamId: string;
      displayName: string;
      roles: string[];
      timezone: string;
      displayNameKey?: string;
      /** Linked in the same append, when they sign in through an identity provider. */
      identity?: LinkedIdentity;
    }
  | { type: 'MovePerson'; personId: string; toTeamId: string }
  | { type: 'OffboardPerson'; personId: string }
  | { type: 'ErasePersonalData'; personId: string }
  | { type: 'RenamePerson'; personId: string; displayName: string; displayNameKey: string }
  | { type: 'ChangeRoles'; personId: string; roles: string[] }
  | { type: 'ReinstatePerson'; personId: string }
  | {
      type: 'LinkIdentity';
      personId: string;
      userName: string;
      userNameKey: string;
      externalId?: string;
      externalIdKey?: string;
    }
  | { type: 'UnlinkIdentity'; personId: string };

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

export class NoRolesError extends DomainError {
  readonly code = 'no-roles';
  readonly kind = 'invalid';
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

function move(state: Enrolled, toTeamId: string): PersonEvent[] {
  if (state.status !== 'active') throw new PersonNotActiveError(`${state.personId} has left`);
  if (state.teamId === toTeamId) return [];
  return [{ type: 'PersonMovedTeam', data: { personId: state.personId, fromTeamId: state.teamId, toTeamId } }];
}

function changeRoles(state: Enrolled, roles: string[]): PersonEvent[] {
  if (roles.length === 0) throw new NoRolesError(`${state.personId} needs at least one role`);
  return sameRoles(state.roles, roles)
    ? []
    : [{ type: 'PersonRolesChanged', data: { personId: state.personId, roles } }];
}

function reinstate(state: Enrolled): PersonEvent[] {
  if (state.status === 'active') return [];
  if (state.erased) throw new PersonNotActiveError(`${state.personId}'s personal data was erased; enrol them anew`);
  return [{ type: 'PersonReinstated', data: { personId: state.personId, teamId: state.teamId } }];
}

const linked = (
  personId: string,
  { userName, userNameKey, externalId, externalIdKey }: LinkedIdentity,
): PersonEvent => ({
  type: 'PersonIdentityLinked',
  data: { personId, userName, userNameKey, ...(externalIdKey ? { externalId, externalIdKey } : {}) },
});

function linkIdentity(state: Enrolled, command: Extract<PersonCommand, { type: 'LinkIdentity' }>): PersonEvent[] {
  const { type: _, personId, ...identity } = command;
  const current = state.identity;
  if (current?.userNameKey === identity.userNameKey && current.externalIdKey === identity.externalIdKey) return [];
  return [linked(personId, identity)];
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'EnrolPerson') {
      if (state.status !== 'none') throw new PersonAlreadyEnrolledError(`${command.personId} is enrolled already`);
      const { type: _, identity, ...data } = command;
      if (data.roles.length === 0) throw new NoRolesError(`${command.personId} needs at least one role`);
      const enrolled: PersonEvent = { type: 'PersonEnrolled', data };
      return identity ? [enrolled, linked(command.personId, identity)] : [enrolled];
    }
    if (state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${command.personId}`);
    const { personId } = state;
    switch (command.type) {
      case 'MovePerson':
        return move(state, command.toTeamId);
      case 'OffboardPerson':
        return state.status === 'active'
          ? [{ type: 'PersonOffboarded', data: { personId, teamId: state.teamId } }]
          : [];
      case 'ErasePersonalData':
        return state.erased ? [] : [{ type: 'PersonalDataErased', data: { personId } }];
      case 'RenamePerson':
        return state.displayNameKey === command.displayNameKey
          ? []
          : [
              {
                type: 'PersonRenamed',
                data: { personId, displayName: command.displayName, displayNameKey: command.displayNameKey },
              },
            ];
      case 'ChangeRoles':
        return changeRoles(state, command.roles);
      case 'ReinstatePerson':
        return reinstate(state);
      case 'LinkIdentity':
        return linkIdentity(state, command);
      case 'UnlinkIdentity':
        return state.identity ? [{ type: 'PersonIdentityUnlinked', data: { personId } }] : [];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'PersonEnrolled') {
      const { personId, teamId, roles, timezone, displayNameKey } = event.data;
      return { status: 'active', personId, teamId, roles, timezone, erased: false, displayNameKey };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'PersonMovedTeam':
        return { ...state, teamId: event.data.toTeamId };
      case 'PersonOffboarded':
        return { ...state, status: 'offboarded' };
      case 'PersonalDataErased':
        return { ...state, erased: true };
      case 'PersonRenamed':
        return { ...state, displayNameKey: event.data.displayNameKey };
      case 'PersonRolesChanged':
        return { ...state, roles: event.data.roles };
      case 'PersonReinstated':
        return { ...state, status: 'active' };
      case 'PersonIdentityLinked': {
        const { userNameKey, externalIdKey } = event.data;
        return { ...state, identity: { userNameKey, ...(externalIdKey ? { externalIdKey } : {}) } };
      }
      case 'PersonIdentityUnlinked':
        return { ...state, identity: undefined };
      default:
        return state;
    }
  },
};
