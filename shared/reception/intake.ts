// The rules of a visitor's intake at a reception, without storage: the response date the law
// allows, the subject made from the first words, and the checks an intake and a new visitor
// pass before anything is written. The repository (renderer/src/db/repositories/intake.ts)
// turns the issues found here into its refusal.

import { isWorkingDay, type WorkCalendar } from '../calendar';
import {
  APPEAL_KINDS,
  PROPOSED_ACTIONS,
  VULNERABLE_CATEGORIES,
  applicantInputSchema,
  isLocalDate,
  type AppealKind,
  type ApplicantInput,
  type ProposedAction,
  type QueueStatus,
  type VulnerableCategory,
} from '../domain';
import type { ConsentChoice } from '../validation/consent';
import { normalizeKzPhone } from '../validation/phone';
import {
  computeDeadlines,
  registrationDay,
  type DeadlineRules,
  type WorkHours,
} from '../workflow/deadlines';

/** A field and the message code of what is wrong with it. */
export interface IntakeIssue {
  path: string;
  code: string;
}

/** The response deadline of an intake: the legal one, and the one suggested for the action. */
export interface IntakeDeadline {
  registeredOn: string;
  /** The latest date the law allows: forwarding within 3 working days (АППК art. 65), otherwise consideration within 15 (art. 76). */
  legal: string;
}

export function intakeDeadline(
  calendar: WorkCalendar,
  receivedAt: string,
  rules: { workHours: WorkHours; deadlines: DeadlineRules },
  proposedAction: ProposedAction | null,
): IntakeDeadline {
  const registeredOn = registrationDay(calendar, receivedAt, rules.workHours);
  const d = computeDeadlines(calendar, { receivedAt, registeredOn }, rules.deadlines);
  return { registeredOn, legal: proposedAction === 'forwarding' ? d.forwardBy : d.decideBy };
}

/** A short subject from the first words of the text, when the deputy wrote none. */
export function subjectFromText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`;
}

export type IntakeApplicant =
  | { existingId: string }
  | { create: ApplicantInput }
  /** The visitor would not give their name: an anonymous appeal. */
  | null;

export interface IntakeInput {
  receptionId: string;
  entryId: string;
  applicant: IntakeApplicant;
  /** Checklist step 2: the problem word for word. */
  text: string;
  /** Checklist step 3: "What do you expect from me as your deputy?" */
  expectation?: string;
  /** Checklist step 4. */
  proposedAction?: ProposedAction | null;
  /** Checklist step 5: what was agreed (kept as a note in the appeal's history). */
  conversationResult?: string;
  /** Checklist step 5: the response date promised; within the law (`intakeDeadline`). */
  respondBy?: string | null;
  subject?: string;
  kind?: AppealKind;
  topic?: string;
  location?: { locality?: string; district?: string; street?: string; building?: string };
  /** The vulnerable categories in words, for the appeal's priority reason. */
  priorityReason?: string | null;
  /**
   * What the visitor chose about their personal data (shared/validation/consent.ts): consent
   * given, or refused — the appeal is then registered without personal data (`applicant`
   * null). Not needed for a returning applicant whose consent is on file, nor when the new
   * applicant's record already carries it.
   */
  consent?: ConsentChoice | null;
}

/**
 * What is wrong with an intake before anything is stored (the first problem, or every issue
 * of a new applicant's details under `applicant.`): the text is required, the action and the
 * kind must be known ones, a new applicant must be valid.
 */
export function checkIntake(input: IntakeInput): IntakeIssue[] {
  if (input.text.trim() === '') return [{ path: 'text', code: 'required' }];
  if (input.proposedAction != null && !PROPOSED_ACTIONS.includes(input.proposedAction)) {
    return [{ path: 'proposedAction', code: 'invalid_option' }];
  }
  if (input.kind !== undefined && !APPEAL_KINDS.includes(input.kind)) {
    return [{ path: 'kind', code: 'invalid_option' }];
  }
  if (input.applicant && 'create' in input.applicant) {
    const result = applicantInputSchema.safeParse(input.applicant.create);
    if (!result.success) {
      return result.error.issues.map((i) => ({
        path: ['applicant', ...i.path.map(String)].join('.'),
        code: i.message,
      }));
    }
  }
  return [];
}

/** The promised response date: a working day between registration and the legal deadline. */
export function checkRespondBy(
  calendar: WorkCalendar,
  respondBy: string,
  deadline: IntakeDeadline,
): IntakeIssue | null {
  if (!isLocalDate(respondBy)) return { path: 'respondBy', code: 'invalid_date' };
  if (respondBy < deadline.registeredOn) {
    return { path: 'respondBy', code: 'respond_by_before_registration' };
  }
  if (respondBy > deadline.legal) return { path: 'respondBy', code: 'respond_by_after_legal' };
  if (!isWorkingDay(calendar, respondBy)) return { path: 'respondBy', code: 'respond_by_day_off' };
  return null;
}

export interface VisitorInput {
  name: string;
  phone?: string | null;
  vulnerableCategories?: readonly VulnerableCategory[];
  /** A returning applicant recognised while the name or phone was typed. */
  applicantId?: string | null;
  note?: string;
}

/** A visitor as the queue stores them: the name trimmed, the phone in E.164, categories once. */
export type CheckedVisitor =
  | { ok: true; name: string; phone: string | null; categories: VulnerableCategory[] }
  | { ok: false; issue: IntakeIssue };

export function checkVisitor(input: VisitorInput): CheckedVisitor {
  const name = input.name.trim();
  if (name === '') return { ok: false, issue: { path: 'name', code: 'required' } };
  let phone: string | null = null;
  if (input.phone && input.phone.trim() !== '') {
    const result = normalizeKzPhone(input.phone);
    if (!result.ok) return { ok: false, issue: { path: 'phone', code: result.code } };
    phone = result.e164;
  }
  const categories = [...new Set(input.vulnerableCategories ?? [])];
  for (const c of categories) {
    if (!(VULNERABLE_CATEGORIES as readonly string[]).includes(c)) {
      return { ok: false, issue: { path: 'vulnerableCategories', code: 'invalid_option' } };
    }
  }
  return { ok: true, name, phone, categories };
}

export type QueueMove = 'call' | 'leave' | 'requeue';

/** Which queue moves are allowed, from → to. `done` only comes from registering an intake. */
const QUEUE_MOVES: Record<QueueMove, readonly QueueStatus[]> = {
  call: ['waiting'],
  leave: ['waiting', 'in_conversation'],
  requeue: ['left', 'in_conversation'],
};
const MOVE_TARGET = { call: 'in_conversation', leave: 'left', requeue: 'waiting' } as const;

/** Where a move takes a visitor in `from`, or null when the move is not allowed from there. */
export function queueMove(from: QueueStatus, move: QueueMove): QueueStatus | null {
  return QUEUE_MOVES[move].includes(from) ? MOVE_TARGET[move] : null;
}
