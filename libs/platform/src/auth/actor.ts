import { DomainError } from '@frontline/decider';

export const ROLES = ['agent', 'team_lead', 'wellbeing_officer', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/**
 * Who makes a request: the token's `sub`, with the roles and team the directory gives them now
 * (never the token's claims). `teamId` is absent only for someone the directory does not know.
 */
export interface Actor {
  personId: string;
  roles: readonly Role[];
  teamId?: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/** 403, not 404: the caller is signed in, but the directory does not count them in (any more). */
export class NotEnrolledError extends DomainError {
  readonly code = 'not-enrolled';
  readonly kind = 'forbidden';
}

/** The caller's team as the directory has it; someone it does not know has none and acts for no team. */
export function ownTeamOf(actor: Actor): string {
  if (actor.teamId === undefined) throw new NotEnrolledError(`${actor.personId} is not enrolled in any team`);
  return actor.teamId;
}
