/**
 * `backup:*`: encrypted backups (made by the renderer) written into a folder the user chose
 * once. Main remembers the folder so automatic backups before a migration or an import need
 * no dialog.
 */
import { access, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, showOpenDialog } from './dialogs';
import { IpcError, type IpcImplementation } from './guard';

/** Where the chosen folder is remembered, as `{ "folder": "..." }`. */
export class BackupFolderStore {
  readonly #file: string;

  constructor(settingsFile: string) {
    this.#file = settingsFile;
  }

  async get(): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      const folder =
        typeof parsed === 'object' && parsed !== null && 'folder' in parsed ? parsed.folder : null;
      return typeof folder === 'string' && path.isAbsolute(folder) ? folder : null;
    } catch {
      return null;
    }
  }

  async set(folder: string): Promise<void> {
    await mkdir(path.dirname(this.#file), { recursive: true });
    await writeFileAtomic(
      this.#file,
      new TextEncoder().encode(JSON.stringify({ folder }, null, 2)),
    );
  }
}

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
