import { TizilimDb } from '@renderer/db/database';
import { DB_NAME, LATEST_VERSION } from '@renderer/db/schema';
import { hasOfficeData } from '@renderer/db/queries/office';
import { getBackups, type BackupPlatform } from '@renderer/platform';
import type { BackupAttempt } from './controller';

/** Dexie stores version N as IndexedDB version N × 10. */
const DEXIE_FACTOR = 10;
/** How long the start waits for the browser's list of databases. */
const LIST_WAIT_MS = 10_000;

/** The schema version of the stored database, or null when there is none. */
export async function storedSchemaVersion(name: string = DB_NAME): Promise<number | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const found = (await indexedDB.databases()).find((d) => d.name === name);
  return found?.version ? Math.round(found.version / DEXIE_FACTOR) : null;
}

/**
 * Whether the stored database was written by a newer app (a schema version this build does
 * not know): such a database must not be opened. Dexie would open it anyway and add the
 * indexes this build expects, changing the newer app's data under it.
 */
export async function isNewerDatabase(name: string = DB_NAME): Promise<boolean> {
  const stored = await listedSchemaVersion(name);
  return stored !== null && stored > LATEST_VERSION;
}

/**
 * `storedSchemaVersion`, or null after LIST_WAIT_MS: a broken store (a full disk) can leave
 * the list of databases unanswered, and the app must still start and say what is wrong.
 */
function listedSchemaVersion(name: string): Promise<number | null> {
  return Promise.race([
    storedSchemaVersion(name).catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), LIST_WAIT_MS)),
  ]);
}

/** Said instead of the app when `isNewerDatabase`, in both languages (before i18n). */
export const NEWER_DATABASE_MESSAGE =
  'Бұл тізілім Тізілімнің жаңа нұсқасында сақталған, ал мына нұсқа оны аша алмайды. ' +
  'Деректер бүлінбеуі үшін ештеңе өзгертілмеді. Бағдарламаның жаңа нұсқасын орнатыңыз.\n\n' +
  'Этот реестр сохранён более новой версией Tizilim, и эта версия не может его открыть. ' +
  'Чтобы не повредить данные, ничего не изменено. Установите новую версию программы.';

/**
 * The backup before a schema upgrade (docs/backup-format.md, "When backups are taken"): at
 * start, before the app opens its database at the new version, a database of an older
 * version is opened AT THAT VERSION and backed up, so an upgrade that goes wrong can be
 * undone by a restore. Desktop only, and only with the password at hand (kept by the OS);
 * otherwise the upgrade goes on (IndexedDB runs it in one transaction: a failure leaves the
 * old version as it was).
 */
export async function backupBeforeUpgrade(
  platform: BackupPlatform = getBackups(),
  name: string = DB_NAME,
): Promise<BackupAttempt | null> {
  if (platform.kind !== 'desktop') return null;
  // Unanswered for a while (a broken store): the backup is skipped.
  const stored = await listedSchemaVersion(name);
  if (stored === null || stored >= LATEST_VERSION) return null;
  const status = await platform.status().catch(() => null);
  if (status?.password !== 'ready') return null;
  const old = new TizilimDb(name, stored);
  try {
    await old.open();
    if (!(await hasOfficeData(old))) return null;
    // The backup's code (archive, encryption) loads only here, when an upgrade needs it:
    // every other start leaves it out of the scripts read before the first screen.
    const { BackupController } = await import('./controller');
    return await new BackupController(old, platform).backupNow('before_upgrade');
  } catch (error) {
    console.warn('[backup] the backup before the upgrade failed', error);
    return null;
  } finally {
    old.close();
  }
}
