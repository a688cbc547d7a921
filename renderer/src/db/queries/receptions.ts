import type { Appeal, Reception } from '@shared/domain';
import {
  addMonths,
  countsForMonth,
  monthBounds,
  monthOfDay,
  monthsBetween,
  monthsWithout,
  type MonthKey,
} from '@shared/reception/months';
import { summarizeReception, type ReceptionSummary } from '@shared/reception/summary';
import { isOpen } from '@shared/workflow/predicates';
import type { TizilimDb } from '@renderer/db/database';
import { notFound } from '@renderer/db/repositories/errors';

export async function getReception(db: TizilimDb, id: string): Promise<Reception | undefined> {
  const reception = await db.receptions.get(id);
  return reception && reception.deletedAt === null ? reception : undefined;
}

/** Receptions from `first` to `last` (days, both included), cancelled ones too, in order. */
export async function receptionsBetween(
  db: TizilimDb,
  first: string,
  last: string,
): Promise<Reception[]> {
  const found = await db.receptions.where('date').between(first, last, true, true).toArray();
  return found.filter((r) => r.deletedAt === null).sort(byDateAndTime);
}

export async function receptionsInMonth(db: TizilimDb, month: MonthKey): Promise<Reception[]> {
  const { first, last } = monthBounds(month);
  return receptionsBetween(db, first, last);
}

/** Every reception, in date order (an office holds a few dozen a year). */
export async function listReceptions(db: TizilimDb): Promise<Reception[]> {
  const all = await db.receptions.orderBy('date').toArray();
  return all.filter((r) => r.deletedAt === null).sort(byDateAndTime);
}

/**
 * Months with no planned or held reception (the seed asks for at least one a month), for a
 * year or a range of months. With `today`, months already past are left out: they are
 * history, not something the office can still fix.
 */
export async function monthsWithoutReception(
  db: TizilimDb,
  range: number | { from: MonthKey; to: MonthKey },
  today?: string,
): Promise<MonthKey[]> {
  const bounds = typeof range === 'number' ? { from: `${range}-01`, to: `${range}-12` } : range;
  const { to } = bounds;
  const from =
    today !== undefined && monthOfDay(today) > bounds.from ? monthOfDay(today) : bounds.from;
  if (to < from) return [];
  const receptions = await receptionsBetween(db, monthBounds(from).first, monthBounds(to).last);
  return monthsWithout(receptions.filter(countsForMonth), monthsBetween(from, to));
}

/** The months to warn about on the plan: this month and the next two without a reception. */
export async function upcomingMonthsWithoutReception(
  db: TizilimDb,
  today: string,
): Promise<MonthKey[]> {
  const current = monthOfDay(today);
  return monthsWithoutReception(db, { from: current, to: addMonths(current, 2) });
}

/** The summary of a reception, read from the database. */
export async function receptionSummary(
  db: TizilimDb,
  receptionId: string,
): Promise<ReceptionSummary> {
  const reception = await liveReception(db, receptionId);
  const appeals = await db.appeals.where('receptionId').equals(receptionId).toArray();
  return summarizeReception(reception, appeals);
}

/**
 * Promises made at receptions that are still open (checklist step 7: work them through and
 * report back), earliest deadline first — for the Today view.
 */
export async function openReceptionPromises(db: TizilimDb): Promise<Appeal[]> {
  const appeals = await db.appeals.where('receptionId').above('').toArray();
  return appeals
    .filter((a) => a.deletedAt === null && a.proposedAction !== null && isOpen(a))
    .sort((a, b) => a.decideBy.localeCompare(b.decideBy) || a.regNo.localeCompare(b.regNo));
}

export function byDateAndTime(a: Reception, b: Reception): number {
  return a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime);
}

export async function liveReception(db: TizilimDb, id: string): Promise<Reception> {
  const reception = await db.receptions.get(id);
  if (!reception || reception.deletedAt !== null) throw notFound();
  return reception;
}
