import { Query } from '@nestjs/cqrs';
import type { Actor } from '@frontline/platform';
import type { Page } from '@frontline/read-models';

/**
 * The members of a team nobody has recognised for `days` days before `now`, by name, for that
 * team's own lead: who might need a word of thanks. Never counts per person, never an order by
 * anything but name.
 */
export class RecognitionGapsQuery extends Query<{
  teamId: string;
  days: number;
  items: { personId: string; displayName: string }[];
  nextCursor: string | null;
}> {
  constructor(
    readonly lead: Actor,
    readonly teamId: string,
    readonly days: number,
    readonly page: Page,
    readonly now: Date,
  ) {
    super();
  }
}
