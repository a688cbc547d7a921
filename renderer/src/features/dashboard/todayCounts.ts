// What needs doing today, counted from the compact registry rows. Pure: the calendar, the
// date and the clock are arguments, so the counts are testable and the same rows always give
// the same answer. One pass over the rows, string comparisons only (plus a working-day
// lookup for the few decided appeals), so 50,000 appeals count in a few milliseconds.

import { addWorkingDays, type WorkCalendar } from '@shared/calendar';
import { addHours } from '@shared/calendar/dates';
import type { Inquiry, Reception } from '@shared/domain';
import type { DeadlineState } from '@shared/workflow/deadlines';
import { informBy } from '@shared/workflow/predicates';
import type { RegistryRow } from '@renderer/db/registryRow';

/** The columns of a registry row the Today view reads. */
export type TodayRow = Pick<
  RegistryRow,
  | 'id'
  | 'regNo'
  | 'subject'
  | 'status'
  | 'decideBy'
  | 'acknowledgeBy'
  | 'firstContactAt'
  | 'decidedOn'
  | 'applicantInformedAt'
  | 'assignee'
  | 'priority'
  | 'applicantId'
>;

/**
 * Where each count of the Today view opens the registry: its one-click views (`?view=…`)
 * where there is one, otherwise its filters. The counts follow the registry's rules
 * (renderer/src/features/registry/query.ts: open = not decided or closed, deadline state as
 * the badge shows it, first contact only when there is an applicant to contact), so a count
 * and the list it opens agree.
 */
export const TODAY_LINKS = {
  overdue: '/registry?view=overdue',
  dueToday: '/registry?view=due_today',
  dueSoon: '/registry?deadline=due_soon',
  notContacted: '/registry?view=not_contacted',
  // The registry has no "not yet informed" view: decided appeals are the closest list.
  notInformed: '/registry?view=not_informed',
  waitingAgency: '/registry?view=waiting_agency',
  mine: '/registry?view=mine',
} as const;

/** As in `deadlineState`: a deadline within the next two working days is "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

export interface TodayOptions {
  calendar: WorkCalendar;
  /** Kazakhstan calendar date 'YYYY-MM-DD'. */
  today: string;
  /** Kazakhstan local time now, 'YYYY-MM-DDTHH:mm'. */
  now: string;
  /** The staff member at the keyboard, for "assigned to me". */
  userId: string;
  /** Working days to report the result after the decision (DeadlineRules.informWorkingDays). */
  informWorkingDays: number;
  /**
   * Only first contacts due within this many clock hours (or already late); by default all
   * of them, which are at most the 72 hours of the rule away, as the registry lists them.
   */
  approachingHours?: number;
  /** Length of each short list. */
  listLimit?: number;
}

export interface TodayCounts {
  /** Appeals not yet decided. */
  open: number;
  dueToday: number;
  /** Due within the next 1–2 working days (not today). */
  dueSoon: number;
  overdue: number;
  /** Waiting for the first contact (the 72-hour rule): its deadline passed or is coming. */
  notContacted: number;
  /** …of which the deadline has passed. */
  notContactedLate: number;
  /** Decided, the applicant not yet told the result. */
  notInformed: number;
  /** …of which the inform-by date has passed. */
  notInformedLate: number;
  waitingAgency: number;
  /** Open appeals assigned to the current user. */
  mine: number;
}

export type UrgentState = Extract<DeadlineState, 'overdue' | 'due_today' | 'due_soon'>;

export interface UrgentItem {
  row: TodayRow;
  state: UrgentState;
}
export interface ContactItem {
  row: TodayRow;
  late: boolean;
}
export interface InformItem {
  row: TodayRow;
  informBy: string;
  state: DeadlineState;
}

export interface TodaySummary {
  counts: TodayCounts;
  /** Open appeals overdue, due today or due soon: earliest deadline first. */
  urgent: UrgentItem[];
  /** Appeals waiting for their first contact: earliest deadline first. */
  contact: ContactItem[];
  /** Decided appeals whose applicant still has to hear the result: earliest first. */
  inform: InformItem[];
}

/**
 * The first date that is no longer "due soon": the third working day after today. A deadline
 * d with today < d < this date has at most two working days left, as `deadlineState` counts.
 */
export function dueSoonBefore(calendar: WorkCalendar, today: string): string {
  return addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS + 1);
}

type Compare<T> = (a: T, b: T) => number;

function byDate<T>(
  key: (item: T) => string,
  regNo: (item: T) => string,
  priority: (item: T) => boolean,
): Compare<T> {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    // Same deadline: vulnerable applicants first, then registry order.
    const pa = priority(a);
    const pb = priority(b);
    if (pa !== pb) return pa ? -1 : 1;
    const ra = regNo(a);
    const rb = regNo(b);
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  };
}

