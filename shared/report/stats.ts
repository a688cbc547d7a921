// The language-neutral half of the quarterly report: which appeals, receptions, inquiries,
// initiatives and plan items count, how many fall in each category, which printed texts
// carry personal data and which language each text reads as. Computed once per report, also
// when the report is printed in both languages; `present.ts` then names it all in one.

import { createKzCalendar } from '../calendar';
import { daysInMonth, parseDay } from '../calendar/dates';
import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  NOT_RESOLVED_REASONS,
  OUTCOMES,
  parseRegNo,
  toCalendarOverrides,
  type AppealChannel,
  type AppealKind,
  type Outcome,
  type Topic,
} from '../domain';
import { guessTexts, PiiCheck, type TextGuess } from './checks';
import { change, countBy, type Counts } from './counts';
import { indicators } from './indicators';
import { parseQuarter, shiftQuarter, within, type QuarterBounds } from './quarter';
import {
  type Change,
  type Indicators,
  type QuarterlyReport,
  type ReportAppeal,
  type ReportInitiative,
  type ReportInput,
  type ReportPlanItem,
  type ReportSettings,
  type UnresolvedReasonKey,
} from './types';

const SOLVED: ReadonlySet<Outcome> = new Set(['resolved', 'partially_resolved']);

/** A public summary that passed the personal-data check. */
export interface NeutralSummary {
  text: string;
  outcome: Outcome | null;
  solved: boolean;
}

/** Summaries of one topic: largest group first, ties in the settings' topic order. */
export interface NeutralGroup {
  topic: string;
  items: NeutralSummary[];
}

/** An appeal's printed text and the language it reads as, in the order the report prints. */
export interface AppealText {
  id: string;
  regNo: string;
  guesses: TextGuess[];
}

/** An initiative the report prints (its texts passed the check), in no particular order. */
export interface NeutralInitiative {
  record: ReportInitiative;
  title: string;
  result: string;
  publicSummary: string;
  guesses: TextGuess[];
}

/** A plan item the report prints, in no particular order. */
export interface NeutralPlanItem {
  record: ReportPlanItem;
  title: string;
  actions: string;
  guesses: TextGuess[];
}

/** A place as the appeals name it, before the "other places" rule and the sorting. */
export interface PlaceGroup {
  key: string;
  label: string;
  count: number;
}

export interface ReportStats {
  today: string;
  q: QuarterBounds;
  prev: QuarterBounds;
  next: QuarterBounds;
  settings: ReportSettings;
  topics: readonly Topic[];
  appeals: {
    total: number;
    change: Change;
    byTopic: Counts;
    byChannel: Counts<AppealChannel>;
    byKind: Counts<AppealKind>;
    collectiveCount: number;
    collectiveSignatories: number;
    priorityCount: number;
    anonymousCount: number;
    byMonth: { month: string; count: number; receptionsHeld: number }[];
    places: { groups: PlaceGroup[]; unspecified: number; total: number };
    receptions: {
      held: number;
      cancelled: number;
      visitors: number;
      appealsAtReceptions: number;
      /** Months ('YYYY-MM') that are over and had no reception held. */
      monthsWithout: string[];
    };
  };
  resolved: {
    decidedTotal: number;
    resolved: number;
    partiallyResolved: number;
    byOutcome: { outcome: Outcome; count: number }[];
    summaries: NeutralGroup[];
  };
  unresolved: {
    total: number;
    openAtQuarterEnd: number;
    openOverdue: number;
    notResolved: number;
    byReason: (readonly [UnresolvedReasonKey, number])[];
    summaries: NeutralGroup[];
  };
  /** Every printed appeal text, resolved summaries first, in registry order. */
  appealTexts: AppealText[];
  initiatives: NeutralInitiative[];
  plan: NeutralPlanItem[];
  indicators: Indicators;
  blocked: QuarterlyReport['blocked'];
}

/**
 * What the report for `quarter` counts, from plain records. Pure and deterministic. Throws a
 * RangeError on a malformed quarter or `today`.
 */
