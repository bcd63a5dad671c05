import type { DomainEvent } from '@frontline/decider';
import type { KudosValue, Visibility } from './recognition.vocabulary';

export type KudosSent = DomainEvent<
  'KudosSent',
  {
    kudosId: string;
    fromId: string;
    toIds: string[];
    message: string;
    values: KudosValue[];
    visibility: Visibility;
    campaignId?: string;
    sentAt: string;
    /** The directory's teams when it was sent (`toTeamIds[i]` is the team of `toIds[i]`): feeds and stats keep them after people move. Absent on older kudos. */
    fromTeamId?: string;
    toTeamIds?: string[];
    /** The sites of those teams, in the same order; absent on older kudos, whose readers take each team as its site. */
    fromSiteId?: string;
    toSiteIds?: string[];
  }
>;
/** `toIds`: the kudos' recipients, copied for their inbox; absent on reactions recorded before it. */
export type KudosReactionAdded = DomainEvent<
  'KudosReactionAdded',
  { kudosId: string; personId: string; emoji: string; toIds?: string[] }
>;
export type KudosReactionRemoved = DomainEvent<
  'KudosReactionRemoved',
  { kudosId: string; personId: string; emoji: string; toIds?: string[] }
>;
export type KudosRetracted = DomainEvent<'KudosRetracted', { kudosId: string; by: string }>;
export type KudosHidden = DomainEvent<'KudosHidden', { kudosId: string; reason: string; by: string }>;

export type KudosEvent = KudosSent | KudosReactionAdded | KudosReactionRemoved | KudosRetracted | KudosHidden;
