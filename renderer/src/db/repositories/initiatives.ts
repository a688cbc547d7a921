import {
  initiativeInputSchema,
  initiativeSchema,
  newBaseFields,
  type Initiative,
  type InitiativeInput,
} from '@shared/domain';
import { newId } from '@shared/ids';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { RepositoryError, parseOrThrow } from './errors';
import { checkInitiativeDates } from '@shared/validation/dates';
import { factClockOf, refuseIssues } from './facts';
import { checkVersion, inputOf, loadLive, nextVersion, sameData, softDeleted } from './records';

/**
 * Parses an initiative's fields and checks what the schema alone cannot: an initiative put
 * forward (any status but draft) has the date it was submitted, since that date places it in
 * a quarter's report (section 4).
 */
function parseInput(input: InitiativeInput, ctx: WriteContext) {
  const data = parseOrThrow(initiativeInputSchema, input);
  if (data.status !== 'draft' && data.submittedOn === null) {
    throw new RepositoryError('validation', null, [{ path: 'submittedOn', code: 'required' }]);
  }
  // The submission date is a fact: not in the future, not before 2000.
  refuseIssues(checkInitiativeDates(data, factClockOf(ctx)));
  return data;
}

/** Records a deputy's initiative (a proposal to a session, the akimat, the budget). */
export async function createInitiative(
  db: TizilimDb,
  input: InitiativeInput,
  ctx: WriteContext,
): Promise<Initiative> {
  const data = parseInput(input, ctx);
  const time = stamp(ctx);
  return db.transaction('rw', db.initiatives, async () => {
    const initiative = parseOrThrow(initiativeSchema, {
      ...data,
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
    });
    await db.initiatives.add(initiative);
    return initiative;
  });
}

/**
 * Edits an initiative. `expectedVersion` is the version the form was opened on: if a
 * colleague saved in between, the write is refused rather than silently overwriting theirs.
 */
export async function updateInitiative(
  db: TizilimDb,
  id: string,
  patch: Partial<InitiativeInput>,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Initiative> {
  const time = stamp(ctx);
  return db.transaction('rw', db.initiatives, async () => {
    const current = await loadLive(db.initiatives, id);
    checkVersion(current, options.expectedVersion);
    const data = parseInput({ ...inputOf(current), ...patch }, ctx);
    if (sameData(data, inputOf(current))) return current;
    const initiative = parseOrThrow(initiativeSchema, nextVersion(current, data, time, ctx.userId));
    await db.initiatives.put(initiative);
    return initiative;
  });
}

/** Soft-deletes an initiative: it leaves the lists and the reports, the record stays. */
export async function deleteInitiative(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Initiative> {
  const time = stamp(ctx);
  return db.transaction('rw', db.initiatives, async () => {
    const current = await loadLive(db.initiatives, id);
    checkVersion(current, options.expectedVersion);
    const initiative = softDeleted(current, time, ctx.userId);
    await db.initiatives.put(initiative);
    return initiative;
  });
}
