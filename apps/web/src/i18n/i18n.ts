import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, initialLanguage } from './initial-language';

export { LANGUAGES, type Language } from './initial-language';
const STORED = 'frontline.language';

/** Each language's name in itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

type Catalog = () => Promise<{ default: object }>;
/** The strings every page shares (shell, problems, the api's enums): one chunk per language. */
const SHARED: Record<Language, Catalog> = {
  en: () => import('./en.json'),
  fr: () => import('./fr.json'),
};
/** Each role's own strings (`src/<role>/i18n/<language>.json`), loaded when one of its pages opens. */
const ROLES = import.meta.glob<{ default: object }>('../*/i18n/*.json');
const rolesInUse = new Set<string>();

export const i18n = i18next.createInstance();

async function add(language: Language, catalog: Catalog | undefined, name: string): Promise<void> {
  if (!catalog) throw new Error(`No ${language} strings for ${name}`);
  i18n.addResourceBundle(language, 'translation', (await catalog()).default, true, false);
}

const loaded = new Set<string>();
async function load(language: Language, part: string): Promise<void> {
  if (loaded.has(`${part}:${language}`)) return;
  await add(language, part === '' ? SHARED[language] : ROLES[`../${part}/i18n/${language}.json`], part || 'the app');
  loaded.add(`${part}:${language}`);
}

export async function startI18n(): Promise<void> {
  const language = initialLanguage(localStorage.getItem(STORED), navigator.languages);
  await i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await load(language, '');
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** A role's strings, in the language in use (and in any language switched to later): a route's `beforeLoad`. */
export async function loadRoleStrings(role: string): Promise<void> {
  rolesInUse.add(role);
  await load(i18n.language as Language, role);
}

/** Switches the app's language, remembered on this device. */
export async function switchLanguage(language: Language): Promise<void> {
  await Promise.all([load(language, ''), ...[...rolesInUse].map((role) => load(language, role))]);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  localStorage.setItem(STORED, language);
}
