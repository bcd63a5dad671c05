import { DomainError, ForbiddenError } from '@frontline/decider';

/** Who acts on an incident: the person, with their roles and team as the directory has them now. */
export interface IncidentActor {
  personId: string;
  roles: readonly string[];
  teamId?: string;
}

export class IncidentNotFoundError extends DomainError {
  readonly code = 'incident-not-found';
  readonly kind = 'not_found';
}

/** Acting on the incident: the reporter's own choices, or care given by their lead or a wellbeing officer. */
export type IncidentPart = 'reporter' | 'carer';

export type IncidentRelation = 'reporter' | 'wellbeing_officer' | 'team_lead' | 'none';

/** The closest relation wins: the reporter sees their own incident as its reporter, whatever their roles. */
export function relationTo(actor: IncidentActor, incident: { agentId: string; teamId: string }): IncidentRelation {
  if (actor.personId === incident.agentId) return 'reporter';
  if (actor.roles.includes('wellbeing_officer')) return 'wellbeing_officer';
  if (actor.roles.includes('team_lead') && actor.teamId === incident.teamId) return 'team_lead';
  return 'none';
}

/**
 * Throws unless the actor may play this part. Someone with no relation to the incident learns
 * nothing, not even that it exists (404); someone who may see it but not do this gets 403.
 */
export function authorise(
  actor: IncidentActor,
  incident: { incidentId: string; agentId: string; teamId: string },
  part: IncidentPart,
): void {
  const relation = relationTo(actor, incident);
  if (relation === 'none') throw new IncidentNotFoundError(`No incident ${incident.incidentId}`);
  if (part === 'reporter' && relation !== 'reporter') {
    throw new ForbiddenError('Only the agent who reported the incident may do this');
  }
  if (part === 'carer' && !mayCare(actor, incident)) {
    throw new ForbiddenError("Only the agent's team lead or a wellbeing officer may do this");
  }
}

/** A wellbeing officer cares for anyone; a team lead for their own team, even when they reported it themself. */
function mayCare(actor: IncidentActor, incident: { teamId: string }): boolean {
  return (
    actor.roles.includes('wellbeing_officer') || (actor.roles.includes('team_lead') && actor.teamId === incident.teamId)
  );
}
