import type { InsertType, Table } from 'dexie';
import { BASE_FIELDS, nextVersion, type BaseRecord } from '@shared/domain';
import type { Stamp } from './context';
import { editConflict, notFound } from './errors';

// Repositories import it from here with the other record steps; it lives in shared/domain so
// the workflow (shared/workflow/status.ts) counts versions the same way.
export { nextVersion };

/**
 * The steps every repository takes to edit a stored record: load the live record, refuse a
 * stale version, skip a write that changes nothing, stamp the next version, soft-delete.
 * Each repository still runs its own transaction and validates with its own schema.
 */

/** The fields of a record a user edits: everything but the base fields the repository stamps. */
export function inputOf<T extends BaseRecord>(record: T): Omit<T, keyof BaseRecord> {
  const input: Record<string, unknown> = { ...record };
  for (const field of BASE_FIELDS) delete input[field];
  return input as Omit<T, keyof BaseRecord>;
}

/** A record that exists and is not deleted; otherwise `not_found`. */
export async function loadLive<T extends BaseRecord>(
  table: Table<T, string, InsertType<T, 'id'>>,
  id: string,
): Promise<T> {
  const record = await table.get(id);
  if (!record || record.deletedAt !== null) throw notFound();
  return record;
}

/**
 * Refuses an edit made on a version someone else has saved over meanwhile, so the second
 * save cannot silently undo the first. No `expectedVersion` means the caller does not check.
 */
export function checkVersion(record: BaseRecord, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && record.version !== expectedVersion) throw editConflict();
}

/** Whether two parsed inputs hold the same data (then nothing is written). */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The record marked deleted (kept, out of lists), as its next version. */
export function softDeleted<T extends BaseRecord>(record: T, time: Stamp, userId: string): T {
  return nextVersion(record, { deletedAt: time.iso } as Partial<T>, time, userId);
}
