import type { Role } from './actor';

/** What the directory says about a person now. */
export interface DirectoryStanding {
  status: 'active' | 'offboarded';
  roles: readonly Role[];
  teamId: string;
}

/**
 * The directory's port for authentication, the one authority for what a person may do: read
 * on every authenticated request, never cached, so a move or an offboarding counts at once.
 * The directory context implements it.
 */
export abstract class DirectoryAccess {
  /** Undefined for someone the directory has never enrolled. */
  abstract standingOf(personId: string): Promise<DirectoryStanding | undefined>;
}
