import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { initialLanguage } from './initial-language';

type Catalog = { [key: string]: string | Catalog };
const SRC = join(__dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Catalog;
const keysOf = (tree: Catalog, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
/** The shared catalogs (src/i18n) and each role's (src/<role>/i18n), English first. */
const englishCatalogs = filesUnder(SRC).filter((file) => file.endsWith(`${join('i18n', 'en.json')}`));
const sourceFiles = filesUnder(SRC).filter(
  (file) => /\.tsx?$/.test(file) && !file.includes('.spec.') && !file.endsWith('.gen.ts'),
);

describe('the language catalogs', () => {
  it('are the shared ones and at least the agent’s', () => {
    expect(englishCatalogs.map((file) => relative(SRC, dirname(file)))).toEqual(
      expect.arrayContaining(['i18n', join('agent', 'i18n')]),
    );
  });

  it.each(englishCatalogs.map((file) => [relative(SRC, file), file]))(
    '%s has the same keys in French, none of them empty',
    (_, english) => {
      const french = join(dirname(english), 'fr.json');
      expect(keysOf(read(french)).sort()).toEqual(keysOf(read(english)).sort());
      const empty = [english, french].flatMap((file) =>
        keysOf(read(file))
          .filter((key) => !String(lookUp(read(file), key)).trim())
          .map((key) => `${relative(SRC, file)}: ${key}`),
      );
      expect(empty).toEqual([]);
    },
  );

  it('name no key twice across the shared and role catalogs', () => {
    const tops = englishCatalogs.flatMap((file) => Object.keys(read(file)));
    expect(tops.filter((key, i) => tops.indexOf(key) !== i)).toEqual([]);
  });

  it('have every key the code asks for by name', () => {
    const english = englishCatalogs.flatMap((file) => keysOf(read(file)));
    const asked = sourceFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((match) => match[1]),
    );
    expect(asked.length).toBeGreaterThan(10);
    // A counted string is asked for by its stem: `x` is `x_one`, `x_other`.
    expect(asked.filter((key) => !english.includes(key) && !english.includes(`${key}_other`))).toEqual([]);
  });
});

describe('the language a person sees first', () => {
  it('is the one they chose on this device, else their browser’s, else English', () => {
    expect(initialLanguage('fr', ['en-GB'])).toBe('fr');
    expect(initialLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(initialLanguage(null, ['de-DE'])).toBe('en');
    expect(initialLanguage('xx', [])).toBe('en');
  });
});

function lookUp(tree: Catalog, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Catalog | undefined)?.[part], tree);
}
