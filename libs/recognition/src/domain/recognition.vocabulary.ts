/** The five skills of great service teams, plus ownership. */
export const KUDOS_VALUES = [
  'clear_writing',
  'active_listening',
  'reading_reactions',
  'empathy',
  'teamwork',
  'ownership',
  'above_and_beyond',
] as const;
export type KudosValue = (typeof KUDOS_VALUES)[number];

export const VISIBILITIES = ['public', 'team', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const PRAISE_SOURCES = ['call', 'chat', 'email', 'survey', 'social', 'other'] as const;
export type PraiseSource = (typeof PRAISE_SOURCES)[number];

export const MAX_RECIPIENTS = 10;
export const MAX_KUDOS_MESSAGE = 500;
export const MAX_KUDOS_VALUES = 3;
export const MAX_EMOJI = 16;
export const MAX_PRAISE_QUOTE = 1000;
export const DEFAULT_KUDOS_DAILY_ALLOWANCE = 20;

/** What the directory says about a person, as the recognition rules need it. */
export interface PersonFacts {
  status: 'none' | 'active' | 'offboarded';
  teamId?: string;
  /** The site of their team, where the facts it goes into need it. */
  siteId?: string;
}
