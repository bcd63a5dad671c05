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
      /** The site of their team as their events recorded it; absent if those predate sites. */
      siteId?: string;
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
      siteId: string;
      now: Date;
      displayNameKey?: string;
      /** Linked in the same append, when they sign in through an identity provider. */
      identity?: LinkedIdentity;
    }
  | ({ type: 'MovePerson'; personId: string; toTeamId: string; toSiteId: string } & MembershipChange)
  | ({ type: 'OffboardPerson'; personId: string } & MembershipChange)
  | { type: 'ErasePersonalData'; personId: string }
  | { type: 'RenamePerson'; personId: string; displayName: string; displayNameKey: string }
  | { type: 'ChangeRoles'; personId: string; roles: string[] }
  /** Back in the team they left, whose site `currentSiteId` says if their events predate sites. */
  | ({ type: 'ReinstatePerson'; personId: string } & MembershipChange)
  | {
      type: 'LinkIdentity';
      personId: string;
      userName: string;
      userNameKey: string;
      externalId?: string;
      externalIdKey?: string;
    }
  | { type: 'UnlinkIdentity'; personId: string };

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

export class NoRolesError extends DomainError {
  readonly code = 'no-roles';
  readonly kind = 'invalid';
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

function move(state: Enrolled, command: Extract<PersonCommand, { type: 'MovePerson' }>): PersonEvent[] {
  if (state.status !== 'active') throw new PersonNotActiveError(`${state.personId} has left`);
  if (state.teamId === command.toTeamId) return [];
  const { toTeamId, toSiteId } = command;
  const from = { fromTeamId: state.teamId, fromSiteId: siteNow(state, command) };
  const at = command.now.toISOString();
  return [{ type: 'PersonMovedTeam', data: { personId: state.personId, ...from, toTeamId, toSiteId, at } }];
}

function offboard(state: Enrolled, command: MembershipChange): PersonEvent[] {
  if (state.status !== 'active') return [];
  const where = { teamId: state.teamId, siteId: siteNow(state, command), at: command.now.toISOString() };
  return [{ type: 'PersonOffboarded', data: { personId: state.personId, ...where } }];
}

function changeRoles(state: Enrolled, roles: string[]): PersonEvent[] {
  if (roles.length === 0) throw new NoRolesError(`${state.personId} needs at least one role`);
  return sameRoles(state.roles, roles)
    ? []
    : [{ type: 'PersonRolesChanged', data: { personId: state.personId, roles } }];
}

/** A membership change as an enrolment is: they count in their team and its site again from `now`. */
function reinstate(state: Enrolled, command: MembershipChange): PersonEvent[] {
  if (state.status === 'active') return [];
  if (state.erased) throw new PersonNotActiveError(`${state.personId}'s personal data was erased; enrol them anew`);
  const where = { teamId: state.teamId, siteId: siteNow(state, command), at: command.now.toISOString() };
  return [{ type: 'PersonReinstated', data: { personId: state.personId, ...where } }];
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
      const { type: _, identity, now, ...data } = command;
      if (data.roles.length === 0) throw new NoRolesError(`${command.personId} needs at least one role`);
      const enrolled: PersonEvent = { type: 'PersonEnrolled', data: { ...data, at: now.toISOString() } };
      return identity ? [enrolled, linked(command.personId, identity)] : [enrolled];
    }
    if (state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${command.personId}`);
    const { personId } = state;
    switch (command.type) {
      case 'MovePerson':
        return move(state, command);
      case 'OffboardPerson':
        return offboard(state, command);
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
        return reinstate(state, command);
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
      const { personId, teamId, roles, timezone, displayNameKey, siteId } = event.data;
      return { status: 'active', personId, teamId, roles, timezone, erased: false, displayNameKey, siteId };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'PersonMovedTeam': {
        const { toTeamId: teamId, toSiteId: siteId } = event.data;
        return { ...state, teamId, siteId };
      }
      case 'PersonOffboarded':
        return { ...state, status: 'offboarded' };
      case 'PersonalDataErased':
        return { ...state, erased: true };
      case 'PersonRenamed':
        return { ...state, displayNameKey: event.data.displayNameKey };
      case 'PersonRolesChanged':
        return { ...state, roles: event.data.roles };
      case 'PersonReinstated':
        return { ...state, status: 'active', ...(event.data.siteId ? { siteId: event.data.siteId } : {}) };
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

/** The site they are in; if neither their events nor the command know it, their team, as readers assume. */
function siteNow(state: Enrolled, command: MembershipChange): string {
  return state.siteId ?? command.currentSiteId ?? state.teamId;
}
