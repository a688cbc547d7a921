import {
  agencyName,
  appealSchema,
  inquiryInputSchema,
  inquirySchema,
  makeEvent,
  newBaseFields,
  type Agency,
  type Appeal,
  type Inquiry,
  type InquiryInput,
} from '@shared/domain';
import { isLocalDate } from '@shared/domain/common';
import { newId } from '@shared/ids';
import { inquiryAnswerBy } from '@shared/workflow/deadlines';
import {
  appealsReleasedBy,
  isAnswerIncomplete,
  isAwaitingAnswer,
  isInquiryOverdue,
} from '@shared/workflow/inquiries';
import { applyTransition, type WorkflowAction } from '@shared/workflow/status';
import type { TizilimDb } from '../database';
import { appealTables, storeAppeal } from './appeals';
import { loadRules, stamp, type Stamp, type WriteContext } from './context';
import { parseOrThrow, RepositoryError } from './errors';
import { checkInquiryDates } from '@shared/validation/dates';
import { factClockOf, refuseIssues } from './facts';
import { issueNextNumber, numberingTables } from './numbering';
import { checkVersion, loadLive, nextVersion, sameData, softDeleted } from './records';
import { isDecided } from '@shared/workflow/predicates';

/** The tables every inquiry write may touch: the inquiry, its addressee, appeals it moves. */
export function inquiryTables(db: TizilimDb) {
  return [db.inquiries, db.agencies, db.attachments, ...numberingTables(db), ...appealTables(db)];
}

/** The fields of a new inquiry; numbers, dates and status are the repository's business. */
export type NewInquiry = Pick<
  InquiryInput,
  | 'agencyId'
  | 'addressee'
  | 'appealIds'
  | 'subject'
  | 'body'
  | 'templateId'
  | 'extra'
  | 'language'
  | 'assignee'
  | 'notes'
>;

export type InquiryDraftPatch = Partial<NewInquiry>;

export function fieldError(path: string, code: string): RepositoryError {
  return new RepositoryError('validation', null, [{ path, code }]);
}

export function todayOf(time: Stamp): string {
  return time.local.slice(0, 10);
}

export function getInquiry(db: TizilimDb, id: string): Promise<Inquiry> {
  return loadLive(db.inquiries, id);
}

/** The addressee, which must be in the directory and in use. */
async function checkAgency(db: TizilimDb, agencyId: string | null): Promise<Agency | null> {
  if (agencyId === null) return null;
  const agency = await db.agencies.get(agencyId);
  if (!agency || agency.deletedAt !== null) throw fieldError('agencyId', 'record_not_found');
  if (agency.retired) throw fieldError('agencyId', 'agency_retired');
  return agency;
}

/** The linked appeals, in the order given; a missing or deleted one is refused. */
async function linkedAppeals(db: TizilimDb, ids: readonly string[]): Promise<Appeal[]> {
  const found = await db.appeals.bulkGet([...ids]);
  return found.map((appeal, i) => {
    if (!appeal || appeal.deletedAt !== null) {
      throw fieldError(`appealIds.${String(i)}`, 'record_not_found');
    }
    return appeal;
  });
}

/**
 * Validates the editable fields of an inquiry as a draft. A blank addressee line is filled
 * from the directory (the agency's name in the letter's language).
 */
async function draftFields(db: TizilimDb, fields: NewInquiry) {
  const data = parseOrThrow(inquiryInputSchema, {
    ...fields,
    addressee: fields.addressee?.trim() ? fields.addressee : '-',
    status: 'draft',
  });
  const agency = await checkAgency(db, data.agencyId);
  const addressee = fields.addressee?.trim() ?? '';
  if (addressee === '') {
    if (agency === null) throw fieldError('addressee', 'required');
    data.addressee = agencyName(agency, data.language);
  }
  await linkedAppeals(db, data.appealIds);
  return data;
}

async function storeNew(
  db: TizilimDb,
  fields: Awaited<ReturnType<typeof draftFields>>,
  link: { repeatOfId: string | null },
  ctx: WriteContext,
  time: Stamp,
): Promise<Inquiry> {
  const inquiry = parseOrThrow(inquirySchema, {
    ...fields,
    ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
    status: 'draft',
    outgoingNo: null,
    outgoingDate: null,
    dueDate: null,
    response: null,
    repeatOfId: link.repeatOfId,
  });
  await db.inquiries.add(inquiry);
  return inquiry;
}

/**
 * A new inquiry as a draft: about one or several appeals (a collective problem) or none
 * (the deputy's own initiative). Nothing is numbered and no appeal changes until it is sent.
 */
export async function createInquiry(
  db: TizilimDb,
  input: NewInquiry,
  ctx: WriteContext,
): Promise<Inquiry> {
  const time = stamp(ctx);
  return db.transaction('rw', inquiryTables(db), async () => {
    const fields = await draftFields(db, input);
    return storeNew(db, fields, { repeatOfId: null }, ctx, time);
  });
}

