/** File names of the backup folders. */
export const BACKUP_EXTENSION_NAME = '.tizilim-backup';
export const JOURNAL_EXTENSION_NAME = '.tizilim-journal';
/**
 * Files being written are called `.tizilim-partial-<device tag>-<random>`: never a name a
 * list of backups shows, and recognisable so that what a crash left behind is removed.
 */
export const PARTIAL_PREFIX = '.tizilim-partial-';

export function isPartialName(name: string): boolean {
  return name.startsWith(PARTIAL_PREFIX);
}

export function partialName(deviceTag: string, random: string): string {
  return `${PARTIAL_PREFIX}${deviceTag}-${random}`;
}

/** Whether a partial file was left by this device (a shared folder has other laptops' too). */
export function isOwnPartial(name: string, deviceTag: string): boolean {
  return name.startsWith(`${PARTIAL_PREFIX}${deviceTag}-`);
}
