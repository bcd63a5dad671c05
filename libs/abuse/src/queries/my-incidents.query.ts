import { Injectable } from '@nestjs/common';
import { ReadModels } from '@frontline/read-models';
import { incidentSummaries } from './incident-summary';
import { type Page, sortedSetPage } from './sorted-set-page';

/** The caller's own incidents, newest first, whatever became of them. */
@Injectable()
export class MyIncidentsQuery {
  constructor(private readonly readModels: ReadModels) {}

  async of(agentId: string, page: Page) {
    const keys = await this.readModels.keys('incidentQueue');
    const mine = keys.key('agent', agentId, 'incidents');
    const { members, nextCursor } = await sortedSetPage(this.readModels.redis, mine, page, 'newest_first');
    return { items: await incidentSummaries(this.readModels, keys, members), nextCursor };
  }
}
