import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import { initialLanguage } from './initial-language';

export { LANGUAGES, type Language } from './initial-language';
const STORED = 'frontline.language';

export const i18n = i18next.createInstance();

export async function startI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: initialLanguage(localStorage.getItem(STORED), navigator.languages),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    localStorage.setItem(STORED, language);
  });
}
