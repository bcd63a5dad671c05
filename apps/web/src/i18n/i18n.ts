import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, initialLanguage } from './initial-language';

export { LANGUAGES, type Language } from './initial-language';
const STORED = 'frontline.language';

/** Each language's name in itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

/** Only the language in use is downloaded: each catalog is its own chunk. */
const CATALOGS: Record<Language, () => Promise<{ default: object }>> = {
  en: () => import('./en.json'),
  fr: () => import('./fr.json'),
};

export const i18n = i18next.createInstance();

async function loadCatalog(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation'))
    i18n.addResourceBundle(language, 'translation', (await CATALOGS[language]()).default);
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
  await loadCatalog(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Switches the app's language, remembered on this device. */
export async function switchLanguage(language: Language): Promise<void> {
  await loadCatalog(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  localStorage.setItem(STORED, language);
}
