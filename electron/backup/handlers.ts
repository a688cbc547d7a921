/**
 * The IPC implementations of the backup methods: each is one call into BackupService.
 * Kept free of Electron imports (the one dialog is passed in), so the Node harness of the
 * end-to-end tests runs exactly these handlers behind the same guard as the app.
 */
import type { BACKUP_IPC_CONTRACT } from '@shared/ipc';
import type { IpcContext, IpcImplementation } from '../ipc/guard';
import type { BackupService } from './service';

type BackupMethod = keyof typeof BACKUP_IPC_CONTRACT;
export type BackupImplementations = { [M in BackupMethod]: IpcImplementation<M> };

export interface BackupHandlerOptions {
  /** Asks the user for a backup file (an open dialog); null when cancelled. */
  chooseFile: (context: IpcContext) => Promise<string | null>;
  /** Resolves once the service has started (state read, password unlocked, journal open). */
  ready?: Promise<void>;
}

export function createBackupHandlers(
  service: BackupService,
  options: BackupHandlerOptions,
): BackupImplementations {
  const handlers = implementations(service, options);
  const ready = options.ready;
  if (ready === undefined) return handlers;
  const waiting = {} as Record<BackupMethod, unknown>;
  for (const method of Object.keys(handlers) as BackupMethod[]) {
    const handler = handlers[method] as (request: unknown, context: IpcContext) => Promise<unknown>;
    waiting[method] = async (request: unknown, context: IpcContext) => {
      await ready;
      return handler(request, context);
    };
  }
  // Each entry wraps the handler of the same method with the same signature.
  return waiting as BackupImplementations;
}

function implementations(
  service: BackupService,
  options: BackupHandlerOptions,
): BackupImplementations {
  return {
    backupStatus: () => service.status(),
    setBackupPassword: (request) => service.setPassword(request),
    unlockBackups: (request) => service.unlock(request),
    beginBackup: (request) => service.beginBackup(request),
    backupRecords: (request) => service.backupRecords(request),
    backupFile: (request) => service.backupFile(request),
    finishBackup: (request) => service.finishBackup(request),
    abortBackup: (request) => service.abortBackup(request),
    appendJournal: (request) => service.appendJournal(request),
    listBackups: () => service.listBackups(),
    chooseBackupFile: async (_request, context) => {
      const file = await options.chooseFile(context);
      return file === null ? null : service.registerChosenFile(file);
    },
    beginRestore: (request) => service.beginRestore(request),
    readRestore: (request) => service.readRestore(request),
    endRestore: (request) => service.endRestore(request),
  };
}
