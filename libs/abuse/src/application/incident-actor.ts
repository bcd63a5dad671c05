import { DomainError } from '@frontline/decider';
import { personDecider, personStream } from '@frontline/directory';
import type { Actor, CommandExecutor } from '@frontline/platform';
import type { IncidentActor } from '../domain/incident.policy';

export class NotEnrolledError extends DomainError {
  readonly code = 'not-enrolled';
  readonly kind = 'forbidden';
}

/** The actor with their team as the directory knows it now; someone who left has no team. */
export async function incidentActor(executor: CommandExecutor, actor: Actor): Promise<IncidentActor> {
  const { state } = await executor.load(personStream(actor.personId), personDecider);
  const teamId = state.status === 'active' ? state.teamId : undefined;
  return { personId: actor.personId, roles: actor.roles, ...(teamId ? { teamId } : {}) };
}

/** The team of someone enrolled and active, or NotEnrolledError. */
export async function activeTeamOf(executor: CommandExecutor, personId: string): Promise<string> {
  const { state } = await executor.load(personStream(personId), personDecider);
  if (state.status !== 'active') throw new NotEnrolledError(`${personId} is not an enrolled, active person`);
  return state.teamId;
}
