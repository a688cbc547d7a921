import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, FakeDialog } from './fakeElectron';
import { BACKUP_IPC_CONTRACT, type IpcResult } from '@shared/ipc';
import type { BackupImplementations } from '@electron/backup/handlers';
import type { IpcImplementations } from '@electron/ipc/guard';
import {
  BackupFolderStore,
  createChooseBackupFolderHandler,
  createGetBackupFolderHandler,
  createWriteBackupHandler,
} from '@electron/ipc/backup';
import { createSaveFileHandler, defaultFilters } from '@electron/ipc/files';
import { registerIpcHandlers } from '@electron/ipc/register';
import { allowedOrigins } from '@electron/security';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let dir: string;
let store: BackupFolderStore;

beforeEach(() => {
  fake.reset();
  dir = mkdtempSync(path.join(tmpdir(), 'tizilim-files-'));
  store = new BackupFolderStore(path.join(dir, 'userData', 'backup-settings.json'));
  const documents = () => path.join(dir, 'Documents');
  const implementations: IpcImplementations = {
    printRoute: async () => ({ saved: false }),
    saveFile: createSaveFileHandler({ defaultDir: documents }),
    chooseBackupFolder: createChooseBackupFolderHandler({ store, defaultDir: documents }),
    getBackupFolder: createGetBackupFolderHandler({ store }),
    writeBackup: createWriteBackupHandler({ store }),
    getSyncCredentials: async () => null,
    setSyncCredentials: async () => ({ stored: true }),
    clearSyncCredentials: async () => ({ cleared: true }),
    showNotification: async () => ({ shown: false, clicked: false }),
    probeSyncServer: async () => ({ reach: 'reachable' }),
    // The encrypted backups have their own tests (backup-*.test.ts).
    ...(Object.fromEntries(
      Object.keys(BACKUP_IPC_CONTRACT).map((method) => [
        method,
        async () => {
          throw new Error('not under test here');
        },
      ]),
    ) as unknown as BackupImplementations),
  };
  registerIpcHandlers(implementations, allowedOrigins(null));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function invoke(channel: string, payload?: unknown): Promise<IpcResult<unknown>> {
  return (await fake.ipcMain.invoke(channel, [payload])) as IpcResult<unknown>;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('files:save', () => {
  it('writes the bytes where the user chose', async () => {
    const target = path.join(dir, 'Хат №12.docx');
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await invoke('files:save', { fileName: 'Хат №12.docx', data: bytes('DOCX') });
    expect(result).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(readFileSync(target, 'utf8')).toBe('DOCX');
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('proposes the name in Documents and keeps its extension as the filter', async () => {
    await invoke('files:save', { fileName: 'Журнал.xlsx', data: bytes('X') });
    const options = FakeDialog.optionsOf(fake.dialog.showSaveDialog.mock.calls[0]);
    expect(options['defaultPath']).toBe(path.join(dir, 'Documents', 'Журнал.xlsx'));
    expect(options['filters']).toEqual([{ name: 'XLSX', extensions: ['xlsx'] }]);
  });

  it('passes explicit filters through', async () => {
    const filters = [{ name: 'JSON', extensions: ['json'] }];
    await invoke('files:save', { fileName: 'export.json', data: bytes('{}'), filters });
    expect(FakeDialog.optionsOf(fake.dialog.showSaveDialog.mock.calls[0])['filters']).toEqual(
      filters,
    );
  });

  it('reports a cancelled dialog as not saved, writing nothing', async () => {
    const result = await invoke('files:save', { fileName: 'a.docx', data: bytes('A') });
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('makes the dialog modal to the asking window', async () => {
    const window = new FakeBrowserWindow();
    await fake.ipcMain.invoke('files:save', [{ fileName: 'a.docx', data: bytes('A') }], {
      sender: window.webContents,
    });
    expect(fake.dialog.showSaveDialog.mock.calls[0]?.[0]).toBe(window);
  });

  it('overwrites a file the user confirmed in the dialog', async () => {
    const target = path.join(dir, 'a.docx');
    writeFileSync(target, 'OLD');
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await invoke('files:save', { fileName: 'a.docx', data: bytes('NEW') });
    expect(readFileSync(target, 'utf8')).toBe('NEW');
  });

  it('reports a missing folder as NOT_FOUND', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const target = path.join(dir, 'gone', 'a.docx');
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await invoke('files:save', { fileName: 'a.docx', data: bytes('A') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('derives no filter from a name without a usable extension', () => {
    expect(defaultFilters('README')).toEqual([]);
    expect(defaultFilters('a.tar.gz')).toEqual([{ name: 'GZ', extensions: ['gz'] }]);
  });
});

describe('backups', () => {
  const name = 'Tizilim 2025-06-30 18.05.tizilim-backup';

  async function chooseFolder(folder: string): Promise<void> {
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    expect(await invoke('backup:chooseFolder')).toEqual({ ok: true, value: { folder } });
  }

  it('refuses to write before a folder is chosen', async () => {
    const result = await invoke('backup:write', { fileName: name, data: bytes('B') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_BACKUP_FOLDER' } });
    expect(await invoke('backup:getFolder')).toEqual({ ok: true, value: { folder: null } });
  });

  it('remembers the chosen folder and writes into it', async () => {
    const folder = path.join(dir, 'Резервные копии');
    mkdirSync(folder);
    await chooseFolder(folder);
    expect(await invoke('backup:getFolder')).toEqual({ ok: true, value: { folder } });
    // Remembered on disk, so a restarted app (a new store) still knows it.
    expect(
      await new BackupFolderStore(path.join(dir, 'userData', 'backup-settings.json')).get(),
    ).toBe(folder);

    const result = await invoke('backup:write', { fileName: name, data: bytes('BACKUP') });
    expect(result).toEqual({ ok: true, value: { path: path.join(folder, name) } });
    expect(readFileSync(path.join(folder, name), 'utf8')).toBe('BACKUP');
    expect(readdirSync(folder)).toEqual([name]);
  });

  it('opens the folder dialog for directories', async () => {
    await invoke('backup:chooseFolder');
    const options = FakeDialog.optionsOf(fake.dialog.showOpenDialog.mock.calls[0]);
    expect(options['properties']).toContain('openDirectory');
    expect(options['defaultPath']).toBe(path.join(dir, 'Documents'));
  });

  it('keeps the current folder when the dialog is cancelled', async () => {
    const folder = path.join(dir, 'backups');
    mkdirSync(folder);
    await chooseFolder(folder);
    expect(await invoke('backup:chooseFolder')).toEqual({ ok: true, value: { folder } });
  });

  it('never overwrites an existing backup', async () => {
    const folder = path.join(dir, 'backups');
    mkdirSync(folder);
    writeFileSync(path.join(folder, name), 'OLD');
    await chooseFolder(folder);
    const result = await invoke('backup:write', { fileName: name, data: bytes('NEW') });
    expect(result).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(readFileSync(path.join(folder, name), 'utf8')).toBe('OLD');
  });

  it('reports a folder that has disappeared', async () => {
    const folder = path.join(dir, 'usb-stick');
    mkdirSync(folder);
    await chooseFolder(folder);
    rmSync(folder, { recursive: true });
    const result = await invoke('backup:write', { fileName: name, data: bytes('B') });
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER_UNAVAILABLE' } });
    expect(existsSync(folder)).toBe(false);
  });

  it('ignores a corrupt settings file', async () => {
    mkdirSync(path.join(dir, 'userData'));
    writeFileSync(path.join(dir, 'userData', 'backup-settings.json'), '{not json');
    expect(await invoke('backup:getFolder')).toEqual({ ok: true, value: { folder: null } });
    writeFileSync(path.join(dir, 'userData', 'backup-settings.json'), '{"folder":"relative/path"}');
    expect(await invoke('backup:getFolder')).toEqual({ ok: true, value: { folder: null } });
  });
});

describe('channels no one calls', () => {
  it('are not there: files are opened through the page, the version is not asked for', async () => {
    for (const channel of ['files:open', 'app:info']) {
      await expect(fake.ipcMain.invoke(channel, [undefined])).rejects.toThrow(
        `no handler for ${channel}`,
      );
    }
  });
});
