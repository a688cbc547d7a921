/**
 * Pure rules of deputy inquiries (domain.md, "Inquiry"): the outgoing number, where an
 * inquiry stands today (overdue is derived from the due date, never stored, so it cannot go
 * stale overnight), the list views, and an agency's record of answers.
 */

import type { WorkCalendar } from '../calendar';
import type { InquiryStatus, ResponsePart } from '../domain/enums';
import { missingResponseParts, type Inquiry } from '../domain/inquiry';
import { workingDaysLeft } from './deadlines';

/**
 * The outgoing number: «12/2026». The sequence restarts every year like the office's
 * outgoing-mail journal, the year keeps numbers unique across years, and the form differs
 * from the registry number of an appeal («2026-0012») so nobody mixes the two up. It has no
 * words, so the same number stands in a Kazakh and a Russian letter.
 */
export function formatInquiryNo(year: number, sequence: number): string {
  return `${String(sequence)}/${String(year)}`;
}

export function parseInquiryNo(value: string): { year: number; sequence: number } | null {
  const m = /^(\d+)\/(\d{4})$/.exec(value.trim());
  return m ? { sequence: Number(m[1]), year: Number(m[2]) } : null;
}

export type InquiryLike = Pick<
  Inquiry,
  'status' | 'dueDate' | 'deletedAt' | 'response' | 'outgoingDate'
>;

/** Sent (or marked overdue by an older version) and still waiting for the agency. */
export function isAwaitingAnswer(inquiry: Pick<Inquiry, 'status' | 'deletedAt'>): boolean {
  return inquiry.deletedAt === null && (inquiry.status === 'sent' || inquiry.status === 'overdue');
}

/**
 * Waiting past its due date. The same rule as the Today page's counter
 * (features/dashboard/todayCounts.ts `isInquiryLate`), so the number there and the
 * "overdue" list here always agree.
 */
export function isInquiryOverdue(inquiry: InquiryLike, today: string): boolean {
  return isAwaitingAnswer(inquiry) && inquiry.dueDate !== null && inquiry.dueDate < today;
}

/** The status shown to the user today: a stored 'sent' past its due date reads as overdue. */
export function inquiryState(inquiry: InquiryLike, today: string): InquiryStatus {
  if (isInquiryOverdue(inquiry, today)) return 'overdue';
  if (inquiry.status === 'overdue') return 'sent';
  return inquiry.status;
}

/** The agency's answer is recorded and misses at least one of the five parts. */
export function isAnswerIncomplete(inquiry: Pick<Inquiry, 'response'>): boolean {
  return inquiry.response !== null && missingResponseParts(inquiry.response.check).length > 0;
}

export function missingPartsOf(inquiry: Pick<Inquiry, 'response'>): ResponsePart[] {
  return inquiry.response === null ? [] : missingResponseParts(inquiry.response.check);
}

/** Answered by the due date (an answer without a due date, e.g. imported, counts as on time). */
export function isAnsweredOnTime(inquiry: Pick<Inquiry, 'response' | 'dueDate'>): boolean {
  return (
    inquiry.response !== null &&
    (inquiry.dueDate === null || inquiry.response.receivedOn <= inquiry.dueDate)
  );
}

export const INQUIRY_VIEWS = [
  'all',
  'draft',
  'sent',
  'overdue',
  'answered',
  'incomplete',
  'closed',
] as const;
export type InquiryView = (typeof INQUIRY_VIEWS)[number];

export function isInquiryView(value: string | null): value is InquiryView {
  return value !== null && (INQUIRY_VIEWS as readonly string[]).includes(value);
}

/**
 * Whether an inquiry belongs to a list view. "sent" lists everything still waiting for an
 * answer (overdue ones included, badged); "incomplete" lists answers missing parts that are
 * not closed yet — the ones that may need a repeat inquiry.
 */
export function inView(inquiry: InquiryLike, view: InquiryView, today: string): boolean {
  if (inquiry.deletedAt !== null) return false;
  switch (view) {
    case 'all':
      return true;
    case 'draft':
      return inquiry.status === 'draft';
    case 'sent':
      return isAwaitingAnswer(inquiry);
    case 'overdue':
      return isInquiryOverdue(inquiry, today);
    case 'answered':
      return inquiry.status === 'answered';
    case 'incomplete':
      return inquiry.status === 'answered' && isAnswerIncomplete(inquiry);
    case 'closed':
      return inquiry.status === 'closed';
  }
}

/** Working days left until the answer is due (negative when late), or null when not waiting. */
export function answerDaysLeft(
  cal: WorkCalendar,
  inquiry: InquiryLike,
  today: string,
): number | null {
  if (!isAwaitingAnswer(inquiry) || inquiry.dueDate === null) return null;
  return workingDaysLeft(cal, today, inquiry.dueDate);
}

export interface AgencyRecord {
  /** Inquiries that went out (everything but drafts). */
  sent: number;
  /** Answers received by the due date. */
  answeredOnTime: number;
  /** Answers received after the due date, plus inquiries still unanswered past it. */
  late: number;
  /** Of those, still without any answer. */
  unansweredLate: number;
  /** Still waiting, not yet due. */
  waiting: number;
  /** Answers that miss at least one of the five parts. */
  incomplete: number;
}

/** An agency's record over its inquiries, as the directory shows it. */
export function agencyRecord(inquiries: readonly InquiryLike[], today: string): AgencyRecord {
  const record: AgencyRecord = {
    sent: 0,
    answeredOnTime: 0,
    late: 0,
    unansweredLate: 0,
    waiting: 0,
    incomplete: 0,
  };
  for (const inquiry of inquiries) {
    if (inquiry.deletedAt !== null || inquiry.status === 'draft') continue;
    record.sent++;
    if (inquiry.response !== null) {
      if (isAnsweredOnTime(inquiry)) record.answeredOnTime++;
      else record.late++;
      if (isAnswerIncomplete(inquiry)) record.incomplete++;
    } else if (isInquiryOverdue(inquiry, today)) {
      record.late++;
      record.unansweredLate++;
    } else if (isAwaitingAnswer(inquiry)) {
      record.waiting++;
    }
  }
  return record;
}

/**
 * The appeals an inquiry releases from "waiting for an agency": those no other inquiry
 * still waiting for its answer holds.
 */
export function appealsReleasedBy(
  inquiry: Pick<Inquiry, 'id' | 'appealIds'>,
  others: readonly Pick<Inquiry, 'id' | 'appealIds' | 'status' | 'deletedAt'>[],
): string[] {
  const held = new Set<string>();
  for (const other of others) {
    if (other.id === inquiry.id || !isAwaitingAnswer(other)) continue;
    for (const id of other.appealIds) held.add(id);
  }
  return inquiry.appealIds.filter((id) => !held.has(id));
}
