import { Query } from '@nestjs/cqrs';
import type { Page } from '@frontline/read-models';
import type { IncidentSummary } from './incident-summary';

/** The agent's own incidents, newest first, whatever became of them. */
export class MyIncidentsQuery extends Query<{ items: IncidentSummary[]; nextCursor: string | null }> {
  constructor(
    readonly agentId: string,
    readonly page: Page,
  ) {
    super();
  }
}
