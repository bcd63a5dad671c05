import { personDecider, personStream } from '@frontline/directory';
import type { Actor, CommandExecutor } from '@frontline/platform';
import type { IncidentActor } from '../domain/incident.policy';

/** The actor with their team as the directory knows it now; someone who left has no team. */
export async function incidentActor(executor: CommandExecutor, actor: Actor): Promise<IncidentActor> {
  const { state } = await executor.load(personStream(actor.personId), personDecider);
  const teamId = state.status === 'active' ? state.teamId : undefined;
  return { personId: actor.personId, roles: actor.roles, ...(teamId ? { teamId } : {}) };
}
