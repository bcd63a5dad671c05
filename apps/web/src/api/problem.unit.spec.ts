import { type Problem, problemKey, problemMessage } from './problem';

const catalog: Record<string, string> = {
  'problems.kudos-to-self': 'Vous ne pouvez pas vous envoyer de remerciements.',
  'problems.server': 'Frontline n’a pas pu répondre.',
  'problems.unknown': 'Un problème est survenu.',
};
const t = (key: string) => catalog[key] ?? key;
const known = (key: string) => key in catalog;
const problem = (fields: Partial<Problem>): Problem => ({ type: 'about:blank', title: '', status: 400, ...fields });

describe("a problem from the api, told in the user's language", () => {
  it('is named by the last segment of its type', () => {
    expect(problemKey(problem({ type: '/problems/kudos-to-self' }))).toBe('problems.kudos-to-self');
  });

  it("uses the catalog's message for a type it knows", () => {
    const refused = problem({ type: '/problems/kudos-to-self', title: 'Kudos to self', detail: 'No self-kudos' });
    expect(problemMessage(refused, t, known)).toBe('Vous ne pouvez pas vous envoyer de remerciements.');
  });

  it("falls back to the api's own detail, then its title, for a type it does not know", () => {
    expect(problemMessage(problem({ type: '/problems/new-rule', title: 'New', detail: 'Why' }), t, known)).toBe('Why');
    expect(problemMessage(problem({ type: '/problems/new-rule', title: 'New rule' }), t, known)).toBe('New rule');
  });

  it('says something general when the answer says nothing', () => {
    expect(problemMessage(problem({ status: 502 }), t, known)).toBe('Frontline n’a pas pu répondre.');
    expect(problemMessage(problem({ status: 418 }), t, known)).toBe('Un problème est survenu.');
  });
});
