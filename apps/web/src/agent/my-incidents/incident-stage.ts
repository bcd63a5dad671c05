import type { components } from '../../api/schema.gen';

type Incident = Pick<components['schemas']['IncidentResponse'], 'status' | 'acknowledged' | 'escalations'>;
export type IncidentStage = components['schemas']['IncidentSummaryResponse']['status'];

/** Where an incident stands, as the lists say it: an open one is acknowledged, or escalated, or still waiting. */
export function incidentStage(incident: Incident): IncidentStage {
  if (incident.status !== 'open') return incident.status;
  if (incident.acknowledged) return 'acknowledged';
  return incident.escalations?.length ? 'escalated' : 'open';
}
