import { Query } from '@nestjs/cqrs';

export interface FoundPerson {
  personId: string;
  displayName: string;
  teamId: string;
  teamName: string;
}

/** Active colleagues whose name matches what someone typed: to send them kudos, never to list everyone. */
export class FindPeopleQuery extends Query<{ items: FoundPerson[] }> {
  constructor(readonly text: string) {
    super();
  }
}

export const FIND_PEOPLE_MIN_LENGTH = 2;
export const FIND_PEOPLE_MAX_LENGTH = 100;
export const FIND_PEOPLE_LIMIT = 20;

/** Case, accents and punctuation aside: "chloe" finds Chloé, "mar" finds Jean-Marc. */
export const searchable = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Every word typed starts a word of the name. */
export function nameMatches(nameWords: readonly string[], typedWords: readonly string[]): boolean {
  return typedWords.every((typed) => nameWords.some((word) => word.startsWith(typed)));
}
