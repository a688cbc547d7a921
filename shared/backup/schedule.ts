/**
 * When backups are due and what their files are called. Pure: `now` is always passed in.
 */
import { KZ_UTC_OFFSET_MINUTES, toKzLocalDate } from '../calendar/zone';
import { BACKUP_EXTENSION_NAME } from './names';

/** The first start of each day takes a backup: due when the last good one is of an earlier day. */
export function dailyBackupDue(lastGoodAt: string | null, now: Date): boolean {
  return lastGoodAt === null || toKzLocalDate(new Date(lastGoodAt)) < toKzLocalDate(now);
}

/** The Today screen warns when the last good backup is older than this. */
export const BACKUP_WARNING_DAYS = 3;

/** 'never' (no backup yet), 'old' (older than 3 days), or 'ok'. */
export function backupAge(lastGoodAt: string | null, now: Date): 'never' | 'old' | 'ok' {
  if (lastGoodAt === null) return 'never';
  const age = now.getTime() - new Date(lastGoodAt).getTime();
  return age > BACKUP_WARNING_DAYS * 86_400_000 ? 'old' : 'ok';
}

/**
 * `tizilim-2026-11-20-093015-5f3a09c1-daily.tizilim-backup`: Kazakhstan local time first, so
 * a folder sorted by name is sorted by time, then the tag of the laptop that wrote it
 * (several laptops may share a folder) and the reason.
 */
export function backupFileName(createdAt: Date, deviceId: string, reason: string): string {
  const shifted = new Date(createdAt.getTime() + KZ_UTC_OFFSET_MINUTES * 60_000).toISOString();
  const local = `${shifted.slice(0, 10)}-${shifted.slice(11, 19).replaceAll(':', '')}`;
  const tag = deviceTag(deviceId);
  const why = reason.replace(/[^a-z0-9_]/gi, '').slice(0, 20) || 'backup';
  return `tizilim-${local}-${tag}-${why}${BACKUP_EXTENSION_NAME}`;
}

/** The last 4 to 8 letters or digits of an id, for file names. */
export function deviceTag(deviceId: string): string {
  const clean = deviceId.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return (clean.slice(-8) || 'dev0').padStart(4, '0');
}

/** The tag in a backup file name written by `backupFileName`, or null. */
export function tagOfBackupName(name: string): string | null {
  return (
    /^tizilim-\d{4}-\d{2}-\d{2}-\d{6}-([a-z0-9]{4,8})-[A-Za-z0-9_]+\.tizilim-backup$/.exec(
      name,
    )?.[1] ?? null
  );
}
