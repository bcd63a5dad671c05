import type { IncidentState } from './incident.decider';
import { type IncidentActor, IncidentNotFoundError, relationTo } from './incident.policy';

export type IncidentRecord = Exclude<IncidentState, { status: 'none' }>;

/**
 * The incident as this actor may see it; `narrative` is still ciphertext here. The reporter and
 * wellbeing officers see everything; the team lead sees the narrative only when the reporter shared
 * it and never the customer's pseudonym; anyone else learns nothing, not even that it exists.
 */
export function incidentViewFor(actor: IncidentActor, state: IncidentState, incidentId: string) {
  if (state.status === 'none') throw new IncidentNotFoundError(`No incident ${incidentId}`);
  const relation = relationTo(actor, state);
  if (relation === 'none') throw new IncidentNotFoundError(`No incident ${incidentId}`);
  const { customerPseudonym, narrative, ...rest } = state;
  const seesNarrative = relation !== 'team_lead' || state.shareNarrativeWithLead;
  return {
    ...rest,
    ...(relation !== 'team_lead' && customerPseudonym !== undefined ? { customerPseudonym } : {}),
    ...(seesNarrative && narrative !== undefined ? { narrative } : {}),
  };
}
