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
  toCalendarOverrides,
  type AppealChannel,
  type AppealKind,
  type Outcome,
  type Topic,
} from '../domain';
import { PiiCheck, regNoOrder, TextGuesser } from './checks';
import type { NeutralGroup } from './editorial';
import { change, countBy, type Counts } from './counts';
import { indicators } from './indicators';
import {
  initiativesOf,
  planItemsOf,
  type NeutralInitiative,
  type NeutralPlanItem,
} from './initiatives';
import { memoSummaries, reasonGroups, topicGroups } from './summaries';
import { hotSpots, type HotSpotFigures } from '../map/hotspots';
import { parseQuarter, shiftQuarter, within, type QuarterBounds } from './quarter';
import {
  type Change,
  type Indicators,
  type QuarterlyReport,
  type ReportAppeal,
  type ReportInput,
  type ReportSettings,
  type UnresolvedReasonKey,
} from './types';

export type { NeutralGroup, NeutralSummary } from './editorial';
export type { NeutralInitiative, NeutralPlanItem } from './initiatives';

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
    /** The problem map's figures at the report's place level (shared/map), before the "<3" rule. */
    hotSpots: HotSpotFigures;
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
  /** Every summary sections 2 and 3 choose from, by topic, most first; `count` = summaries. */
  annex: NeutralGroup[];
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

  const { registered, forMap, previousCount, decidedInQuarter, openAtQuarterEnd } = sortRegistry(
    data.appeals,
    q,
    prev,
  );
  const ofQuarter = sortByRegNo(registered);
  const decided = sortByRegNo(decidedInQuarter);
  const openAtEnd = sortByRegNo(openAtQuarterEnd);

  const check = new PiiCheck(data);
  const guesser = new TextGuesser();
  const resolvedForText = decided.filter((a) => a.outcome !== 'not_resolved');
  const notResolved = decided.filter((a) => a.outcome === 'not_resolved');

  const receptions = data.receptions.filter((r) => r.deletedAt === null && within(r.date, q));
  const held = receptions.filter((r) => r.status === 'held');

  const summaryOf = memoSummaries(check, guesser);
  const resolvedSummaries = topicGroups(resolvedForText, summaryOf, topics);
  const openOverdue = openAtEnd.filter((a) => a.decideBy <= q.to).length;
  const reasonCounts = new Map<UnresolvedReasonKey, number>([
    ['open_within_deadline', openAtEnd.length - openOverdue],
    ['open_overdue', openOverdue],
  ]);
  for (const reason of NOT_RESOLVED_REASONS) {
    reasonCounts.set(reason, notResolved.filter((a) => a.notResolvedReason === reason).length);
  }
  const unresolvedSummaries = reasonGroups(openAtEnd, notResolved, q, reasonCounts, summaryOf);
  // The annex: every summary the two sections choose from, by topic (counted as printed).
  const annexSource = [
    ...resolvedForText,
    ...openAtEnd.filter((a) => a.outcome === null),
    ...notResolved,
  ];
  const annex = annexGroups(topicGroups(sortByRegNo(annexSource), summaryOf, topics));

  // The places table and the problem map count by one place key (shared/map `placeOf`).
  const spots = hotSpots(forMap, {
    level: settings.report.placeLevel,
    period: { from: q.from, to: q.to },
    previous: { from: prev.from, to: prev.to },
  });

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
      places: placeGroups(spots),
      hotSpots: spots,
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
    annex,
    initiatives: initiativesOf(data, q, check),
    plan: planItemsOf(data, next, check),
    indicators: indicators(data, settings, cal, q, today, ofQuarter, decided, held.length),
    blocked: check.blocked(),
  };
}

/**
 * One pass over the registry sorts the live appeals into what the report counts (an
 * office's tens of thousands of appeals are read once, not once per list). A function of
 * its own, small: the engine optimises the long loop while it runs (on every report), and
 * the larger the function around it, the longer that takes.
 */
function sortRegistry(appeals: readonly ReportAppeal[], q: QuarterBounds, prev: QuarterBounds) {
  const registered: ReportAppeal[] = [];
  /** Registered in this quarter or the one before: all the problem map looks at. */
  const forMap: ReportAppeal[] = [];
  let previousCount = 0;
  const decidedInQuarter: ReportAppeal[] = [];
  const openAtQuarterEnd: ReportAppeal[] = [];
  // (An index, not an iterator: this runs once per report, mostly before the engine
  // optimises it, and an iterator's step costs there.)
  for (let i = 0; i < appeals.length; i++) {
    const a = appeals[i]!;
    if (a.deletedAt !== null) continue;
    const now = within(a.registeredOn, q);
    const before = within(a.registeredOn, prev);
    if (now) registered.push(a);
    if (before) previousCount++;
    if (now || before) forMap.push(a);
    if (a.outcome !== null && a.decidedOn !== null && within(a.decidedOn, q)) {
      decidedInQuarter.push(a);
    }
    if (a.registeredOn <= q.to && (a.decidedOn === null || a.decidedOn > q.to)) {
      openAtQuarterEnd.push(a);
    }
  }
  return { registered, forMap, previousCount, decidedInQuarter, openAtQuarterEnd };
}

/** The annex's groups: those with a summary, counted as printed, most first. */
function annexGroups(groups: readonly NeutralGroup[]): NeutralGroup[] {
  return groups
    .map((group) => ({ ...group, count: group.items.length }))
    .filter((group) => group.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** Registry order: year, then sequence (string order breaks past 9999). */
function sortByRegNo<T extends Pick<ReportAppeal, 'regNo' | 'id'>>(list: T[]): T[] {
  return list
    .map((a) => ({ a, k: regNoOrder(a.regNo) ?? Number.MAX_SAFE_INTEGER }))
    .sort((x, y) => x.k - y.k || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
    .map(({ a }) => a);
}

/**
 * Appeals by place for the places table: the problem map's places of the quarter, so the
 * table and the map give the same place the same count however its spellings differ.
 */
function placeGroups(figures: HotSpotFigures): ReportStats['appeals']['places'] {
  const groups = figures.spots
    .filter((spot) => spot.count > 0)
    .map(({ key, label, count }) => ({ key, label, count }));
  return { groups, unspecified: figures.unspecified, total: figures.total };
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
