import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Paging, ReadModels } from '@frontline/read-models';
import { incidentQueueProjection } from '../projections/incident-queue.projection';
import { incidentSummaries } from './incident-summary';
import { MyIncidentsQuery } from './my-incidents.query';

@QueryHandler(MyIncidentsQuery)
export class MyIncidentsHandler implements IQueryHandler<MyIncidentsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async execute({ agentId, page }: MyIncidentsQuery) {
    const keys = await this.readModels.layout(incidentQueueProjection);
    const { members, nextCursor } = await this.paging.sortedSet(
      this.readModels.redis,
      'my-incidents',
      keys.agentIncidents(agentId),
      page,
      'newest_first',
    );
    return { items: await incidentSummaries(this.readModels, keys, members), nextCursor };
  }
}
