import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Paging } from '@frontline/read-models';
import { InboxReader } from './inbox-reader';
import { InboxQuery } from './inbox.query';

@QueryHandler(InboxQuery)
export class InboxHandler implements IQueryHandler<InboxQuery> {
  constructor(
    private readonly reader: InboxReader,
    private readonly paging: Paging,
  ) {}

  async execute({ viewer, page: { cursor, limit } }: InboxQuery) {
    const list = `inbox:${viewer.personId}`;
    const [before] = cursor === undefined ? [undefined] : this.paging.open<[string]>(list, cursor, ['string']);
    const keys = await this.reader.keys();
    const audiences = await this.reader.audiences(keys, viewer);
    const [ids, upTo] = await Promise.all([
      this.reader.ids(keys, audiences, 'newest_first', before, limit + 1),
      this.reader.readUpTo(keys, viewer.personId),
    ]);
    const page = ids.slice(0, limit);
    const [items, unread] = await Promise.all([
      this.reader.items(keys, page),
      this.reader.unread(keys, audiences, upTo),
    ]);
    return {
      items: items.map((item) => ({ ...item, read: upTo !== null && item.id <= upTo })),
      unread,
      nextCursor: ids.length > limit ? this.paging.seal(list, [page[page.length - 1]]) : null,
    };
  }
}
