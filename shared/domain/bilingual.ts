// Texts the public sees (an appeal's public summary, a reception's place and accessibility
// notes) are kept in both languages, `{ kk, ru }`: the report and the announcement in one
// language print only that language's text (domain.md, "Public texts in both languages").
//
// Records and export files written before stored one string, in whichever language staff
// typed it. Such a string still parses: it moves into the language it reads as (the guess of
// `guessTextLanguage`), or into `fallback` (Kazakh, the app's default) when the text is too
// short to tell, and the other language stays empty — a missing translation the report
// screen lists, never a silent copy.

import { z } from 'zod';

import type { Lang } from '../i18n/lang';
import { guessTextLanguage } from '../report/textLanguage';
import { addIssue, perLimit, plainText } from './common';

/** A public text in both languages; '' where it has not been written yet. */
export interface BilingualText {
  kk: string;
  ru: string;
}

export const EMPTY_BILINGUAL: BilingualText = Object.freeze({ kk: '', ru: '' }) as BilingualText;

/**
 * A single-language text of an earlier version as a pair: the text goes into the language it
 * reads as, or into `fallback` when it is too short to tell. '' (or whitespace) stays empty.
 * Pure; the text is kept as is (the schema trims it).
 */
export function toBilingual(text: string, fallback: Lang = 'kk'): BilingualText {
  if (text.trim() === '') return { kk: '', ru: '' };
  const lang = guessTextLanguage(text) ?? fallback;
  return lang === 'kk' ? { kk: text, ru: '' } : { kk: '', ru: text };
}

/** A stored value of either shape (string of an earlier version, or a pair) as a pair. */
export function asBilingual(value: unknown, fallback: Lang = 'kk'): BilingualText {
  if (typeof value === 'string') return toBilingual(value, fallback);
  if (value !== null && typeof value === 'object') {
    const { kk, ru } = value as Partial<Record<Lang, unknown>>;
    return { kk: typeof kk === 'string' ? kk : '', ru: typeof ru === 'string' ? ru : '' };
  }
  return { kk: '', ru: '' };
}

/** The languages whose text is empty while the other's is written: the missing translations. */
export function missingLangs(text: BilingualText): Lang[] {
  const kk = text.kk.trim() !== '';
  const ru = text.ru.trim() !== '';
  if (kk === ru) return [];
  return kk ? ['ru'] : ['kk'];
}

/** Whether neither language has text. */
export function isBlankBilingual(text: BilingualText): boolean {
  return text.kk.trim() === '' && text.ru.trim() === '';
}

/**
 * The text in `lang` for a screen (not the public report): the other language's text when
 * this one is missing, so a list never shows a blank place.
 */
export function textFor(text: BilingualText, lang: Lang): string {
  const own = text[lang].trim();
  if (own !== '') return own;
  return text[lang === 'kk' ? 'ru' : 'kk'].trim();
}

/** Both texts, Kazakh first, for a search index or a label that names the record in any language. */
export function bothTexts(text: BilingualText): string {
  const kk = text.kk.trim();
  const ru = text.ru.trim();
  return kk === ru || ru === '' ? kk : kk === '' ? ru : `${kk} / ${ru}`;
}

const looseBilingual = z.union([
  z.string(),
  z.object({ kk: z.string().default(''), ru: z.string().default('') }),
]);

/**
 * A public text in both languages, each trimmed and at most `max` characters; '' allowed.
 * Accepts the single string of earlier versions (see `toBilingual`) and a pair missing a
 * language. Errors name the language: path `[field, 'kk']`.
 */
export const bilingualText = perLimit((max: number) =>
  looseBilingual
    .transform((value) => asBilingual(value))
    .pipe(z.object({ kk: plainText(max), ru: plainText(max) })),
);

/** Like `bilingualText`, but at least one language must be written (a reception's place). */
export function requiredBilingualText(max: number) {
  return bilingualText(max).superRefine((value, ctx) => {
    if (isBlankBilingual(value)) addIssue(ctx, ['kk'], 'required');
  });
}
