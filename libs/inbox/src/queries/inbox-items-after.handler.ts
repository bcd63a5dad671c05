import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InboxReader } from './inbox-reader';
import { InboxItemsAfterQuery } from './inbox-items-after.query';

@QueryHandler(InboxItemsAfterQuery)
export class InboxItemsAfterHandler implements IQueryHandler<InboxItemsAfterQuery> {
  constructor(private readonly reader: InboxReader) {}

  async execute({ viewer, afterId, limit }: InboxItemsAfterQuery) {
    const keys = await this.reader.keys();
    const audiences = await this.reader.audiences(keys, viewer);
    const ids = await this.reader.ids(keys, audiences, 'oldest_first', afterId, limit);
    return { items: await this.reader.items(keys, ids) };
  }
}
