import type { IncidentAccessVia, IncidentReaderRole, IncidentsAccessed } from './incident-access.events';
import type { IncidentActor, IncidentRelation } from './incident.policy';

/** An incident in an answer: how the reader relates to it, and whether its narrative is in the answer. */
export interface GivenIncident {
  incidentId: string;
  relation: IncidentRelation;
  narrative: boolean;
}

/**
 * What an answer gave its reader of the incidents it holds, to be recorded before it is sent; none
 * when the answer holds nothing but the reader's own incidents.
 */
export function incidentsAccessed(
  reader: IncidentActor,
  via: IncidentAccessVia,
  given: readonly GivenIncident[],
  now: Date,
): IncidentsAccessed | undefined {
  // The reporter's own reads are theirs; a relation of 'none' never gets an answer at all.
  const others = given.filter(({ relation }) => relation === 'team_lead' || relation === 'wellbeing_officer');
  if (others.length === 0) return undefined;
  return {
    type: 'IncidentsAccessed',
    data: {
      readerId: reader.personId,
      role: readerRole(others.map(({ relation }) => relation as IncidentReaderRole)),
      via,
      at: now.toISOString(),
      incidents: others.map(({ incidentId, narrative }) => ({ incidentId, narrative })),
    },
  };
}

/** The role the answer was given in: a wellbeing officer's, if it was that for any incident of it. */
function readerRole(relations: IncidentReaderRole[]): IncidentReaderRole {
  return relations.includes('wellbeing_officer') ? 'wellbeing_officer' : 'team_lead';
}
