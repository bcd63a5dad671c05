import { Query } from '@nestjs/cqrs';
import type { Actor, Role } from '@frontline/platform';

export interface Me {
  personId: string;
  displayName: string;
  roles: readonly Role[];
  teamId: string;
  teamName: string;
}

/** Who the caller is, as the directory has them now: what the browser app needs to greet them and pick their pages. */
export class WhoAmIQuery extends Query<Me> {
  constructor(readonly actor: Actor) {
    super();
  }
}
