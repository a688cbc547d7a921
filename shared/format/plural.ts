import type { Lang } from '../i18n/lang';

/** The forms of a word after a number; Kazakh uses `other` only, Russian all three. */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const RULES: Readonly<Record<Lang, Intl.PluralRules>> = {
  kk: new Intl.PluralRules('kk'),
  ru: new Intl.PluralRules('ru'),
};

/**
 * The word that goes with `count` in `lang` (the rules i18next uses on screens, so the
 * report and letters agree with them): plural(21, 'ru', { one: 'часа', many: 'часов',
 * other: 'часов' }) → 'часа'.
 */
export function plural(count: number, lang: Lang, forms: PluralForms): string {
  const category = RULES[lang].select(count);
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few ?? forms.other;
  if (category === 'many') return forms.many ?? forms.other;
  return forms.other;
}
