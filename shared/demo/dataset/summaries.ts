/** What the office writes about a decided appeal: its summary and the public texts. */
import type { BilingualText, Outcome } from '../../domain';
import type { Lang } from '../../i18n/lang';
import {
  ACTION_SENTENCES,
  type Agency,
  EXPLAINED_ANONYMOUS_SUMMARY,
  EXPLAINED_SUMMARY,
  FORWARDED_SUMMARY,
  NOT_CONSIDERED_SUMMARY,
  NOT_RESOLVED_SUMMARY,
  PUBLIC_EXPLAINED,
  PUBLIC_EXPLAINED_ANONYMOUS,
  PUBLIC_FORWARDED,
  PUBLIC_NOT_CONSIDERED,
  PUBLIC_NOT_RESOLVED,
  PUBLIC_WITHDRAWN,
  WITHDRAWN_SUMMARIES,
} from '../phrases';
import type { Problem } from '../texts';
import { type Builder, type Path, type Story, type Vars, fill } from './core';

export function agencyVars(agency: Agency, lang: Lang): Vars {
  return { agency: agency[lang], agencyDat: agency.kkDat, agencyTo: agency.ruTo };
}

export function outcomeSummary(
  b: Builder,
  outcome: Outcome,
  path: Path,
  story: Story,
  vars: Vars,
): string {
  const { lang, words, anonymous, repeat } = story;
  const reason = story.notResolvedReason;
  const rng = b.rng;
  const action =
    path === 'inquiry'
      ? `${fill(ACTION_SENTENCES.inquiry[lang], vars)} `
      : path === 'meeting'
        ? `${ACTION_SENTENCES[story.personal ? 'meetingPersonal' : 'meeting'][lang]} `
        : '';
  switch (outcome) {
    case 'resolved':
      return action + fill(rng.pick(words.resolved), vars);
    case 'partially_resolved':
      return action + fill(rng.pick(words.partial), vars);
    case 'explained':
      return fill((anonymous ? EXPLAINED_ANONYMOUS_SUMMARY : EXPLAINED_SUMMARY)[lang], vars);
    case 'forwarded':
      return fill(FORWARDED_SUMMARY[lang], vars);
    case 'not_resolved':
      return action + NOT_RESOLVED_SUMMARY[reason ?? 'other'][lang];
    case 'withdrawn':
      return rng.pick(WITHDRAWN_SUMMARIES[lang]);
    case 'not_considered':
      return NOT_CONSIDERED_SUMMARY[anonymous || !repeat ? 'anonymous' : 'repeated'][lang];
  }
}

/** The public summary in both languages: the same sentence (same index) in each. */
export function bilingualPublicSummary(
  b: Builder,
  outcome: Outcome,
  story: Story & { other: { words: Problem['kk']; vars: Vars } },
  vars: Vars,
): BilingualText {
  const own = publicSummaryIn(b, outcome, story, story.lang, story.words, vars, null);
  const otherLang: Lang = story.lang === 'kk' ? 'ru' : 'kk';
  const other = publicSummaryIn(
    b,
    outcome,
    story,
    otherLang,
    story.other.words,
    story.other.vars,
    own.index,
  );
  return story.lang === 'kk' ? { kk: own.text, ru: other.text } : { kk: other.text, ru: own.text };
}

/** One language's sentence; `index` repeats the other language's choice without the PRNG. */
export function publicSummaryIn(
  b: Builder,
  outcome: Outcome,
  story: Story,
  lang: Lang,
  words: Problem['kk'],
  vars: Vars,
  index: number | null,
): { text: string; index: number } {
  const { anonymous, repeat } = story;
  const reason = story.notResolvedReason;
  const choose = (list: readonly string[]): { text: string; index: number } => {
    if (index !== null) return { text: list[index % list.length] as string, index };
    const picked = b.rng.pick(list);
    return { text: picked, index: list.indexOf(picked) };
  };
  const filled = (choice: { text: string; index: number }) => ({
    text: fill(choice.text, vars),
    index: choice.index,
  });
  switch (outcome) {
    case 'resolved':
      return filled(choose(words.publicResolved));
    case 'partially_resolved':
      return filled(choose(words.publicPartial));
    case 'explained':
      return filled(
        anonymous
          ? { text: PUBLIC_EXPLAINED_ANONYMOUS[lang], index: 0 }
          : choose(PUBLIC_EXPLAINED[lang]),
      );
    case 'forwarded':
      return filled({ text: PUBLIC_FORWARDED[lang], index: 0 });
    case 'not_resolved':
      return filled({ text: PUBLIC_NOT_RESOLVED[reason ?? 'other'][lang], index: 0 });
    case 'withdrawn':
      return filled({ text: PUBLIC_WITHDRAWN[lang], index: 0 });
    case 'not_considered':
      return {
        text: PUBLIC_NOT_CONSIDERED[anonymous || !repeat ? 'anonymous' : 'repeated'][lang],
        index: 0,
      };
  }
}
