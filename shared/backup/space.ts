/**
 * Free space, decided before anything is written (docs/backup-format.md, "A full disk").
 * Pure: the numbers come from `navigator.storage.estimate()` in the renderer and from
 * `fs.statfs` in the main process.
 */

/** Today warns when the disk that holds the database has less than this free. */
export const LOW_SPACE_BYTES = 1024 * 1024 * 1024;

/** Kept free beyond what an operation needs: the database must always be able to grow. */
export const SPACE_MARGIN_BYTES = 64 * 1024 * 1024;

/** What an estimate says: bytes the origin may still use, or null when it cannot tell. */
export interface StorageRoom {
  free: number | null;
}

/** `quota - usage` of `navigator.storage.estimate()`; null when either is unknown. */
export function roomOf(estimate: { quota?: number; usage?: number } | null): StorageRoom {
  if (estimate === null || typeof estimate.quota !== 'number' || typeof estimate.usage !== 'number')
    return { free: null };
  return { free: Math.max(0, estimate.quota - estimate.usage) };
}

/**
 * Bytes IndexedDB needs to hold records and files being written: the files as they are,
 * each record as about 1.5 KiB with its index entries, its change-log entry and registry
 * row, and the old data kept until the transaction commits (a replace keeps both).
 */
export function bytesToWrite(records: number, fileBytes: number): number {
  return fileBytes + records * 1536;
}

export type SpaceCheck =
  { ok: true } | { ok: false; free: number; needed: number; missing: number };

/** Whether `needed` bytes fit in `free` with the margin; unknown free space does not refuse. */
export function checkSpace(free: number | null, needed: number): SpaceCheck {
  if (free === null) return { ok: true };
  const total = needed + SPACE_MARGIN_BYTES;
  if (free >= total) return { ok: true };
  return { ok: false, free, needed: total, missing: total - free };
}

/** Today's warning: true below 1 GB free (false when unknown). */
export function spaceIsLow(free: number | null): boolean {
  return free !== null && free < LOW_SPACE_BYTES;
}
