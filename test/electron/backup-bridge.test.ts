import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { collectItems, readBackup, type BackupItem } from '@shared/backup';
import type { BackupApi } from '@shared/ipc';
import { electronBackups } from '@renderer/platform/backupsElectron';
import type { BackupPlatform, BackupSource } from '@renderer/platform/backupTypes';
import { BackupFolderStore } from '@electron/backup/folderStore';
import { createBackupHandlers } from '@electron/backup/handlers';
import { BackupService } from '@electron/backup/service';
import type { SecretStore } from '@electron/backup/secretStore';
import { inProcessApi } from './inProcessApi';
import { backupSourceOf, officeWithFiles, type Office } from '../shared/backup/helpers';

/**
 * The renderer's desktop bridge (renderer/src/platform/backupsElectron.ts) against the real
 * main-process handlers, through the app's IPC guard, in one Node process.
 */
const PASSWORD = 'Сәуір-2026 кеңсе';
const DEVICE = { id: '019aa0d6-7c3b-7000-8000-0000000000d1', name: 'Қабылдау' };
const office = officeWithFiles(12, [0, 70_000]);

function sourceOf(data: Office, items?: Iterable<BackupItem>): BackupSource {
  return backupSourceOf(data, DEVICE, items);
}

let root: string;
let service: BackupService;
let backups: BackupPlatform;

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'tizilim-bridge-'));
  mkdirSync(path.join(root, 'office'));
  const store = new BackupFolderStore(path.join(root, 'userData', 'backup-settings.json'));
  await store.set(path.join(root, 'office'));
  const none: SecretStore = {
    state: async () => 'unavailable',
    encrypt: async () => new Uint8Array(),
    decrypt: async () => ({ text: '', reEncrypt: false }),
  };
  service = new BackupService({
    userDataDir: path.join(root, 'userData'),
    appVersion: 't',
    secretStore: none,
    folderStore: store,
    iterations: 1_000,
  });
  await service.start();
  const api = inProcessApi(createBackupHandlers(service, { chooseFile: async () => null }));
  backups = electronBackups(api as unknown as BackupApi);
});

afterEach(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the desktop bridge', () => {
  it('backs up through main page by page and restores the same data', async () => {
    expect(backups.kind).toBe('desktop');
    expect((await backups.status()).password).toBe('not_set');
    const { recoveryKey } = await backups.setPassword({ password: PASSWORD });
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    const seen: number[] = [];
    const run = await backups.createBackup(sourceOf(office), {
      onProgress: (p) => seen.push(p.records),
    });
    if (!run.ok) throw new Error('refused');
    expect(run.outcome.folders.map((f) => f.written)).toEqual([true, true]);
    expect(seen.at(-1)).toBe(EXPORT_TABLE_NAMES.reduce((n, t) => n + office.tables[t].length, 0));
    const file = readFileSync(path.join(root, 'office', run.outcome.fileName));
    expect((await readBackup([file], { password: PASSWORD })).tables.events).toEqual(
      office.tables.events,
    );

    const listing = await backups.listBackups();
    const handle = await backups.openRestore({
      source: {
        kind: 'folder',
        folder: 'office',
        fileName: listing.folders[1]!.files[0]!.fileName,
      },
      journal: false,
    });
    expect(handle.preview.counts['appeals']).toBe(12);
    const restored = await collectItems(handle.items());
    for (const table of EXPORT_TABLE_NAMES)
      expect(restored.tables[table]).toEqual(office.tables[table]);
    const id = office.tables.attachments[1]!.id as string;
    expect(Buffer.compare(restored.files.get(id)!, office.files.get(id)!)).toBe(0);
  });

  it('refuses a backup whose counts are wrong, leaving no partial file and no open session', async () => {
    await backups.setPassword({ password: PASSWORD });
    rmSync(path.join(root, 'office'), { recursive: true });
    const source = sourceOf(office);
    source.info.counts = { ...source.info.counts, appeals: 13 };
    await expect(backups.createBackup(source)).rejects.toThrow(/^\[INVALID_PAYLOAD\]/);
    const local = path.join(root, 'userData', 'backups');
    expect(readdirSync(local).filter((n) => n.startsWith('.tizilim-partial'))).toEqual([]);
    expect((await backups.status()).busy).toBe(false);
  });

  it('reports the folders that refused when none can take the backup', async () => {
    await backups.setPassword({ password: PASSWORD });
    rmSync(path.join(root, 'office'), { recursive: true });
    await service.close();
    service = new BackupService({
      userDataDir: path.join(root, 'userData'),
      appVersion: 't',
      secretStore: {
        state: async () => 'unavailable',
        encrypt: async () => new Uint8Array(),
        decrypt: async () => ({ text: '', reEncrypt: false }),
      },
      folderStore: new BackupFolderStore(path.join(root, 'userData', 'backup-settings.json')),
      iterations: 1_000,
      statFs: async () => ({ bavail: 10, bsize: 4096 }),
    });
    await service.start();
    await service.unlock({ password: PASSWORD });
    backups = electronBackups(
      inProcessApi(
        createBackupHandlers(service, { chooseFile: async () => null }),
      ) as unknown as BackupApi,
    );
    const run = await backups.createBackup(sourceOf(office));
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.refused.folders.map((f) => [f.kind, f.problem])).toEqual([
      ['local', 'disk_full'],
      ['office', 'unreachable'],
    ]);
  });
});
