import type { Role } from './actor';

/** What the directory says about a person now. */
export interface DirectoryStanding {
  status: 'active' | 'offboarded';
  roles: readonly Role[];
  teamId: string;
}

/** A standing, and whose it is. */
export interface PersonStanding extends DirectoryStanding {
  personId: string;
}

/**
 * The directory's port for authentication, the one authority for what a person may do: read
 * on every authenticated request, never cached past a change, so a move or an offboarding
 * counts at once. The directory context implements it.
 */
export abstract class DirectoryAccess {
  /** Undefined for someone the directory has never enrolled. */
  abstract standingOf(personId: string): Promise<DirectoryStanding | undefined>;

  /**
   * The person linked to this identity (the value of the token's identity claim), and their
   * standing; undefined when nobody is.
   */
  abstract standingOfIdentity(identity: string): Promise<PersonStanding | undefined>;
}
