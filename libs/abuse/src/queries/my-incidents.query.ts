import { Injectable } from '@nestjs/common';
import { type Page, Paging, ReadModels } from '@frontline/read-models';
import { incidentQueueProjection } from '../projections/incident-queue.projection';
import { incidentSummaries } from './incident-summary';

/** The caller's own incidents, newest first, whatever became of them. */
@Injectable()
export class MyIncidentsQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async of(agentId: string, page: Page) {
    const keys = await this.readModels.layout(incidentQueueProjection);
    const mine = keys.agentIncidents(agentId);
    const { members, nextCursor } = await this.paging.sortedSet(
      this.readModels.redis,
      'my-incidents',
      mine,
      page,
      'newest_first',
    );
    return { items: await incidentSummaries(this.readModels, keys, members), nextCursor };
  }
}
