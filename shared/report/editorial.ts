// The editor's half of the report: which public summaries it prints. A quarter of a real
// office has hundreds of decided appeals; listing every summary ran the report to 17 pages
// (186 at 50,000 appeals). Sections 2 and 3 print, per group, at most MAX_EXAMPLES texts —
// the office's highlights first, then collective appeals (they speak for many), then the
// most recent — and «and N more»; the optional annex prints them all.
//
// Texts are kept in both languages; a report in one language prints only that language's
// text. A text missing in it is listed (`missingTranslations`) and left out, or printed in
// the other language in brackets when the office chose so.

import type { BilingualText } from '../domain';
import type { Lang } from '../i18n/lang';
import type { LanguageCheck, TextGuess } from './checks';
import { countRow } from './counts';
import {
  MAX_EXAMPLES,
  SMALL_COUNT_THRESHOLD,
  type MissingTranslationItem,
  type SummaryGroup,
  type SummaryItem,
} from './types';

/** A public summary that passed the personal-data check in both languages. */
export interface NeutralSummary {
  id: string;
  regNo: string;
  /** Registry order of the appeal (year × 10⁷ + sequence). */
  order: number;
  text: BilingualText;
  /** The language each language's text reads as (the check for a text typed in the wrong field). */
  guesses: Readonly<Record<Lang, readonly TextGuess[]>>;
  outcomeLabel: (lang: Lang) => string | null;
  solved: boolean;
  highlight: boolean;
  collective: boolean;
  /** The date that makes it recent: decidedOn, or registeredOn for an open appeal. */
  date: string;
}

/** A group of appeals before its label: how many, and the summaries it may print. */
export interface NeutralGroup {
  key: string;
  count: number;
  /** In registry order. */
  items: NeutralSummary[];
}

export interface PresentOptions {
  lang: Lang;
  otherLanguageInBrackets: boolean;
  /** Print every summary (the annex) rather than at most MAX_EXAMPLES. */
  all: boolean;
}

/** Highlights, then collective appeals, then the most recent; ties in registry order. */
export function editorialOrder(a: NeutralSummary, b: NeutralSummary): number {
  return (
    Number(b.highlight) - Number(a.highlight) ||
    Number(b.collective) - Number(a.collective) ||
    (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
    a.order - b.order
  );
}

/**
 * A group's summaries in editorial order, sorted once for all the languages a report is
 * presented in (the order does not depend on the language; the groups are shared).
 */
const sortedGroups = new WeakMap<readonly NeutralSummary[], readonly NeutralSummary[]>();
function inEditorialOrder(items: readonly NeutralSummary[]): readonly NeutralSummary[] {
  let sorted = sortedGroups.get(items);
  if (sorted === undefined) {
    sorted = [...items].sort(editorialOrder);
    sortedGroups.set(items, sorted);
  }
  return sorted;
}

/**
 * At most MAX_EXAMPLES summaries of a group in editorial order, each sentence once (compared
 * in the report's language, or the other one when it is missing there).
 */
export function examples(items: readonly NeutralSummary[], lang: Lang): NeutralSummary[] {
  const other: Lang = lang === 'kk' ? 'ru' : 'kk';
  const seen = new Set<string>();
  const chosen: NeutralSummary[] = [];
  for (const summary of inEditorialOrder(items)) {
    if (chosen.length >= MAX_EXAMPLES) break;
    const key = (summary.text[lang] || summary.text[other]).toLocaleLowerCase(lang);
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(summary);
  }
  return chosen;
}

/**
 * Collects what a report prints of groups of summaries and notes, as it goes, the texts
 * missing in the report's language and the texts that read as the other language.
 */
export class SummaryPresenter {
  private readonly missing = new Map<string, MissingTranslationItem & { order: number }>();

  constructor(
    private readonly options: { lang: Lang; otherLanguageInBrackets: boolean },
    private readonly language: LanguageCheck,
  ) {}

  groups(
    groups: readonly NeutralGroup[],
    label: (key: string) => string,
    all: boolean,
  ): SummaryGroup[] {
    return groups.map((group) => this.group(group, label(group.key), all));
  }

  private group(group: NeutralGroup, label: string, all: boolean): SummaryGroup {
    // The examples are chosen whatever their language: a missing translation of one of
    // them is listed (to translate or bracket), never silently replaced by another text.
    // The same sentence twice (two appeals solved alike) is printed once.
    const chosen = all ? group.items : examples(group.items, this.options.lang);
    const items: SummaryItem[] = [];
    for (const summary of chosen) {
      const item = this.item(summary);
      if (item !== null) items.push(item);
    }
    const row = countRow(group.key, label, group.count, group.count);
    return {
      key: group.key,
      label,
      count: group.count,
      display: row.display,
      items,
      more:
        all || group.count < SMALL_COUNT_THRESHOLD ? 0 : Math.max(0, group.count - items.length),
    };
  }

  /** The summary as printed in the report's language, or null when it is left out. */
  private item(summary: NeutralSummary): SummaryItem | null {
    const { lang, otherLanguageInBrackets } = this.options;
    const other: Lang = lang === 'kk' ? 'ru' : 'kk';
    const own = summary.text[lang];
    let text = own;
    let otherLanguage = false;
    if (own === '') {
      if (summary.text[other] === '') return null;
      this.missing.set(summary.id, {
        source: 'appeal',
        id: summary.id,
        regNo: summary.regNo,
        fields: ['publicSummary'],
        lang,
        order: summary.order,
      });
      if (!otherLanguageInBrackets) return null;
      text = summary.text[other];
      otherLanguage = true;
    } else {
      this.language.note('appeal', summary.id, summary.regNo, null, summary.guesses[lang]);
    }
    return {
      id: summary.id,
      regNo: summary.regNo,
      text,
      otherLanguage,
      outcomeLabel: summary.outcomeLabel(lang),
      solved: summary.solved,
    };
  }

  /** The texts missing in the report's language, in registry order. */
  missingTranslations(): MissingTranslationItem[] {
    return [...this.missing.values()]
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
      .map(({ order: _order, ...item }) => item);
  }
}
