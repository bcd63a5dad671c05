import { Query } from '@nestjs/cqrs';
import type { Actor } from '@frontline/platform';
import type { Page } from '@frontline/read-models';
import type { IncidentAccessEntry } from '../projections/incident-access-log.keys';

/** One access to the reporter's incident, with the reader's name as the directory has it now. */
export interface IncidentAccess extends IncidentAccessEntry {
  displayName: string;
}

/** Who was given the incident, newest first; for its reporter only. */
export class IncidentAccessLogQuery extends Query<{ items: IncidentAccess[]; nextCursor: string | null }> {
  constructor(
    readonly incidentId: string,
    readonly reporter: Actor,
    readonly page: Page,
  ) {
    super();
  }
}
