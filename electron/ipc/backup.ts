/**
 * `backup:*` handlers that need Electron's dialogs: the office's backup folder (chosen once
 * in Settings › Data, remembered so automatic backups need no dialog), a backup file picked
 * for a restore, and `backup:write`, the plain export written before an import by the app
 * before encrypted backups (kept so that screen works until it moves to beginBackup). The
 * encrypted backups, the journal and restore are electron/backup/ (handlers.ts, service.ts).
 */
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_EXTENSION } from '@shared/ipc';
import { BackupFolderStore } from '../backup/folderStore';
import { writeFileAtomic, showOpenDialog } from './dialogs';
import { IpcError, type IpcContext, type IpcImplementation } from './guard';

export { BackupFolderStore };

export interface BackupOptions {
  store: BackupFolderStore;
  /** Where the folder dialog opens the first time, e.g. the Documents folder. */
  defaultDir: () => string;
}

export function createChooseBackupFolderHandler(
  options: BackupOptions,
): IpcImplementation<'chooseBackupFolder'> {
  return async (_request, { sender }) => {
    const current = await options.store.get();
    const choice = await showOpenDialog(sender, {
      defaultPath: current ?? options.defaultDir(),
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    });
    const folder = choice.filePaths[0];
    if (choice.canceled || folder === undefined) return { folder: current };
    await options.store.set(folder);
    return { folder };
  };
}

export function createGetBackupFolderHandler(
  options: Pick<BackupOptions, 'store'>,
): IpcImplementation<'getBackupFolder'> {
  return async () => ({ folder: await options.store.get() });
}

export function createWriteBackupHandler(
  options: Pick<BackupOptions, 'store'>,
): IpcImplementation<'writeBackup'> {
  return async (request) => {
    const folder = await options.store.get();
    if (folder === null) {
      throw new IpcError('NO_BACKUP_FOLDER', 'No backup folder has been chosen yet.');
    }
    const available = await stat(folder).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!available) {
      throw new IpcError(
        'BACKUP_FOLDER_UNAVAILABLE',
        `The backup folder is not available: ${folder}`,
      );
    }
    const target = path.join(folder, request.fileName);
    // The schema already forbids separators; this keeps the guarantee local to the write.
    if (path.dirname(target) !== path.resolve(folder)) {
      throw new IpcError('INVALID_PAYLOAD', 'The backup file name must be a bare name.');
    }
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) {
      throw new IpcError('ALREADY_EXISTS', `A backup named "${request.fileName}" already exists.`);
    }
    await writeFileAtomic(target, request.data);
    return { path: target };
  };
}

/** The open dialog of a restore: any `.tizilim-backup` file, e.g. on a USB stick. */
export async function chooseBackupFileDialog(
  context: IpcContext,
  defaultDir: () => string,
): Promise<string | null> {
  const choice = await showOpenDialog(context.sender, {
    defaultPath: defaultDir(),
    properties: ['openFile'],
    filters: [{ name: 'Tizilim', extensions: [BACKUP_EXTENSION.slice(1)] }],
  });
  const file = choice.filePaths[0];
  return choice.canceled || file === undefined ? null : file;
}
