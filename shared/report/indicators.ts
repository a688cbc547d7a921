// The report's indicators: decisions in time, the median term, first contact, extensions,
// inquiries and receptions. Their texts are numbers and percentages, which read the same in
// both languages, so they are computed once.

import { workingDaysBetween, type WorkCalendar } from '../calendar';
import type { Outcome } from '../domain';
import { formatNumber } from '../format';
import { inquiryAnswerBy } from '../workflow/deadlines';
import { ratio } from './counts';
import { within, type QuarterBounds } from './quarter';
import type {
  Indicators,
  InquiryIndicators,
  ReportAppeal,
  ReportInput,
  ReportSettings,
} from './types';

/** Outcomes that are no decision on the merits: the consideration term does not apply. */
const NO_MERITS: ReadonlySet<Outcome> = new Set(['withdrawn', 'not_considered']);

export function indicators(
  data: ReportInput,
  settings: ReportSettings,
  cal: WorkCalendar,
  q: QuarterBounds,
  today: string,
  ofQuarter: readonly ReportAppeal[],
  decided: readonly ReportAppeal[],
  receptionsHeld: number,
): Indicators {
  const onMerits = decided.filter((a) => a.outcome !== null && !NO_MERITS.has(a.outcome));
  const inTime = onMerits.filter((a) => (a.decidedOn ?? '') <= a.decideBy).length;
  // Working days between two days are the difference of their counts from one day (here the
  // quarter's first), and an office's appeals share a few hundred days: each is counted once.
  const counted = new Map<string, number>();
  const countTo = (day: string): number => {
    let n = counted.get(day);
    if (n === undefined) {
      n = workingDaysBetween(cal, q.from, day);
      counted.set(day, n);
    }
    return n;
  };
  const days = onMerits
    .map((a) => countTo(a.decidedOn ?? a.registeredOn) - countTo(a.registeredOn))
    .sort((a, b) => a - b);
  const median = medianOf(days);

  // First contact: only appeals with somebody to contact; one still inside its 72 hours with
  // no contact yet is not judged.
  let contactTotal = 0;
  let contactInTime = 0;
  for (const a of ofQuarter) {
    if (a.applicantId === null) continue;
    const contact = a.firstContactAt?.slice(0, 16) ?? null;
    const due = a.acknowledgeBy.slice(0, 16);
    if (contact === null && due.slice(0, 10) >= today) continue;
    contactTotal++;
    if (contact !== null && contact <= due) contactInTime++;
  }

  const perMonth = Math.round((receptionsHeld / 3) * 10) / 10;
  return {
    decidedWithinDeadline: ratio(inTime, onMerits.length),
    medianWorkingDaysToDecision: median,
    medianWorkingDaysDisplay: median === null ? '—' : formatNumber(median, 1),
    firstContactWithin72h: ratio(contactInTime, contactTotal),
    acknowledgeHours: settings.deadlines.acknowledgeHours,
    extendedCount: decided.filter((a) => a.extendedTo !== null).length,
    inquiries: inquiryIndicators(data, settings, cal, q, today),
    receptionsHeld,
    receptionsPerMonth: perMonth,
    receptionsPerMonthDisplay: formatNumber(perMonth, 1),
  };
}

function medianOf(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

function inquiryIndicators(
  data: ReportInput,
  settings: ReportSettings,
  cal: WorkCalendar,
  q: QuarterBounds,
  today: string,
): InquiryIndicators {
  let sent = 0;
  let answered = 0;
  let answeredOnTime = 0;
  let overdue = 0;
  let awaiting = 0;
  for (const inquiry of data.inquiries) {
    const date = inquiry.outgoingDate;
    if (inquiry.deletedAt !== null || inquiry.status === 'draft' || date === null) continue;
    if (!within(date, q)) continue;
    sent++;
    const due = inquiry.dueDate ?? inquiryAnswerBy(cal, date, settings.deadlines);
    if (inquiry.response !== null) {
      answered++;
      if (inquiry.response.receivedOn <= due) answeredOnTime++;
    } else if (due < today) {
      overdue++;
    } else {
      awaiting++;
    }
  }
  return {
    sent,
    answered,
    answeredOnTime,
    overdue,
    awaiting,
    onTimeShare: ratio(answeredOnTime, sent - awaiting),
  };
}
