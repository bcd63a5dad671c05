import type { Visibility } from './recognition.vocabulary';

/** Whom a kudos is for, and where the sender and recipients were when it was sent. */
export interface KudosAudience {
  visibility: Visibility;
  fromId: string;
  toIds: readonly string[];
  /** The teams at the time of sending (`toTeamIds[i]` is the team of `toIds[i]`); absent on older kudos. */
  fromTeamId?: string;
  toTeamIds?: readonly string[];
}

/** Whoever looks, with their team as the directory has it now (none for someone in no team). */
export interface KudosViewer {
  personId: string;
  teamId?: string;
}

/**
 * The one rule for who may see a kudos, and so find it in a feed, react to it or learn it
 * exists. public: everyone; private: the sender and recipients; team: those, and today's
 * members of the teams the sender and recipients were in when it was sent.
 */
export function canSeeKudos(kudos: KudosAudience, viewer: KudosViewer): boolean {
  const { visibility, fromId, toIds, fromTeamId, toTeamIds = [] } = kudos;
  if (visibility === 'public' || fromId === viewer.personId || toIds.includes(viewer.personId)) return true;
  if (visibility !== 'team' || viewer.teamId === undefined) return false;
  return fromTeamId === viewer.teamId || toTeamIds.includes(viewer.teamId);
}
