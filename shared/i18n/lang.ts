/** The two languages of the product: Kazakh (the default) and Russian. */
export const LANGS = ['kk', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'kk';

export function isLang(value: unknown): value is Lang {
  return value === 'kk' || value === 'ru';
}
