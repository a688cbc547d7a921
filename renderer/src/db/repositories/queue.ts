// The visitor queue of a reception being run: arrivals get the next number, the deputy calls
// a visitor in, a visitor leaves or comes back. Registering the conversation is intake.ts.
import {
  nextQueueNumber,
  queueEntrySchema,
  receptionSchema,
  type QueueEntry,
  type Reception,
} from '@shared/domain';
import { newId } from '@shared/ids';
import {
  checkVisitor,
  queueMove,
  type QueueMove,
  type VisitorInput,
} from '@shared/reception/intake';
import type { TizilimDb } from '../database';
import { liveReception } from '@renderer/db/queries/receptions';
import { stamp, type WriteContext } from './context';
import { notFound, parseOrThrow, RepositoryError } from './errors';
import { nextVersion } from './records';

/** The queue may change while the reception is planned (it is being run) — not after. */
export function checkRunning(reception: Reception): void {
  if (reception.status === 'cancelled')
    throw new RepositoryError('conflict', 'reception_cancelled');
  if (reception.status === 'held') throw new RepositoryError('conflict', 'reception_already_held');
}

export async function writeQueue(
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
  const checked = checkVisitor(input);
  if (!checked.ok) throw new RepositoryError('validation', null, [checked.issue]);
  const { name, phone, categories } = checked;
  const time = stamp(ctx);
  return db.transaction('rw', [db.receptions, db.applicants], async () => {
    const reception = await liveReception(db, receptionId);
    checkRunning(reception);
    // A reception starts on its day: nobody arrives at it earlier.
    if (time.local.slice(0, 10) < reception.date) {
      throw new RepositoryError('workflow', 'reception_not_started');
    }
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

async function moveVisitor(
  db: TizilimDb,
  receptionId: string,
  entryId: string,
  move: QueueMove,
  ctx: WriteContext,
): Promise<Reception> {
  const time = stamp(ctx);
  return db.transaction('rw', db.receptions, async () => {
    const reception = await liveReception(db, receptionId);
    checkRunning(reception);
    const entry = reception.queue.find((e) => e.id === entryId);
    if (!entry) throw notFound();
    const status = queueMove(entry.status, move);
    if (status === null) throw new RepositoryError('conflict', 'queue_status_invalid');
    const queue = reception.queue.map((e) => (e.id === entryId ? { ...e, status } : e));
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
