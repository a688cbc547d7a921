import { checkSpace, roomOf, type SpaceCheck, type StorageRoom } from '@shared/backup/space';

/**
 * The browser's side of free space. Chromium deletes an IndexedDB store whose writes failed
 * for lack of space unless the origin's storage is persistent, so the app asks for it at
 * every start (Electron grants it; a browser may ask the user or decide by itself).
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return null;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** What the origin may still store (`quota - usage`); null free space when unknown. */
export async function storageRoom(): Promise<StorageRoom> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.estimate) return { free: null };
  try {
    return roomOf(await storage.estimate());
  } catch {
    return { free: null };
  }
}

/** Refuses up front when `needed` bytes will not fit in the database's storage. */
export async function checkStorageFor(needed: number): Promise<SpaceCheck> {
  return checkSpace((await storageRoom()).free, needed);
}

/** Thrown when an operation is refused before it starts because the disk is too full. */
export class NoRoomError extends Error {
  constructor(readonly check: Extract<SpaceCheck, { ok: false }>) {
    super('not enough free space');
    this.name = 'NoRoomError';
  }
}

/** Errors that lose the write with the transaction or the database it needed. */
const LOST_WITH_THE_DATABASE = [
  'AbortError',
  'UnknownError',
  'OpenFailedError',
  'DatabaseClosedError',
];

/** IndexedDB failures that mean the database itself could not be opened or written. */
const STORAGE_FAILURES = new Set([
  'QuotaExceededError',
  ...LOST_WITH_THE_DATABASE,
  'MissingAPIError',
]);

/**
 * The names of an error and of every error inside it: Dexie wraps the browser's error
 * (`inner`), and code may wrap it again (`cause`).
 */
function errorNames(error: unknown): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (e: unknown): void => {
    for (; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
      seen.add(e);
      const name = (e as { name?: unknown }).name;
      if (typeof name === 'string') names.add(name);
      visit((e as { inner?: unknown }).inner);
    }
  };
  visit(error);
  return names;
}

/**
 * What kind of lost write an error is: IndexedDB out of room (`disk_full`), a transaction it
 * aborted or a database it could no longer open or keep open for the write (`aborted`, most
 * often for the same reason: Chromium on a full disk may close the database and refuse to
 * open it again, "Internal error opening backing store"), or null for anything else.
 */
export function writeLostKind(error: unknown): 'disk_full' | 'aborted' | null {
  const names = errorNames(error);
  if (names.has('QuotaExceededError')) return 'disk_full';
  return LOST_WITH_THE_DATABASE.some((name) => names.has(name)) ? 'aborted' : null;
}

/**
 * Whether an error comes from the browser's database storage (a full disk, a store Chromium
 * cannot open) rather than from the app: the screen then says so and what to do, instead of
 * a generic "something went wrong".
 */
export function isStorageFailure(error: unknown): boolean {
  return [...errorNames(error)].some((name) => STORAGE_FAILURES.has(name));
}

/**
 * Whether an error is IndexedDB running out of room or a write it aborted: the write was
 * NOT saved (what the user typed must be kept on screen and the message must say so).
 */
export function isWriteLost(error: unknown): boolean {
  return writeLostKind(error) !== null;
}
