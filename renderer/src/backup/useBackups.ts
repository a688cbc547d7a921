import { useSyncExternalStore } from 'react';
import type { TizilimDb } from '@renderer/db/database';
import { getDb } from '@renderer/db/database';
import { getBackups } from '@renderer/platform';
import { BackupController, type BackupSnapshot } from './controller';

let current: BackupController | null = null;

/** The window's one backup controller (made on first use, for the app's database). */
export function getBackupController(db: TizilimDb = getDb()): BackupController {
  current ??= new BackupController(db, getBackups());
  return current;
}

/** For tests: installs a controller (or none, to make a fresh one on next use). */
export function setBackupController(controller: BackupController | null): void {
  current?.stop();
  current = controller;
}

/** The controller and its snapshot, re-rendering when it changes. */
export function useBackups(): { controller: BackupController; snapshot: BackupSnapshot } {
  const controller = getBackupController();
  const snapshot = useSyncExternalStore(
    (listener) => controller.subscribe(listener),
    () => controller.snapshot,
  );
  return { controller, snapshot };
}

let started: Promise<void> | null = null;

/**
 * Starts the automatic backups once per window (the journal feed, persistent storage, the
 * first backup of the day). The app's layout calls it once its first screen is committed.
 */
export function startBackupAutomation(): Promise<void> {
  started ??= getBackupController()
    .start()
    .catch((error: unknown) => console.warn('[backup] start failed', error));
  return started;
}

/** For tests: lets the next `startBackupAutomation` start again. */
export function resetBackupAutomation(): void {
  started = null;
}
