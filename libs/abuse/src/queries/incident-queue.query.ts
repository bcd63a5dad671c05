import { Query } from '@nestjs/cqrs';
import type { Actor } from '@frontline/platform';
import type { Page } from '@frontline/read-models';
import type { QueueStatus } from '../projections/incident-queue.keys';
import type { IncidentSummary } from './incident-summary';

export interface IncidentQueueFilter {
  status?: QueueStatus;
  teamId?: string;
}

/** An incident in a carer's queue, with the clock of the acknowledge SLA. */
export interface QueuedIncident extends IncidentSummary {
  ackDueAt: string;
  overdue: boolean;
}

/** The open incidents `carer` acts on, oldest due first; `now` says which are overdue. */
export class IncidentQueueQuery extends Query<{ items: QueuedIncident[]; nextCursor: string | null }> {
  constructor(
    readonly carer: Actor,
    readonly filter: IncidentQueueFilter,
    readonly page: Page,
    readonly now: Date,
  ) {
    super();
  }
}
