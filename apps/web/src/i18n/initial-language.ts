export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language chosen before on this device, else the first of the browser's we have, else English. */
export function initialLanguage(stored: string | null, browser: readonly string[]): Language {
  const wanted = [stored, ...browser].map((tag) => tag?.slice(0, 2).toLowerCase());
  return wanted.find((tag): tag is Language => LANGUAGES.includes(tag as Language)) ?? 'en';
}
