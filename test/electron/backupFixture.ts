/** A backup service on real temporary folders, and an office to feed it page by page. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import type { BackupItem } from '@shared/backup';
import type { BeginBackupRequest, BackupOutcome, RestoreChunk } from '@shared/ipc';
import { BackupFolderStore } from '@electron/backup/folderStore';
import { safeStorageSecretStore } from '@electron/backup/secretStore';
import { BackupService, type BackupServiceOptions } from '@electron/backup/service';
import type { StatFs } from '@electron/backup/files';
import { fake } from './fakeElectron';
import { itemsOf, type Office } from '../shared/backup/helpers';

export const PASSWORD = 'Сәуір-2026 кеңсе';
export const DEVICE = { id: '019aa0d6-7c3b-7000-8000-0000000000d1', name: 'Қабылдау бөлмесі' };

export interface Rig {
  root: string;
  userData: string;
  office: string;
  store: BackupFolderStore;
  clock: { now: Date };
  statFs: { fn: StatFs | undefined };
  make(overrides?: Partial<BackupServiceOptions>): Promise<BackupService>;
  remove(): void;
}

export function makeRig(): Rig {
  const root = mkdtempSync(path.join(tmpdir(), 'tizilim-backups-'));
  const userData = path.join(root, 'userData');
  const office = path.join(root, 'USB', 'Tizilim');
  mkdirSync(office, { recursive: true });
  const store = new BackupFolderStore(path.join(userData, 'backup-settings.json'));
  const clock = { now: new Date('2026-11-20T04:00:00.000Z') };
  const statFs: { fn: StatFs | undefined } = { fn: undefined };
  return {
    root,
    userData,
    office,
    store,
    clock,
    statFs,
    async make(overrides = {}) {
      const service = new BackupService({
        userDataDir: userData,
        appVersion: '0.1.0-test',
        secretStore: safeStorageSecretStore(fake.safeStorage as never, 'linux'),
        folderStore: store,
        now: () => clock.now,
        iterations: 1_000,
        ...(statFs.fn === undefined ? {} : { statFs: (dir: string) => statFs.fn!(dir) }),
        ...overrides,
      });
      await service.start();
      return service;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function beginRequest(
  office: Office,
  overrides: Partial<BeginBackupRequest> = {},
): BeginBackupRequest {
  const counts = Object.fromEntries(EXPORT_TABLE_NAMES.map((t) => [t, office.tables[t].length]));
  let bytes = 0;
  for (const data of office.files.values()) bytes += data.byteLength;
  return {
    reason: 'daily',
    logId: 'log-1',
    changeSeq: 40,
    device: DEVICE,
    counts,
    files: { count: office.files.size, bytes },
    export: { exportedAt: office.file.exportedAt, appVersion: office.file.appVersion, demo: false },
    ...overrides,
  };
}

/** What the renderer does: begin, send every page and chunk, finish. */
export async function backUp(
  service: BackupService,
  office: Office,
  overrides: Partial<BeginBackupRequest> = {},
): Promise<BackupOutcome> {
  const begun = await service.beginBackup(beginRequest(office, overrides) as never);
  if (begun.sessionId === null) throw new Error(`refused: ${JSON.stringify(begun.folders)}`);
  const sessionId = begun.sessionId;
  for (const item of itemsOf(office, 400, 200_000)) {
    await send(service, sessionId, item);
  }
  return service.finishBackup({ sessionId });
}

export async function send(
  service: BackupService,
  sessionId: string,
  item: BackupItem,
): Promise<void> {
  if (item.kind === 'records') {
    await service.backupRecords({ sessionId, table: item.table, records: item.records as never });
  } else {
    await service.backupFile({
      sessionId,
      id: item.id,
      data: new Uint8Array(item.data),
      final: item.final,
    });
  }
}

/** Reads a restore session to its end, as the renderer would. */
export async function readAll(service: BackupService, sessionId: string) {
  const tables: Record<string, Record<string, unknown>[]> = {};
  const files = new Map<string, Buffer>();
  const parts = new Map<string, Buffer[]>();
  for (;;) {
    const chunk: RestoreChunk = await service.readRestore({ sessionId });
    if (chunk.kind === 'end') break;
    if (chunk.kind === 'records') (tables[chunk.table] ??= []).push(...chunk.records);
    else {
      const list = parts.get(chunk.id) ?? [];
      list.push(Buffer.from(chunk.data));
      parts.set(chunk.id, list);
      if (chunk.final) files.set(chunk.id, Buffer.concat(list));
    }
  }
  return { tables, files };
}
