// The public summaries the report may print, language-neutral: each appeal's summary checked
// for personal data in both languages (once per appeal), grouped by topic for section 2 and
// the annex, and by reason for section 3. Part of the report's statistics (stats.ts).

import { labelOf, type BilingualText, type Outcome, type Topic } from '../domain';
import type { Lang } from '../i18n/lang';
import { regKey, type PiiCheck, type TextGuesser } from './checks';
import type { NeutralGroup, NeutralSummary } from './editorial';
import type { QuarterBounds } from './quarter';
import type { ReportAppeal, UnresolvedReasonKey } from './types';

const SOLVED: ReadonlySet<Outcome> = new Set(['resolved', 'partially_resolved']);

export type SummaryOf = (a: ReportAppeal) => NeutralSummary | null;

/** `neutralSummary` once per appeal: an appeal may be counted in a section and in the annex. */
export function memoSummaries(check: PiiCheck, guesser: TextGuesser): SummaryOf {
  const memo = new Map<string, NeutralSummary | null>();
  return (a) => {
    let summary = memo.get(a.id);
    if (summary === undefined) {
      summary = neutralSummary(a, check, guesser);
      memo.set(a.id, summary);
    }
    return summary;
  };
}

/** An appeal's public summary, checked for personal data in both languages; null when blank or blocked. */
function neutralSummary(
  a: ReportAppeal,
  check: PiiCheck,
  guesser: TextGuesser,
): NeutralSummary | null {
  if (!a.inReport) return null;
  const rawKk = a.publicSummary.kk.trim();
  const rawRu = a.publicSummary.ru.trim();
  if (rawKk === '' && rawRu === '') return null;
  const kk = rawKk === '' ? '' : check.clean('appeal', a.id, a.regNo, 'publicSummary', rawKk);
  const ru = rawRu === '' ? '' : check.clean('appeal', a.id, a.regNo, 'publicSummary', rawRu);
  if (kk === null || ru === null) return null;
  return new Summary(a, { kk, ru }, guesser);
}

/**
 * A summary as a class rather than an object literal with a getter: a report makes
 * thousands, and a literal with an accessor is built by the engine's slow path each time.
 */
class Summary implements NeutralSummary {
  readonly id: string;
  readonly regNo: string;
  readonly order: number;
  readonly text: BilingualText;
  readonly solved: boolean;
  readonly highlight: boolean;
  readonly collective: boolean;
  readonly date: string;
  private readonly outcome: Outcome | null;
  private guessed: NeutralSummary['guesses'] | undefined;

  constructor(
    a: ReportAppeal,
    text: BilingualText,
    private readonly guesser: TextGuesser,
  ) {
    this.id = a.id;
    this.regNo = a.regNo;
    this.order = regKey(a.regNo);
    this.text = text;
    this.outcome = a.outcome;
    this.solved = a.outcome !== null && SOLVED.has(a.outcome);
    this.highlight = a.reportHighlight === true;
    this.collective = a.collective;
    this.date = a.decidedOn ?? a.registeredOn;
    this.guessed = undefined;
  }

  /** Guessed when first read: only the summaries a report prints are looked at. */
  get guesses(): NeutralSummary['guesses'] {
    this.guessed ??= {
      kk: this.guesser.texts([['publicSummary', this.text.kk]]),
      ru: this.guesser.texts([['publicSummary', this.text.ru]]),
    };
    return this.guessed;
  }

  outcomeLabel(lang: Lang): string | null {
    return this.outcome === null ? null : labelOf('outcome', this.outcome, lang);
  }
}

/**
 * Section 2's groups: the decided appeals by topic, largest group first, ties in the
 * settings' topic order; each with the summaries it may print, in registry order.
 */
export function topicGroups(
  list: readonly ReportAppeal[],
  summaryOf: SummaryOf,
  topics: readonly Topic[],
): NeutralGroup[] {
  const groups = new Map<string, NeutralGroup>();
  for (const a of list) {
    let group = groups.get(a.topic);
    if (group === undefined) {
      group = { key: a.topic, count: 0, items: [] };
      groups.set(a.topic, group);
    }
    group.count++;
    const summary = summaryOf(a);
    if (summary !== null) group.items.push(summary);
  }
  const rank = (id: string): number => {
    const i = topics.findIndex((t) => t.id === id);
    return i < 0 ? topics.length : i;
  };
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : 1),
  );
}

/**
 * Section 3's groups: the reasons of `byReason` that have appeals, in its order. Only the
 * appeals still undecided on `today` and the not-resolved ones give examples: an appeal
 * open at the quarter's end but decided since has a summary of its decision, which belongs
 * to the next quarter's resolved section.
 */
export function reasonGroups(
  openAtEnd: readonly ReportAppeal[],
  notResolved: readonly ReportAppeal[],
  q: QuarterBounds,
  counts: ReadonlyMap<UnresolvedReasonKey, number>,
  summaryOf: SummaryOf,
): NeutralGroup[] {
  const groups = new Map<UnresolvedReasonKey, NeutralGroup>();
  for (const [key, count] of counts) {
    if (count > 0) groups.set(key, { key, count, items: [] });
  }
  const add = (key: UnresolvedReasonKey, a: ReportAppeal) => {
    const summary = summaryOf(a);
    if (summary !== null) groups.get(key)?.items.push(summary);
  };
  for (const a of openAtEnd) {
    if (a.outcome === null) add(a.decideBy <= q.to ? 'open_overdue' : 'open_within_deadline', a);
  }
  for (const a of notResolved) add(a.notResolvedReason ?? 'other', a);
  return [...groups.values()];
}
