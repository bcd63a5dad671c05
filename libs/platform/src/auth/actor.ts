export const ROLES = ['agent', 'team_lead', 'wellbeing_officer', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who makes a request, from the verified token: `sub`, `roles`, `teamId`. */
export interface Actor {
  personId: string;
  roles: readonly Role[];
  teamId?: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
