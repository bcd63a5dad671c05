import { Query } from '@nestjs/cqrs';
import type { Actor } from '@frontline/platform';
import type { Page } from '@frontline/read-models';
import type { InboxItem } from './inbox-reader';

/** The viewer's own inbox, newest first, with how many items are unread. */
export class InboxQuery extends Query<{ items: InboxItem[]; unread: number; nextCursor: string | null }> {
  constructor(
    readonly viewer: Actor,
    readonly page: Page,
  ) {
    super();
  }
}
