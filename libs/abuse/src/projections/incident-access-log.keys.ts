import type { Keyspace } from '@frontline/read-models';

/** One entry of an incident's access log, as its hash holds it (JSON). */
export interface IncidentAccessEntry {
  readerId: string;
  role: 'team_lead' | 'wellbeing_officer';
  via: 'incident' | 'queue';
  narrative: boolean;
  at: string;
}

/**
 * The incident access log's keys, for its projection and its query: `incident:<incidentId>`, the
 * entry ids (`<eventId>:<place in the event>` for an opening, `queue:<readerId>:<date>` for a
 * reader's queue sightings of a day) scored by when the access was recorded, and
 * `incident:<incidentId>:entries`, each entry id's `IncidentAccessEntry`.
 */
export const incidentAccessLogKeys = (keys: Keyspace) => ({
  log: (incidentId: string) => keys.key('incident', incidentId),
  entries: (incidentId: string) => keys.key('incident', incidentId, 'entries'),
});

export type IncidentAccessLogKeys = ReturnType<typeof incidentAccessLogKeys>;

/** Fields in a fixed order, so the same entry is always written the same. */
export const encodeAccessEntry = ({ readerId, role, via, narrative, at }: IncidentAccessEntry): string =>
  JSON.stringify({ readerId, role, via, narrative, at });

export const decodeAccessEntry = (json: string): IncidentAccessEntry => JSON.parse(json) as IncidentAccessEntry;
