import { useSyncExternalStore } from 'react';
import type { RestorePreview } from '@shared/ipc';
import type { KeptBackup } from '@renderer/backup/beforeImport';
import type { RestoreResult } from '@renderer/backup/restore';

/** A finished restore, as its result screen shows it. */
export interface RestoreDoneInfo {
  result: RestoreResult;
  /** What the backup said it held: its date and device. */
  preview: RestorePreview;
  /** The backup of the data replaced, when there was any. */
  kept: KeptBackup | null;
  /**
   * The password typed to open the backup (not the one kept by this laptop, not a recovery
   * key): offered as this laptop's backup password when it has none. Held in memory only,
   * until the result screen is left.
   */
  typedPassword: string | null;
}

/**
 * A restore started from the first-run screen. The restore fills the empty database, so
 * the session would go straight on to "who is working?"; while this is not 'idle' the
 * session keeps the first-run screen (restoring) or shows the result (done) instead.
 */
export type FirstRunRestoreState =
  { kind: 'idle' } | { kind: 'restoring' } | { kind: 'done'; info: RestoreDoneInfo };

const IDLE: FirstRunRestoreState = { kind: 'idle' };
let state: FirstRunRestoreState = IDLE;
const listeners = new Set<() => void>();

export function setFirstRunRestore(next: FirstRunRestoreState): void {
  state = next;
  for (const listener of [...listeners]) listener();
}

export function useFirstRunRestore(): FirstRunRestoreState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    () => state,
  );
}