/**
 * The `limit` smallest items seen, in order. Most items are rejected by one comparison with
 * the current last one, so tens of thousands of overdue appeals are never sorted.
 */
class Smallest<T> {
  readonly items: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: Compare<T>,
  ) {}

  offer(item: T): void {
    const { items, limit, compare } = this;
    if (limit <= 0) return;
    const last = items[items.length - 1];
    if (items.length >= limit && last !== undefined && compare(item, last) >= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(items[mid] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, item);
    if (items.length > limit) items.pop();
  }
}

/** Counts and short lists for the Today view, in one pass over the rows. */
export function summarizeToday(rows: readonly TodayRow[], options: TodayOptions): TodaySummary {
  const { calendar, today, now, userId, informWorkingDays } = options;
  const limit = options.listLimit ?? 8;
  const soonLimit = dueSoonBefore(calendar, today);
  const contactHorizon =
    options.approachingHours === undefined ? null : addHours(now, options.approachingHours);

  const counts: TodayCounts = {
    open: 0,
    dueToday: 0,
    dueSoon: 0,
    overdue: 0,
    notContacted: 0,
    notContactedLate: 0,
    notInformed: 0,
    notInformedLate: 0,
    waitingAgency: 0,
    mine: 0,
  };
  const urgent = new Smallest<UrgentItem>(
    limit,
    byDate(
      (i) => i.row.decideBy,
      (i) => i.row.regNo,
      (i) => i.row.priority,
    ),
  );
  const contact = new Smallest<ContactItem>(
    limit,
    byDate(
      (i) => i.row.acknowledgeBy,
      (i) => i.row.regNo,
      (i) => i.row.priority,
    ),
  );
  const inform = new Smallest<InformItem>(
    limit,
    byDate(
      (i) => i.informBy,
      (i) => i.row.regNo,
      (i) => i.row.priority,
    ),
  );

  for (const row of rows) {
    if (row.status === 'closed') continue;
    if (row.status === 'decided') {
      if (row.applicantInformedAt !== null) continue;
      counts.notInformed++;
      const due = informBy(calendar, row.decidedOn ?? today, informWorkingDays);
      const state: DeadlineState =
        due < today
          ? 'overdue'
          : due === today
            ? 'due_today'
            : due < soonLimit
              ? 'due_soon'
              : 'on_track';
      if (state === 'overdue') counts.notInformedLate++;
      inform.offer({ row, informBy: due, state });
      continue;
    }

    counts.open++;
    if (row.status === 'waiting_agency') counts.waitingAgency++;
    if (row.assignee === userId) counts.mine++;

    const due = row.decideBy;
    if (due < today) {
      counts.overdue++;
      urgent.offer({ row, state: 'overdue' });
    } else if (due === today) {
      counts.dueToday++;
      urgent.offer({ row, state: 'due_today' });
    } else if (due < soonLimit) {
      counts.dueSoon++;
      urgent.offer({ row, state: 'due_soon' });
    }

    if (
      row.firstContactAt === null &&
      row.applicantId !== null &&
      (contactHorizon === null || row.acknowledgeBy <= contactHorizon)
    ) {
      const late = row.acknowledgeBy < now;
      counts.notContacted++;
      if (late) counts.notContactedLate++;
      contact.offer({ row, late });
    }
  }

  return { counts, urgent: urgent.items, contact: contact.items, inform: inform.items };
}

export type TodayInquiry = Pick<Inquiry, 'status' | 'dueDate' | 'deletedAt'>;

/** A deputy inquiry whose answer is late: sent (or marked overdue) and past its due date. */
export function isInquiryLate(inquiry: TodayInquiry, today: string): boolean {
  return (
    inquiry.deletedAt === null &&
    (inquiry.status === 'sent' || inquiry.status === 'overdue') &&
    inquiry.dueDate !== null &&
    inquiry.dueDate < today
  );
}

export function countLateInquiries(inquiries: readonly TodayInquiry[], today: string): number {
  let n = 0;
  for (const inquiry of inquiries) if (isInquiryLate(inquiry, today)) n++;
  return n;
}

/** First and last day of today's month, as 'YYYY-MM-DD' (for an index range on receptions). */
export function monthOf(today: string): { start: string; end: string } {
  const month = today.slice(0, 7);
  // '31' is past the last day of every month, so it bounds the range as a string.
  return { start: `${month}-01`, end: `${month}-31` };
}

export type TodayReception = Pick<Reception, 'date' | 'status' | 'deletedAt'>;

/** Receptions planned or held in today's month (the seed asks for at least one a month). */
export function receptionsThisMonth(receptions: readonly TodayReception[], today: string): number {
  const { start, end } = monthOf(today);
  let n = 0;
  for (const r of receptions) {
    if (
      r.deletedAt === null &&
      (r.status === 'planned' || r.status === 'held') &&
      r.date >= start &&
      r.date <= end
    ) {
      n++;
    }
  }
  return n;
}
