import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { initialLanguage } from './initial-language';

type Catalog = { [key: string]: string | Catalog };
const catalog = (language: string) => JSON.parse(readFileSync(join(__dirname, `${language}.json`), 'utf8')) as Catalog;
const keysOf = (tree: Catalog, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.includes('.spec.') && !name.endsWith('.gen.ts') ? [path] : [];
  });

describe('the language catalogs', () => {
  const en = keysOf(catalog('en')).sort();
  const fr = keysOf(catalog('fr')).sort();

  it('have the same keys in English and French', () => {
    expect(fr).toEqual(en);
  });

  it('leave no string empty', () => {
    const empty = ['en', 'fr'].flatMap((language) =>
      keysOf(catalog(language))
        .filter((key) => !String(lookUp(catalog(language), key)).trim())
        .map((key) => `${language}: ${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('have every key the code asks for by name', () => {
    const asked = sourceFiles(join(__dirname, '..')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((match) => match[1]),
    );
    expect(asked.length).toBeGreaterThan(10);
    // A counted string is asked for by its stem: `x` is `x_one`, `x_other`.
    expect(asked.filter((key) => !en.includes(key) && !en.includes(`${key}_other`))).toEqual([]);
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
