// The texts of an initiative or a plan item in the report's language: the same rule as the
// public summaries (editorial.ts) — a text missing in the language is listed, and left out
// or, when the office chose so, printed in the other language in brackets.

import { bothTexts, type BilingualText } from '../domain';
import type { Lang } from '../i18n/lang';
import type { MissingTranslationItem } from './types';

type Field = MissingTranslationItem['fields'][number];

export class RecordTextPicker {
  private readonly missing: MissingTranslationItem[] = [];

  constructor(private readonly options: { lang: Lang; otherLanguageInBrackets: boolean }) {}

  /**
   * The record's texts in the report's language ('' where it is left out); null when its
   * title cannot be printed (the record is then left out, and listed).
   */
  pick<F extends Field>(
    source: 'initiative' | 'planItem',
    id: string,
    texts: Readonly<Record<F, BilingualText>> & { title: BilingualText },
  ): Record<F, string> | null {
    const { lang, otherLanguageInBrackets } = this.options;
    const other: Lang = lang === 'kk' ? 'ru' : 'kk';
    const out = {} as Record<F, string>;
    const fields: Field[] = [];
    for (const field of Object.keys(texts) as F[]) {
      const text = texts[field];
      const own = text[lang].trim();
      if (own !== '' || text[other].trim() === '') {
        out[field] = own;
        continue;
      }
      fields.push(field);
      out[field] = otherLanguageInBrackets ? `(${text[other].trim()})` : '';
    }
    if (fields.length > 0) {
      this.missing.push({ source, id, regNo: '', fields, lang, title: bothTexts(texts.title) });
    }
    return (out as Record<string, string>).title === '' ? null : out;
  }

  /** The records with a text missing in the report's language, in the order they were met. */
  missingTranslations(): MissingTranslationItem[] {
    return [...this.missing];
  }
}
