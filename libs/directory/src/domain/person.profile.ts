import type { PersonEvent } from './person.events';

/**
 * A person as provisioning shows them: what the decider needs and, besides, the ciphertexts of
 * their name and identity, which it does not. Undefined for someone never enrolled.
 */
export interface PersonProfile {
  personId: string;
  status: 'active' | 'offboarded';
  teamId: string;
  roles: string[];
  displayName: string;
  identity?: { userName: string; externalId?: string };
  erased: boolean;
}

export function personProfile(events: readonly PersonEvent[]): PersonProfile | undefined {
  let profile: PersonProfile | undefined;
  for (const event of events) {
    if (event.type === 'PersonEnrolled') {
      const { personId, teamId, roles, displayName } = event.data;
      profile = { personId, status: 'active', teamId, roles, displayName, erased: false };
    } else if (profile) profile = { ...profile, ...changeOf(event) };
  }
  return profile;
}

function changeOf(event: PersonEvent): Partial<PersonProfile> {
  switch (event.type) {
    case 'PersonMovedTeam':
      return { teamId: event.data.toTeamId };
    case 'PersonOffboarded':
      return { status: 'offboarded' };
    case 'PersonReinstated':
      return { status: 'active' };
    case 'PersonalDataErased':
      return { erased: true };
    case 'PersonRenamed':
      return { displayName: event.data.displayName };
    case 'PersonRolesChanged':
      return { roles: event.data.roles };
    case 'PersonIdentityLinked': {
      const { userName, externalId } = event.data;
      return { identity: { userName, ...(externalId ? { externalId } : {}) } };
    }
    case 'PersonIdentityUnlinked':
      return { identity: undefined };
    default:
      return {};
  }
}
