// The initiatives and plan items the report prints, language-neutral: their texts checked
// for personal data in each language and the language each reads as. Part of the report's
// statistics (stats.ts).

import { bothTexts, type BilingualText } from '../domain';
import type { Lang } from '../i18n/lang';
import { guessTexts, type PiiCheck, type TextGuess } from './checks';
import { within, type QuarterBounds } from './quarter';
import type { OtherLanguageField, ReportInitiative, ReportInput, ReportPlanItem } from './types';

/** An initiative the report prints (its texts passed the check), in no particular order. */
export interface NeutralInitiative {
  record: ReportInitiative;
  title: BilingualText;
  result: BilingualText;
  publicSummary: BilingualText;
  guesses: Record<Lang, TextGuess[]>;
}

/** A plan item the report prints, in no particular order. */
export interface NeutralPlanItem {
  record: ReportPlanItem;
  title: BilingualText;
  actions: BilingualText;
  guesses: Record<Lang, TextGuess[]>;
}

/**
 * A record's public text cleaned in each language it is written in: null when either
 * language holds personal data (the record is then listed as blocking and left out).
 */
function cleanBoth(
  check: PiiCheck,
  source: 'initiative' | 'planItem',
  id: string,
  field: 'title' | 'result' | 'publicSummary' | 'actions',
  text: BilingualText,
  title: string | null = null,
): BilingualText | null {
  const out: BilingualText = { kk: '', ru: '' };
  for (const lang of ['kk', 'ru'] as const) {
    const raw = text[lang].trim();
    if (raw === '') continue;
    const clean = check.clean(source, id, null, field, raw, title);
    if (clean === null) return null;
    out[lang] = clean;
  }
  return out;
}

/** The language each language's texts read as (the check for a text typed in the wrong field). */
function guessBoth(
  texts: readonly (readonly [OtherLanguageField, BilingualText])[],
): Record<Lang, TextGuess[]> {
  return {
    kk: guessTexts(texts.map(([field, text]) => [field, text.kk] as const)),
    ru: guessTexts(texts.map(([field, text]) => [field, text.ru] as const)),
  };
}

export function initiativesOf(data: ReportInput, q: QuarterBounds, check: PiiCheck) {
  const rows: NeutralInitiative[] = [];
  const list = data.initiatives.filter(
    (i) =>
      i.deletedAt === null &&
      i.inReport &&
      i.status !== 'draft' &&
      i.submittedOn !== null &&
      within(i.submittedOn, q),
  );
  for (const i of list) {
    const title = cleanBoth(check, 'initiative', i.id, 'title', i.title);
    const shownTitle = title === null ? null : bothTexts(title);
    const result = cleanBoth(check, 'initiative', i.id, 'result', i.result, shownTitle);
    const summary = cleanBoth(
      check,
      'initiative',
      i.id,
      'publicSummary',
      i.publicSummary,
      shownTitle,
    );
    if (title === null || result === null || summary === null) continue;
    rows.push({
      record: i,
      title,
      result,
      publicSummary: summary,
      guesses: guessBoth([
        ['title', title],
        ['result', result],
        ['publicSummary', summary],
      ]),
    });
  }
  return rows;
}

export function planItemsOf(data: ReportInput, next: QuarterBounds, check: PiiCheck) {
  const rows: NeutralPlanItem[] = [];
  const list = data.planItems.filter(
    (p) =>
      p.deletedAt === null &&
      p.inReport &&
      p.status !== 'dropped' &&
      p.year === next.year &&
      p.quarter === next.quarter,
  );
  for (const p of list) {
    const title = cleanBoth(check, 'planItem', p.id, 'title', p.title);
    const shownTitle = title === null ? null : bothTexts(title);
    const actions = cleanBoth(check, 'planItem', p.id, 'actions', p.actions, shownTitle);
    if (title === null || actions === null) continue;
    rows.push({
      record: p,
      title,
      actions,
      guesses: guessBoth([
        ['title', title],
        ['actions', actions],
      ]),
    });
  }
  return rows;
}
