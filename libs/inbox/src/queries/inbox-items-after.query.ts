import { Query } from '@nestjs/cqrs';
import type { InboxViewer } from '../inbox-topics';
import type { InboxItem } from './inbox-reader';

/** For live updates: the viewer's items after an item id (all when absent), oldest first, at most `limit`. */
export class InboxItemsAfterQuery extends Query<{ items: InboxItem[] }> {
  constructor(
    readonly viewer: InboxViewer,
    readonly afterId: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
