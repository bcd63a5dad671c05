import { nameMatches, searchable } from './find-people.query';

describe('finding a colleague by what was typed', () => {
  const finds = (name: string, typed: string) => nameMatches(searchable(name), searchable(typed));

  it('matches the start of any word of the name, case and accents aside', () => {
    expect(finds('Chloé Martin', 'chloe')).toBe(true);
    expect(finds('Chloé Martin', 'MAR')).toBe(true);
    expect(finds('Jean-Marc Dubois', 'marc')).toBe(true);
    expect(finds('Chloé Martin', 'tin')).toBe(false);
  });

  it('needs every word typed to start a word of the name', () => {
    expect(finds('Ana Lopez', 'an lo')).toBe(true);
    expect(finds('Ana Lopez', 'an st')).toBe(false);
  });

  it('finds nothing for punctuation alone', () => {
    expect(searchable(' -- ')).toEqual([]);
  });
});
