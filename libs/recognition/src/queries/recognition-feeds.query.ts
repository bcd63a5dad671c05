import { Query } from '@nestjs/cqrs';
import type { Page } from '@frontline/read-models';
import type { KudosViewer } from '../domain/kudos-visibility';
import type { Feed } from '../projections/recognition-feed.keys';
import type { KudosItem } from './feed-kudos';

/** For the recognition dashboard until it imports `pairs` from './feed-kudos'. */
export { pairs } from './feed-kudos';

/**
 * A page of the org's, a team's or a person's recognition feed, newest first, showing `viewer`
 * (with their team as the directory has it now) only the kudos they may see.
 */
export class RecognitionFeedsQuery extends Query<{ items: KudosItem[]; nextCursor: string | null }> {
  constructor(
    readonly viewer: KudosViewer,
    readonly feed: Feed,
    readonly page: Page,
  ) {
    super();
  }
}