export function computeReportStats(data: ReportInput, quarter: string, today: string): ReportStats {
  parseDay(today, 'today');
  const q = parseQuarter(quarter);
  const prev = shiftQuarter(q, -1);
  const next = shiftQuarter(q, 1);
  const settings = data.settings;
  const cal = createKzCalendar(toCalendarOverrides(settings.calendar));
  const topics = settings.topics;

  const live = data.appeals.filter((a) => a.deletedAt === null);
  const ofQuarter = sortByRegNo(live.filter((a) => within(a.registeredOn, q)));
  const previousCount = live.reduce((n, a) => n + (within(a.registeredOn, prev) ? 1 : 0), 0);
  const decided = sortByRegNo(
    live.filter((a) => a.outcome !== null && a.decidedOn !== null && within(a.decidedOn, q)),
  );
  const openAtEnd = sortByRegNo(
    live.filter((a) => a.registeredOn <= q.to && (a.decidedOn === null || a.decidedOn > q.to)),
  );

  const check = new PiiCheck(data);
  const appealTexts: AppealText[] = [];
  const resolvedForText = decided.filter((a) => a.outcome !== 'not_resolved');
  const notResolved = decided.filter((a) => a.outcome === 'not_resolved');

  const receptions = data.receptions.filter((r) => r.deletedAt === null && within(r.date, q));
  const held = receptions.filter((r) => r.status === 'held');

  const resolvedSummaries = summaryGroups(resolvedForText, check, appealTexts, topics);
  // An appeal open at the quarter's end but decided since has a summary of its decision:
  // that belongs to the next quarter's resolved section, not to this quarter's unresolved.
  const stillOpen = openAtEnd.filter((a) => a.outcome === null);
  const unresolvedSummaries = summaryGroups(
    [...stillOpen, ...notResolved],
    check,
    appealTexts,
    topics,
  );
  const openOverdue = openAtEnd.filter((a) => a.decideBy <= q.to).length;
  const reasonCounts = new Map<UnresolvedReasonKey, number>([
    ['open_within_deadline', openAtEnd.length - openOverdue],
    ['open_overdue', openOverdue],
  ]);
  for (const reason of NOT_RESOLVED_REASONS) {
    reasonCounts.set(reason, notResolved.filter((a) => a.notResolvedReason === reason).length);
  }

  return {
    today,
    q,
    prev,
    next,
    settings,
    topics,
    appeals: {
      total: ofQuarter.length,
      change: change(ofQuarter.length, previousCount),
      byTopic: countBy(
        ofQuarter,
        (a) => a.topic,
        topics.map((t) => t.id),
      ),
      byChannel: countBy(ofQuarter, (a) => a.channel, APPEAL_CHANNELS),
      byKind: countBy(ofQuarter, (a) => a.kind, APPEAL_KINDS),
      collectiveCount: ofQuarter.filter((a) => a.collective).length,
      collectiveSignatories: ofQuarter.reduce(
        (n, a) => n + (a.collective ? (a.signatories ?? 0) : 0),
        0,
      ),
      priorityCount: ofQuarter.filter((a) => a.priority).length,
      anonymousCount: ofQuarter.filter((a) => a.applicantId === null).length,
      byMonth: q.months.map((month) => ({
        month,
        count: ofQuarter.filter((a) => a.registeredOn.startsWith(month)).length,
        receptionsHeld: held.filter((r) => r.date.startsWith(month)).length,
      })),
      places: placeGroups(ofQuarter, settings),
      receptions: {
        held: held.length,
        cancelled: receptions.filter((r) => r.status === 'cancelled').length,
        visitors: held.reduce((n, r) => n + r.queue.filter((v) => v.status !== 'left').length, 0),
        appealsAtReceptions: ofQuarter.filter((a) => a.channel === 'reception').length,
        monthsWithout: monthsWithoutReception(held, q, today),
      },
    },
    resolved: {
      decidedTotal: decided.length,
      resolved: decided.filter((a) => a.outcome === 'resolved').length,
      partiallyResolved: decided.filter((a) => a.outcome === 'partially_resolved').length,
      byOutcome: OUTCOMES.map((outcome) => ({
        outcome,
        count: decided.filter((a) => a.outcome === outcome).length,
      })),
      summaries: resolvedSummaries,
    },
    unresolved: {
      total: openAtEnd.length + notResolved.length,
      openAtQuarterEnd: openAtEnd.length,
      openOverdue,
      notResolved: notResolved.length,
      byReason: [...reasonCounts],
      summaries: unresolvedSummaries,
    },
    appealTexts,
    initiatives: initiativesOf(data, q, check),
    plan: planItemsOf(data, next, check),
    indicators: indicators(data, settings, cal, q, today, ofQuarter, decided, held.length),
    blocked: check.blocked(),
  };
}

