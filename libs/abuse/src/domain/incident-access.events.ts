import type { DomainEvent } from '@frontline/decider';

/** Who may be given someone else's incident: their team lead, or a wellbeing officer. */
export type IncidentReaderRole = 'team_lead' | 'wellbeing_officer';

/** Where it was given: opened whole (`GET /v1/incidents/{id}`), or as an entry of a queue page. */
export type IncidentAccessVia = 'incident' | 'queue';

/**
 * Someone other than the reporter was given incidents: one event per answer, listing each incident
 * and whether its narrative was in what they saw. No personal data: the reader is named by id, and
 * their name is read at the reporter's request, so an erased reader reads as erased.
 */
export type IncidentsAccessed = DomainEvent<
  'IncidentsAccessed',
  {
    readerId: string;
    role: IncidentReaderRole;
    via: IncidentAccessVia;
    at: string;
    incidents: { incidentId: string; narrative: boolean }[];
  }
>;

export type IncidentAccessEvent = IncidentsAccessed;
