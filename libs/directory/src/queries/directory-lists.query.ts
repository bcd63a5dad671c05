import { Query } from '@nestjs/cqrs';
import type { Role } from '@frontline/platform';
import type { Page } from '@frontline/read-models';

export interface TeamListing {
  teamId: string;
  name: string;
  parentTeamId: string | null;
}

export interface MemberListing {
  personId: string;
  /** `[erased]` once the person's data is erased. */
  displayName: string;
  roles: Role[];
}

export type Listed<T> = { items: T[]; nextCursor: string | null };

/** Every team, in id order, a page at a time: for admins only (the controller's role check). */
export class TeamsQuery extends Query<Listed<TeamListing>> {
  constructor(readonly page: Page) {
    super();
  }
}

/** The active members of one team, in id order, a page at a time: for admins only (the controller's role check). */
export class TeamMembersQuery extends Query<Listed<MemberListing>> {
  constructor(
    readonly teamId: string,
    readonly page: Page,
  ) {
    super();
  }
}
