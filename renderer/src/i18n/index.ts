import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { kk, ru } from './catalogs';

export const LANGUAGES = ['kk', 'ru'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'kk';

const STORAGE_KEY = 'tizilim.lang';

export const resources = { kk: { translation: kk }, ru: { translation: ru } } as const;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen on this machine; Kazakh until someone switches. */
export function storedLanguage(): Lang {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    // Storage can be unavailable (privacy mode, quota); the default language still works.
    return DEFAULT_LANG;
  }
}

export async function initI18n(lang: Lang = storedLanguage()): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  syncDocumentLang(lang);
  instance.on('languageChanged', (next) => {
    if (isLang(next)) {
      syncDocumentLang(next);
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, next);
      } catch {
        // Not persisted, but the switch itself still applies for this session.
      }
    }
  });
  return instance;
}

function syncDocumentLang(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