function draftInput(inquiry: Inquiry): NewInquiry {
  return {
    agencyId: inquiry.agencyId,
    addressee: inquiry.addressee,
    appealIds: inquiry.appealIds,
    subject: inquiry.subject,
    body: inquiry.body,
    templateId: inquiry.templateId,
    extra: inquiry.extra,
    language: inquiry.language,
    assignee: inquiry.assignee,
    notes: inquiry.notes,
  };
}

/** Edits a draft; a sent letter is a record and stays as it went out. */
export async function updateInquiryDraft(
  db: TizilimDb,
  id: string,
  patch: InquiryDraftPatch,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Inquiry> {
  const time = stamp(ctx);
  return db.transaction('rw', inquiryTables(db), async () => {
    const current = await getInquiry(db, id);
    checkVersion(current, options.expectedVersion);
    if (current.status !== 'draft') throw new RepositoryError('workflow', 'inquiry_not_draft');
    const fields = await draftFields(db, { ...draftInput(current), ...patch });
    if (sameData(draftInput({ ...current, ...fields }), draftInput(current))) return current;
    const inquiry = parseOrThrow(inquirySchema, nextVersion(current, fields, time, ctx.userId));
    await db.inquiries.put(inquiry);
    return inquiry;
  });
}

/** Soft-deletes a draft that will not be sent (a sent inquiry is closed instead). */
export async function deleteInquiryDraft(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
): Promise<void> {
  const time = stamp(ctx);
  await db.transaction('rw', inquiryTables(db), async () => {
    const current = await getInquiry(db, id);
    if (current.status !== 'draft') throw new RepositoryError('workflow', 'inquiry_not_draft');
    await db.inquiries.put(softDeleted(current, time, ctx.userId));
  });
}

/** Applies a workflow action to a stored appeal with its statusChanged event. */
async function moveAppeal(
  db: TizilimDb,
  appeal: Appeal,
  action: WorkflowAction,
  ctx: WriteContext,
  time: Stamp,
): Promise<Appeal> {
  const result = applyTransition(appeal, action, { now: time.iso, userId: ctx.userId });
  if (!result.ok) throw new RepositoryError('workflow', result.error.code);
  const next = parseOrThrow(appealSchema, result.appeal);
  await storeAppeal(db, next);
  await db.events.add(result.event);
  return next;
}

/** Appeals that can no longer wait for an agency: the decision is made or it is closed. */
export function appealsThatCannotWait(appeals: readonly Pick<Appeal, 'status'>[]): number[] {
  return appeals.flatMap((a, i) => (isDecided(a) ? [i] : []));
}

export interface SentInquiry {
  inquiry: Inquiry;
  /** Appeals moved to "waiting for an agency" by this letter. */
  movedAppealIds: string[];
}

/**
 * Sends a draft: gives it the next outgoing number of the year of `outgoingDate`, sets the
 * answer's due date by the working-day calendar, and moves every linked appeal to
 * "waiting for an agency" (a just-registered one is taken into work first) with an
 * `inquirySent` event — all in one transaction. An appeal already decided or closed cannot
 * wait: the inquiry is refused naming it (issues `appealIds.<i>`), and nothing changes.
 */
export async function sendInquiry(
  db: TizilimDb,
  id: string,
  sending: { outgoingDate: string },
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<SentInquiry> {
  const time = stamp(ctx);
  const { outgoingDate } = sending;
  if (typeof outgoingDate !== 'string' || !isLocalDate(outgoingDate)) {
    throw fieldError('outgoingDate', 'invalid_date');
  }
  const clock = factClockOf(ctx);
  refuseIssues(checkInquiryDates({ outgoingDate, response: null }, clock));
  return db.transaction('rw', inquiryTables(db), async () => {
    const current = await getInquiry(db, id);
    checkVersion(current, options.expectedVersion);
    if (current.status !== 'draft') throw new RepositoryError('workflow', 'inquiry_not_draft');
    await checkAgency(db, current.agencyId);
    const appeals = await linkedAppeals(db, current.appealIds);
    // Not sent before the appeals it is about arrived.
    refuseIssues(checkInquiryDates({ outgoingDate, response: null }, clock, appeals));
    const stuck = appealsThatCannotWait(appeals);
    if (stuck.length > 0) {
      throw new RepositoryError(
        'workflow',
        'inquiry_appeal_cannot_wait',
        stuck.map((i) => ({ path: `appealIds.${String(i)}`, code: 'inquiry_appeal_cannot_wait' })),
      );
    }

    const rules = await loadRules(db);
    const year = Number(outgoingDate.slice(0, 4));
    const outgoingNo = (await issueNextNumber(db, 'inquiry', year)).number;

    const inquiry = parseOrThrow(
      inquirySchema,
      nextVersion(
        current,
        {
          status: 'sent',
          outgoingNo,
          outgoingDate,
          dueDate: inquiryAnswerBy(rules.calendar, outgoingDate, rules.settings.deadlines),
        },
        time,
        ctx.userId,
      ),
    );
    await db.inquiries.put(inquiry);

    const note = `№ ${outgoingNo} — ${inquiry.addressee}`;
    const movedAppealIds: string[] = [];
    for (let appeal of appeals) {
      if (appeal.status !== 'waiting_agency') {
        if (appeal.status === 'registered') {
          appeal = await moveAppeal(db, appeal, { type: 'start' }, ctx, time);
        }
        await moveAppeal(db, appeal, { type: 'awaitAgency', inquiryId: id, note }, ctx, time);
        movedAppealIds.push(appeal.id);
      }
      await db.events.add(
        makeEvent({
          appealId: appeal.id,
          type: 'inquirySent',
          data: { inquiryId: id, outgoingNo, outgoingDate, agencyId: inquiry.agencyId },
          now: time.iso,
          userId: ctx.userId,
          note,
        }),
      );
    }
    return { inquiry, movedAppealIds };
  });
}

/**
 * Takes the linked appeals out of "waiting for an agency" when no other inquiry still
 * waiting for an answer holds them.
 */
export async function releaseAppeals(
  db: TizilimDb,
  inquiry: Inquiry,
  note: string,
  ctx: WriteContext,
  time: Stamp,
): Promise<string[]> {
  if (inquiry.appealIds.length === 0) return [];
  const others = await db.inquiries
    .where('appealIds')
    .anyOf(inquiry.appealIds)
    .distinct()
    .toArray();
  const released: string[] = [];
  for (const appealId of appealsReleasedBy(inquiry, others)) {
    const appeal = await db.appeals.get(appealId);
    if (!appeal || appeal.deletedAt !== null || appeal.status !== 'waiting_agency') continue;
    await moveAppeal(
      db,
      appeal,
      { type: 'agencyAnswered', inquiryId: inquiry.id, note },
      ctx,
      time,
    );
    released.push(appealId);
  }
  return released;
}

/**
 * A repeat inquiry (a new draft with `repeatOfId`) to the same addressee about the same
 * appeals: after an answer missing parts, or when the answer is late. The text comes from
 * the 'inquiry-repeat' template, filled by the caller.
 */
export async function createRepeatInquiry(
  db: TizilimDb,
  originalId: string,
  letter: Pick<NewInquiry, 'subject' | 'body' | 'templateId' | 'extra' | 'language'>,
  ctx: WriteContext,
): Promise<Inquiry> {
  const time = stamp(ctx);
  return db.transaction('rw', inquiryTables(db), async () => {
    const original = await getInquiry(db, originalId);
    const needed =
      (original.status === 'answered' && isAnswerIncomplete(original)) ||
      isInquiryOverdue(original, todayOf(time));
    if (!needed) throw new RepositoryError('workflow', 'repeat_not_needed');
    const fields = await draftFields(db, {
      ...draftInput(original),
      ...letter,
      // Whoever answers now may have a new head: keep the line as it was written last time.
      addressee: original.addressee,
      notes: '',
    });
    return storeNew(db, fields, { repeatOfId: original.id }, ctx, time);
  });
}

/**
 * Closes an inquiry: the matter needs nothing more from the agency. An inquiry closed while
 * still waiting (the answer came by other means, or a repeat replaced it) lets its appeals
 * go on like an answer would.
 */
export async function closeInquiry(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
  options: { note?: string; expectedVersion?: number } = {},
): Promise<{ inquiry: Inquiry; releasedAppealIds: string[] }> {
  const time = stamp(ctx);
  return db.transaction('rw', inquiryTables(db), async () => {
    const current = await getInquiry(db, id);
    checkVersion(current, options.expectedVersion);
    if (current.status === 'closed') throw new RepositoryError('workflow', 'inquiry_closed');
    if (current.status === 'draft') throw new RepositoryError('workflow', 'inquiry_not_awaiting');
    const notes = options.note?.trim()
      ? [current.notes, options.note.trim()].filter(Boolean).join('\n')
      : current.notes;
    const inquiry = parseOrThrow(
      inquirySchema,
      nextVersion(current, { status: 'closed', notes }, time, ctx.userId),
    );
    await db.inquiries.put(inquiry);
    const releasedAppealIds = isAwaitingAnswer(current)
      ? await releaseAppeals(db, inquiry, `№ ${current.outgoingNo ?? ''}`, ctx, time)
      : [];
    return { inquiry, releasedAppealIds };
  });
}
