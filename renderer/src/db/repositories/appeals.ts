import {
  appealInputSchema,
  appealSchema,
  makeEvent,
  newBaseFields,
  type Appeal,
  type AppealInput,
  type AppealInputData,
  type AppEvent,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { computeDeadlines, registrationDay, validateExtension } from '@shared/workflow/deadlines';
import { applyTransition, type WorkflowAction } from '@shared/workflow/status';
import type { TizilimDb } from '../database';
import { loadRules, stamp, type Rules, type WriteContext } from './context';
import { parseOrThrow, RepositoryError } from './errors';
import { issueNextNumber, numberingTables } from './numbering';
import { checkVersion, loadLive, nextVersion, sameData, softDeleted } from './records';
import { isDecided } from '@shared/workflow/predicates';
import { checkAppealDates } from '@shared/validation/dates';
import { factClockOf, refuseIssues, refuseWithoutConsent } from './facts';

/**
 * Writes an appeal. Its registry row, search words and change-log entry follow in the same
 * transaction, from the change layer (db/changeLayer.ts).
 */
export async function storeAppeal(db: TizilimDb, appeal: Appeal, mode: 'add' | 'put' = 'put') {
  if (mode === 'add') await db.appeals.add(appeal);
  else await db.appeals.put(appeal);
}

/** The tables a transaction that stores appeals must cover. */
export function appealTables(db: TizilimDb) {
  return [db.appeals, db.applicants, db.events];
}

/** registeredOn, decideBy and acknowledgeBy follow from receivedAt and the rules. */
function derivedDates(
  data: Pick<AppealInputData, 'receivedAt' | 'registeredOn' | 'extendedTo' | 'decidedOn'>,
  rules: Rules,
) {
  const registeredOn =
    data.registeredOn ?? registrationDay(rules.calendar, data.receivedAt, rules.settings.workHours);
  const deadlines = computeDeadlines(
    rules.calendar,
    {
      receivedAt: data.receivedAt,
      registeredOn,
      extendedTo: data.extendedTo,
      decidedOn: data.decidedOn,
    },
    rules.settings.deadlines,
  );
  return { registeredOn, decideBy: deadlines.decideBy, acknowledgeBy: deadlines.acknowledgeBy };
}

/**
 * Registers an appeal: validates it, gives it the next registry number of its registration
 * year (`issueNextNumber`: the office's series, this laptop's block, or a provisional number
 * when the block is used up) and writes it with its `created` event, all in one
 * transaction. Concurrent calls are serialised by IndexedDB (they write the same counter),
 * so numbers never repeat; a failure rolls the counter back with everything else.
 */
export async function createAppeal(
  db: TizilimDb,
  input: AppealInput,
  ctx: WriteContext,
): Promise<Appeal> {
  const data = parseOrThrow(appealInputSchema, input);
  const time = stamp(ctx);
  return db.transaction('rw', [...appealTables(db), ...numberingTables(db)], async () => {
    const rules = await loadRules(db);
    const dates = derivedDates(data, rules);
    // Dates are facts, and a person's data is stored only with their consent.
    refuseIssues(checkAppealDates({ ...data, ...dates }, factClockOf(ctx)));
    await refuseWithoutConsent(db, data);
    const year = Number(dates.registeredOn.slice(0, 4));
    const issued = await issueNextNumber(db, 'appeal', year);
    const regNo = issued.number;
    const draft = {
      ...data,
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
      ...dates,
      regNo,
    };
    const appeal = parseOrThrow(appealSchema, draft);
    await storeAppeal(db, appeal, 'add');
    await db.events.add(
      makeEvent({
        appealId: appeal.id,
        type: 'created',
        data: issued.provisional ? { regNo, provisional: true } : { regNo },
        now: time.iso,
        userId: ctx.userId,
      }),
    );
    return appeal;
  });
}

/** Fields a plain edit may change; status, outcome and deadlines have their own actions. */
export const EDITABLE_APPEAL_FIELDS = [
  'receivedAt',
  'channel',
  'kind',
  'collective',
  'signatories',
  'applicantId',
  'coApplicantIds',
  'subject',
  'text',
  'expectation',
  'topic',
  'location',
  'priority',
  'priorityReason',
  'proposedAction',
  'assignee',
  'outcomeSummary',
  'publicSummary',
  'inReport',
  'reportHighlight',
  'firstContactAt',
  'forwardedTo',
  'tags',
] as const satisfies readonly (keyof AppealInput)[];

export type EditableAppealField = (typeof EDITABLE_APPEAL_FIELDS)[number];
export type AppealPatch = Partial<Pick<AppealInput, EditableAppealField>>;

function getLive(db: TizilimDb, id: string): Promise<Appeal> {
  return loadLive(db.appeals, id);
}

/**
 * Edits an appeal's fields and writes one `fieldChanged` event listing what changed (old and
 * new values). Nothing is written when nothing changed.
 */
export async function updateAppeal(
  db: TizilimDb,
  id: string,
  patch: AppealPatch,
  ctx: WriteContext,
  options: { expectedVersion?: number; note?: string } = {},
): Promise<Appeal> {
  for (const key of Object.keys(patch)) {
    if (!(EDITABLE_APPEAL_FIELDS as readonly string[]).includes(key)) {
      throw new RepositoryError('validation', null, [{ path: key, code: 'field_not_editable' }]);
    }
  }
  const time = stamp(ctx);
  return db.transaction('rw', [...appealTables(db), db.settings], async () => {
    const current = await getLive(db, id);
    checkVersion(current, options.expectedVersion);
    // Re-validate the whole appeal through the input schema so defaults, trimming and
    // cross-field rules apply to an edit exactly as to a new appeal.
    const { registeredOn: _ignored, ...currentInput } = pickInput(current);
    const data = parseOrThrow(appealInputSchema, { ...currentInput, ...patch });
    const rules = await loadRules(db);
    const receivedChanged = data.receivedAt !== current.receivedAt;
    const dates = receivedChanged
      ? derivedDates({ ...data, registeredOn: undefined }, rules)
      : {
          registeredOn: current.registeredOn,
          decideBy: current.decideBy,
          acknowledgeBy: current.acknowledgeBy,
        };

    const changes = EDITABLE_APPEAL_FIELDS.filter((f) => !sameData(current[f], data[f])).map(
      (f) => ({
        field: f,
        from: current[f],
        to: data[f],
      }),
    );
    if (changes.length === 0) return current;
    // The dates an edit may change are checked as a new appeal's are (and against the
    // decision already recorded); an edit that leaves them alone is not refused for them.
    if (receivedChanged || data.firstContactAt !== current.firstContactAt) {
      refuseIssues(checkAppealDates({ ...current, ...data, ...dates }, factClockOf(ctx)));
    }
    await refuseWithoutConsent(db, data, [current.applicantId, ...current.coApplicantIds]);

    const next: Appeal = nextVersion(
      current,
      { ...data, ...dates, id: current.id, regNo: current.regNo, status: current.status },
      time,
      ctx.userId,
    );
    const appeal = parseOrThrow(appealSchema, next);
    await storeAppeal(db, appeal);
    await db.events.add(
      makeEvent({
        appealId: id,
        type: 'fieldChanged',
        data: { changes },
        now: time.iso,
        userId: ctx.userId,
        note: options.note ?? '',
      }),
    );
    return appeal;
  });
}

/** The input-shaped part of a stored appeal. */
function pickInput(appeal: Appeal): AppealInput {
  const {
    id: _id,
    regNo: _regNo,
    createdAt: _c,
    updatedAt: _u,
    createdBy: _cb,
    updatedBy: _ub,
    version: _v,
    deletedAt: _d,
    decideBy: _db,
    acknowledgeBy: _ab,
    ...input
  } = appeal;
  return input;
}

/** Moves an appeal through the workflow (shared/workflow/status.ts) with its event. */
export async function transitionAppeal(
  db: TizilimDb,
  id: string,
  action: WorkflowAction,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<{ appeal: Appeal; event: AppEvent }> {
  const time = stamp(ctx);
  return db.transaction('rw', appealTables(db), async () => {
    const current = await getLive(db, id);
    checkVersion(current, options.expectedVersion);
    const result = applyTransition(current, action, { now: time.iso, userId: ctx.userId });
    if (!result.ok) throw new RepositoryError('workflow', result.error.code);
    const appeal = parseOrThrow(appealSchema, result.appeal);
    await storeAppeal(db, appeal);
    await db.events.add(result.event);
    return { appeal, event: result.event };
  });
}

/**
 * Extends the decision deadline by a reasoned decision (АППК art. 76): never beyond the
 * legal cap, never earlier than the current deadline.
 */
export async function extendDeadline(
  db: TizilimDb,
  id: string,
  extension: { extendedTo: string; reason: string },
  ctx: WriteContext,
): Promise<Appeal> {
  const reason = extension.reason.trim();
  if (reason === '') {
    throw new RepositoryError('validation', null, [
      { path: 'extensionReason', code: 'extension_reason_required' },
    ]);
  }
  const time = stamp(ctx);
  return db.transaction('rw', [...appealTables(db), db.settings], async () => {
    const current = await getLive(db, id);
    if (isDecided(current)) {
      throw new RepositoryError('workflow', 'invalid_transition');
    }
    const rules = await loadRules(db);
    const check = validateExtension(
      rules.calendar,
      current.registeredOn,
      current.decideBy,
      extension.extendedTo,
      rules.settings.deadlines,
    );
    if (!check.ok) throw new RepositoryError('deadline', check.code);
    const appeal = parseOrThrow(
      appealSchema,
      nextVersion(
        current,
        {
          extendedTo: extension.extendedTo,
          extensionReason: reason,
          decideBy: extension.extendedTo,
        },
        time,
        ctx.userId,
      ),
    );
    await storeAppeal(db, appeal);
    await db.events.add(
      makeEvent({
        appealId: id,
        type: 'deadlineExtended',
        data: { from: current.decideBy, to: extension.extendedTo, reason },
        now: time.iso,
        userId: ctx.userId,
        note: reason,
      }),
    );
    return appeal;
  });
}

/** A note on the appeal's history; the appeal itself is unchanged. */
export async function addNote(
  db: TizilimDb,
  appealId: string,
  note: string,
  ctx: WriteContext,
): Promise<AppEvent> {
  const text = note.trim();
  if (text === '')
    throw new RepositoryError('validation', null, [{ path: 'note', code: 'required' }]);
  if (text.length > 20_000)
    throw new RepositoryError('validation', null, [{ path: 'note', code: 'too_long' }]);
  const time = stamp(ctx);
  return db.transaction('rw', appealTables(db), async () => {
    await getLive(db, appealId);
    const event = makeEvent({
      appealId,
      type: 'noteAdded',
      data: {},
      now: time.iso,
      userId: ctx.userId,
      note: text,
    });
    await db.events.add(event);
    return event;
  });
}

/** Soft delete: the appeal leaves the registry, its number and history stay. */
export async function softDeleteAppeal(
  db: TizilimDb,
  id: string,
  reason: string,
  ctx: WriteContext,
): Promise<Appeal> {
  const text = reason.trim();
  if (text === '')
    throw new RepositoryError('validation', null, [{ path: 'reason', code: 'required' }]);
  const time = stamp(ctx);
  return db.transaction('rw', appealTables(db), async () => {
    const current = await getLive(db, id);
    const appeal: Appeal = softDeleted(current, time, ctx.userId);
    await storeAppeal(db, appeal);
    await db.events.add(
      makeEvent({
        appealId: id,
        type: 'deleted',
        data: {},
        now: time.iso,
        userId: ctx.userId,
        note: text,
      }),
    );
    return appeal;
  });
}
