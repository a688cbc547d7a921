import { isWorkingDay, type WorkCalendar } from '@shared/calendar';
import {
  applicantInputSchema,
  APPEAL_KINDS,
  isLocalDate,
  makeEvent,
  nextQueueNumber,
  PROPOSED_ACTIONS,
  queueEntrySchema,
  receptionSchema,
  VULNERABLE_CATEGORIES,
  type Appeal,
  type AppealKind,
  type Applicant,
  type ApplicantInput,
  type ProposedAction,
  type QueueEntry,
  type QueueStatus,
  type Reception,
  type VulnerableCategory,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { normalizeKzPhone } from '@shared/validation/phone';
import {
  computeDeadlines,
  registrationDay,
  type DeadlineRules,
  type WorkHours,
} from '@shared/workflow/deadlines';
import type { TizilimDb } from '../database';
import { appealTables, createAppeal, storeAppeal } from './appeals';
import { createApplicant } from './applicants';
import { loadRules, stamp, type WriteContext } from './context';
import { notFound, parseOrThrow, RepositoryError } from './errors';
import { liveReception } from '@renderer/db/queries/receptions';
import { nextVersion } from './records';

/** Drafts of unfinished intakes: one per visitor, `${receptionId}:${entryId}`. */
export const INTAKE_DRAFT_KIND = 'intake';

export function intakeDraftKey(receptionId: string, entryId: string): string {
  return `${receptionId}:${entryId}`;
}

function fieldError(path: string, code: string): RepositoryError {
  return new RepositoryError('validation', null, [{ path, code }]);
}

/** The queue may change while the reception is planned (it is being run) — not after. */
function checkRunning(reception: Reception): void {
  if (reception.status === 'cancelled')
    throw new RepositoryError('conflict', 'reception_cancelled');
  if (reception.status === 'held') throw new RepositoryError('conflict', 'reception_already_held');
}

async function writeQueue(
  db: TizilimDb,
  reception: Reception,
  queue: QueueEntry[],
  ctx: WriteContext,
  iso: string,
): Promise<Reception> {
  const next = parseOrThrow(receptionSchema, nextVersion(reception, { queue }, iso, ctx.userId));
  await db.receptions.put(next);
  return next;
}

export interface VisitorInput {
  name: string;
  phone?: string | null;
  vulnerableCategories?: readonly VulnerableCategory[];
  /** A returning applicant recognised while the name or phone was typed. */
  applicantId?: string | null;
  note?: string;
}

/**
 * A visitor arrives: they get the next arrival number. Vulnerable visitors (any category)
 * are called first by `queueOrder`; their categories are the reason shown.
 */
export async function addVisitor(
  db: TizilimDb,
  receptionId: string,
  input: VisitorInput,
  ctx: WriteContext,
): Promise<{ reception: Reception; entry: QueueEntry }> {
  const name = input.name.trim();
  if (name === '') throw fieldError('name', 'required');
  let phone: string | null = null;
  if (input.phone && input.phone.trim() !== '') {
    const result = normalizeKzPhone(input.phone);
    if (!result.ok) throw fieldError('phone', result.code);
    phone = result.e164;
  }
  const categories = [...new Set(input.vulnerableCategories ?? [])];
  for (const c of categories) {
    if (!(VULNERABLE_CATEGORIES as readonly string[]).includes(c)) {
      throw fieldError('vulnerableCategories', 'invalid_option');
    }
  }
  const time = stamp(ctx);
  return db.transaction('rw', [db.receptions, db.applicants], async () => {
    const reception = await liveReception(db, receptionId);
    checkRunning(reception);
    if (input.applicantId) {
      const applicant = await db.applicants.get(input.applicantId);
      if (!applicant || applicant.deletedAt !== null) throw notFound();
    }
    const entry = parseOrThrow(queueEntrySchema, {
      id: newId(),
      number: nextQueueNumber(reception.queue),
      arrivedAt: time.local,
      name,
      phone,
      vulnerable: categories.length > 0,
      vulnerableCategories: categories,
      status: 'waiting',
      applicantId: input.applicantId ?? null,
      appealId: null,
      note: input.note ?? '',
    });
    const next = await writeQueue(db, reception, [...reception.queue, entry], ctx, time.iso);
    return { reception: next, entry };
  });
}

/** Which queue moves are allowed, from → to. `done` only comes from `registerIntake`. */
const QUEUE_MOVES: Record<'call' | 'leave' | 'requeue', readonly QueueStatus[]> = {
  call: ['waiting'],
  leave: ['waiting', 'in_conversation'],
  requeue: ['left', 'in_conversation'],
};
const MOVE_TARGET = { call: 'in_conversation', leave: 'left', requeue: 'waiting' } as const;

async function moveVisitor(
  db: TizilimDb,
  receptionId: string,
  entryId: string,
  move: keyof typeof QUEUE_MOVES,
  ctx: WriteContext,
): Promise<Reception> {
  const time = stamp(ctx);
  return db.transaction('rw', db.receptions, async () => {
    const reception = await liveReception(db, receptionId);
    checkRunning(reception);
    const entry = reception.queue.find((e) => e.id === entryId);
    if (!entry) throw notFound();
    if (!QUEUE_MOVES[move].includes(entry.status)) {
      throw new RepositoryError('conflict', 'queue_status_invalid');
    }
    const queue = reception.queue.map((e) =>
      e.id === entryId ? { ...e, status: MOVE_TARGET[move] } : e,
    );
    return writeQueue(db, reception, queue, ctx, time.iso);
  });
}

/** The deputy calls the visitor in: their intake starts. */
export function callVisitor(
  db: TizilimDb,
  receptionId: string,
  entryId: string,
  ctx: WriteContext,
) {
  return moveVisitor(db, receptionId, entryId, 'call', ctx);
}

/** The visitor did not answer when called, or went away: "no show". */
export function markVisitorLeft(
  db: TizilimDb,
  receptionId: string,
  entryId: string,
  ctx: WriteContext,
) {
  return moveVisitor(db, receptionId, entryId, 'leave', ctx);
}

/** Back in the queue with the same number: came back, or the conversation is postponed. */
export function returnVisitorToQueue(
  db: TizilimDb,
  receptionId: string,
  entryId: string,
  ctx: WriteContext,
) {
  return moveVisitor(db, receptionId, entryId, 'requeue', ctx);
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
}

export interface IntakeResult {
  appeal: Appeal;
  applicant: Applicant | null;
  reception: Reception;
}

function checkRespondBy(calendar: WorkCalendar, respondBy: string, deadline: IntakeDeadline): void {
  if (!isLocalDate(respondBy)) throw fieldError('respondBy', 'invalid_date');
  if (respondBy < deadline.registeredOn) {
    throw fieldError('respondBy', 'respond_by_before_registration');
  }
  if (respondBy > deadline.legal) throw fieldError('respondBy', 'respond_by_after_legal');
  if (!isWorkingDay(calendar, respondBy)) throw fieldError('respondBy', 'respond_by_day_off');
}

/**
 * Finishes a visitor's conversation, all in ONE transaction: the applicant is linked (or
 * created), the appeal registered (channel reception, linked to the reception) with its
 * history, the promised response date set as its decision deadline, the queue entry marked
 * done, and the intake's draft removed. Any failure leaves everything as it was — the draft
 * included, so not a word is lost.
 */
export async function registerIntake(
  db: TizilimDb,
  input: IntakeInput,
  ctx: WriteContext,
): Promise<IntakeResult> {
  const text = input.text.trim();
  if (text === '') throw fieldError('text', 'required');
  if (input.proposedAction != null && !PROPOSED_ACTIONS.includes(input.proposedAction)) {
    throw fieldError('proposedAction', 'invalid_option');
  }
  if (input.kind !== undefined && !APPEAL_KINDS.includes(input.kind)) {
    throw fieldError('kind', 'invalid_option');
  }
  if (input.applicant && 'create' in input.applicant) {
    // Checked before anything is written, so its errors carry the applicant's paths.
    const result = applicantInputSchema.safeParse(input.applicant.create);
    if (!result.success) {
      throw new RepositoryError(
        'validation',
        null,
        result.error.issues.map((i) => ({
          path: ['applicant', ...i.path.map(String)].join('.'),
          code: i.message,
        })),
      );
    }
  }
  const time = stamp(ctx);
  return db.transaction(
    'rw',
    [...appealTables(db), db.receptions, db.counters, db.settings, db.drafts],
    async () => {
      const reception = await liveReception(db, input.receptionId);
      checkRunning(reception);
      const entry = reception.queue.find((e) => e.id === input.entryId);
      if (!entry) throw notFound();
      if (entry.status === 'done' || entry.appealId !== null) {
        throw new RepositoryError('conflict', 'intake_already_registered');
      }
      if (entry.status === 'left') throw new RepositoryError('conflict', 'queue_status_invalid');

      const rules = await loadRules(db);
      const deadline = intakeDeadline(
        rules.calendar,
        time.local,
        rules.settings,
        input.proposedAction ?? null,
      );
      if (input.respondBy) checkRespondBy(rules.calendar, input.respondBy, deadline);

      let applicant: Applicant | null = null;
      if (input.applicant && 'existingId' in input.applicant) {
        const found = await db.applicants.get(input.applicant.existingId);
        if (!found || found.deletedAt !== null) throw notFound();
        applicant = found;
      } else if (input.applicant) {
        const given = input.applicant.create;
        applicant = await createApplicant(
          db,
          {
            ...given,
            vulnerableCategories: [
              ...new Set([...(given.vulnerableCategories ?? []), ...entry.vulnerableCategories]),
            ],
          },
          ctx,
        );
      }

      const subject = input.subject?.trim() || subjectFromText(text);
      const created = await createAppeal(
        db,
        {
          receivedAt: time.local,
          channel: 'reception',
          kind: input.kind ?? 'application',
          applicantId: applicant?.id ?? null,
          subject,
          text: input.text,
          expectation: input.expectation ?? '',
          topic: input.topic?.trim() || 'other',
          location: {
            locality: input.location?.locality ?? '',
            district: input.location?.district ?? '',
            street: input.location?.street ?? '',
            building: input.location?.building ?? '',
          },
          priority: entry.vulnerable,
          priorityReason: entry.vulnerable ? input.priorityReason?.trim() || null : null,
          proposedAction: input.proposedAction ?? null,
          receptionId: reception.id,
          // The deputy spoke to the visitor in person: that is the first contact.
          firstContactAt: time.local,
        },
        ctx,
      );
      let appeal = created;
      const respondBy = input.respondBy ?? deadline.legal;
      if (respondBy !== created.decideBy) {
        // An earlier promise than the law's term: the office holds itself to it.
        appeal = { ...created, decideBy: respondBy };
        await storeAppeal(db, appeal);
      }
      const result = input.conversationResult?.trim() ?? '';
      if (result !== '' || input.proposedAction) {
        await db.events.add(
          makeEvent({
            appealId: appeal.id,
            type: 'noteAdded',
            data: {
              source: 'reception',
              receptionId: reception.id,
              proposedAction: input.proposedAction ?? null,
              respondBy,
            },
            now: time.iso,
            userId: ctx.userId,
            note: result,
          }),
        );
      }

      const queue = reception.queue.map((e) =>
        e.id === entry.id
          ? {
              ...e,
              status: 'done' as const,
              appealId: appeal.id,
              applicantId: applicant?.id ?? e.applicantId,
            }
          : e,
      );
      const next = await writeQueue(db, reception, queue, ctx, time.iso);
      await db.drafts
        .where('[kind+key]')
        .equals([INTAKE_DRAFT_KIND, intakeDraftKey(reception.id, entry.id)])
        .delete();
      return { appeal, applicant, reception: next };
    },
  );
}

/** One promise made at a reception: what the deputy will do, and by when. */
export interface ReceptionPromise {
  appealId: string;
  regNo: string;
  subject: string;
  topic: string;
  proposedAction: ProposedAction | null;
  decideBy: string;
  decidedOn: string | null;
  status: Appeal['status'];
  entryNumber: number | null;
  visitorName: string;
}

export interface ReceptionSummary {
  visitors: number;
  /** Conversations that ended as a registered appeal. */
  served: number;
  /** Visitors who left or did not answer when called. */
  noShows: number;
  appealsRegistered: number;
  /** Vulnerable visitors (served first). */
  vulnerable: number;
  /** Topics of the registered appeals, most frequent first. */
  topics: { topic: string; count: number }[];
  /** Appeals with a course of action, earliest deadline first. */
  promises: ReceptionPromise[];
  /** Still waiting or in conversation: nobody may be forgotten. */
  stillWaiting: QueueEntry[];
}

type SummaryAppeal = Pick<
  Appeal,
  | 'id'
  | 'regNo'
  | 'subject'
  | 'topic'
  | 'proposedAction'
  | 'decideBy'
  | 'decidedOn'
  | 'status'
  | 'deletedAt'
>;

/** What a reception came to. Pure: the reception and its appeals are arguments. */
export function summarizeReception(
  reception: Pick<Reception, 'queue'>,
  appeals: readonly SummaryAppeal[],
): ReceptionSummary {
  const live = appeals.filter((a) => a.deletedAt === null);
  const entryOf = new Map(reception.queue.flatMap((e) => (e.appealId ? [[e.appealId, e]] : [])));
  const topicCounts = new Map<string, number>();
  for (const a of live) topicCounts.set(a.topic, (topicCounts.get(a.topic) ?? 0) + 1);
  const topics = [...topicCounts]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
  const promises = live
    .filter((a) => a.proposedAction !== null)
    .map((a) => {
      const entry = entryOf.get(a.id);
      return {
        appealId: a.id,
        regNo: a.regNo,
        subject: a.subject,
        topic: a.topic,
        proposedAction: a.proposedAction,
        decideBy: a.decideBy,
        decidedOn: a.decidedOn,
        status: a.status,
        entryNumber: entry?.number ?? null,
        visitorName: entry?.name ?? '',
      };
    })
    .sort((a, b) => a.decideBy.localeCompare(b.decideBy) || a.regNo.localeCompare(b.regNo));
  return {
    visitors: reception.queue.length,
    served: reception.queue.filter((e) => e.status === 'done').length,
    noShows: reception.queue.filter((e) => e.status === 'left').length,
    appealsRegistered: live.length,
    vulnerable: reception.queue.filter((e) => e.vulnerable).length,
    topics,
    promises,
    stillWaiting: reception.queue
      .filter((e) => e.status === 'waiting' || e.status === 'in_conversation')
      .sort((a, b) => a.number - b.number),
  };
}
