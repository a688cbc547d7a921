import { browserBackups } from './backupsBrowser';
import { electronBackups } from './backupsElectron';
import type { BackupPlatform } from './backupTypes';

export type {
  BackupPlatform,
  BackupRun,
  BackupSource,
  BackupSourceInfo,
  CreateBackupOptions,
  RestoreHandle,
} from './backupTypes';

let current: BackupPlatform | undefined;

/** The desktop bridge when the preload exposed window.tizilim, the web build's otherwise. */
export function getBackups(): BackupPlatform {
  current ??=
    typeof window !== 'undefined' && window.tizilim
      ? electronBackups(window.tizilim)
      : browserBackups();
  return current;
}

/** For tests, which install a fake. */
export function setBackups(platform: BackupPlatform | undefined): void {
  current = platform;
}
