import type { Settings } from '@shared/domain';
import type { EarlyRead } from '@renderer/boot/earlyRead';
import type { RegistryRow } from './registryRow';
import { LATEST_VERSION } from './schema';

/** Dexie keeps schema version N as IndexedDB version N × 10. */
const DEXIE_FACTOR = 10;

let taken: { name: string; settings: Settings | null; rows: RegistryRow[] } | null = null;

/**
 * What `boot/earlyRead.ts` read before the app's code ran, taken when it comes from the
 * database at this app's schema version (an older one is upgraded first and read again).
 */
export function acceptEarlyRead(read: EarlyRead | null): void {
  taken =
    read && read.version === LATEST_VERSION * DEXIE_FACTOR
      ? {
          name: read.name,
          settings: read.settings as Settings | null,
          rows: read.rows as RegistryRow[],
        }
      : null;
}

/** The settings read early from this database (null: none stored), or undefined. */
export function earlySettings(db: { name: string }): Settings | null | undefined {
  return taken?.name === db.name ? taken.settings : undefined;
}

/** The registry's newest rows read early from this database, or undefined. */
export function earlyRegistryRows(db: { name: string }): RegistryRow[] | undefined {
  return taken?.name === db.name ? taken.rows : undefined;
}

/** Used once, at the start: later renders read the database. */
export function forgetEarlyRead(): void {
  taken = null;
}