/** Registry order: year, then sequence (string order breaks past 9999). */
function sortByRegNo<T extends Pick<ReportAppeal, 'regNo' | 'id'>>(list: T[]): T[] {
  const key = (a: T): number => {
    const parsed = parseRegNo(a.regNo);
    return parsed === null ? Number.MAX_SAFE_INTEGER : parsed.year * 1e7 + parsed.sequence;
  };
  return list
    .map((a) => ({ a, k: key(a) }))
    .sort((x, y) => x.k - y.k || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
    .map(({ a }) => a);
}

const PLACE_DEPTH = { locality: 1, district: 2, street: 3 } as const;

/** Appeals by place, parts below `placeLevel` dropped (never the building). */
function placeGroups(list: readonly ReportAppeal[], settings: ReportSettings) {
  const depth = PLACE_DEPTH[settings.report.placeLevel];
  const groups = new Map<string, PlaceGroup>();
  let unspecified = 0;
  for (const a of list) {
    const parts = [a.location.locality, a.location.district, a.location.street]
      .slice(0, depth)
      .map((part) => part.trim().replace(/\s+/g, ' '));
    if (parts.every((part) => part === '')) {
      unspecified++;
      continue;
    }
    const key = parts.map((part) => part.toLocaleLowerCase('kk')).join(' / ');
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { key, label: parts.filter((part) => part !== '').join(', '), count: 1 });
    } else {
      group.count++;
    }
  }
  return { groups: [...groups.values()], unspecified, total: list.length };
}

/** A month is "without a reception" only once it is over: the current one may still get one. */
function monthsWithoutReception(
  held: ReportInput['receptions'],
  q: QuarterBounds,
  today: string,
): string[] {
  return q.months.filter((month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const lastDay = `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
    return lastDay < today && !held.some((r) => r.date.startsWith(month));
  });
}

/**
 * Public summaries of the appeals flagged for the report, grouped by topic: largest group
 * first, ties in the settings' topic order; items in registry order. Blocked texts are left
 * out; the ones printed are added to `texts` for the language check.
 */
function summaryGroups(
  list: readonly ReportAppeal[],
  check: PiiCheck,
  texts: AppealText[],
  topics: readonly Topic[],
): NeutralGroup[] {
  const groups = new Map<string, NeutralGroup>();
  for (const a of list) {
    if (!a.inReport || a.publicSummary.trim() === '') continue;
    const text = check.clean('appeal', a.id, a.regNo, 'publicSummary', a.publicSummary.trim());
    if (text === null) continue;
    texts.push({ id: a.id, regNo: a.regNo, guesses: guessTexts([['publicSummary', text]]) });
    let group = groups.get(a.topic);
    if (group === undefined) {
      group = { topic: a.topic, items: [] };
      groups.set(a.topic, group);
    }
    group.items.push({
      text,
      outcome: a.outcome,
      solved: a.outcome !== null && SOLVED.has(a.outcome),
    });
  }
  const rank = (id: string): number => {
    const i = topics.findIndex((t) => t.id === id);
    return i < 0 ? topics.length : i;
  };
  return [...groups.values()].sort(
    (a, b) =>
      b.items.length - a.items.length ||
      rank(a.topic) - rank(b.topic) ||
      (a.topic < b.topic ? -1 : 1),
  );
}

function initiativesOf(data: ReportInput, q: QuarterBounds, check: PiiCheck) {
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
    const title = check.clean('initiative', i.id, null, 'title', i.title.trim());
    const shownTitle = title ?? null;
    const result = check.clean('initiative', i.id, null, 'result', i.result.trim(), shownTitle);
    const summary = check.clean(
      'initiative',
      i.id,
      null,
      'publicSummary',
      i.publicSummary.trim(),
      shownTitle,
    );
    if (title === null || result === null || summary === null) continue;
    rows.push({
      record: i,
      title,
      result,
      publicSummary: summary,
      guesses: guessTexts([
        ['title', title],
        ['result', result],
        ['publicSummary', summary],
      ]),
    });
  }
  return rows;
}

function planItemsOf(data: ReportInput, next: QuarterBounds, check: PiiCheck) {
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
    const title = check.clean('planItem', p.id, null, 'title', p.title.trim());
    const actions = check.clean('planItem', p.id, null, 'actions', p.actions.trim(), title);
    if (title === null || actions === null) continue;
    rows.push({
      record: p,
      title,
      actions,
      guesses: guessTexts([
        ['title', title],
        ['actions', actions],
      ]),
    });
  }
  return rows;
}
