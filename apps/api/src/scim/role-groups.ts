import { v5 as uuidV5 } from 'uuid';
import type { AppConfig, Role } from '@frontline/platform';

// Namespace of the ids of role groups, so that each keeps its id across restarts and instances.
const ROLE_GROUP_IDS = '4b0d8c62-1f7e-5a39-9d24-7c5e3b1a6f08';

/** A SCIM group that stands for one of Frontline's roles, as SCIM_ROLE_GROUPS names it. */
export interface RoleGroup {
  id: string;
  displayName: string;
  role: Role;
}

export function roleGroupsOf(config: AppConfig): RoleGroup[] {
  return config.SCIM_ROLE_GROUPS.split(',').map((pair) => {
    const [displayName, role] = pair.split('=') as [string, Role];
    return { id: uuidV5(`role:${role}:${displayName}`, ROLE_GROUP_IDS), displayName: displayName.trim(), role };
  });
}

/** Roles from role-group membership; someone in none is an agent. */
export function rolesWith(roles: readonly string[], change: { add?: Role[]; remove?: Role[] }): string[] {
  const next = new Set(roles);
  for (const role of change.add ?? []) next.add(role);
  for (const role of change.remove ?? []) next.delete(role);
  return next.size === 0 ? ['agent'] : [...next];
}
