import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectItems, readBackup, type BackupItem } from '@shared/backup';
import { MAX_BACKUP_FILE_CHUNK_BYTES, MAX_BACKUP_PAGE, type BackupApi } from '@shared/ipc';
import { getBackups, setBackups, type BackupSource } from '@renderer/platform';
import { electronBackups } from '@renderer/platform/backupsElectron';
import { backupSourceOf, officeWithFiles, type Office } from '../shared/backup/helpers';

const PASSWORD = 'Сәуір-2026 кеңсе';
const DEVICE = { id: '019aa0d6-7c3b-7000-8000-0000000000d1', name: 'Қабылдау' };
const office = officeWithFiles(12, [0, 70_000]);

function sourceOf(data: Office, items?: Iterable<BackupItem>): BackupSource {
  return backupSourceOf(data, DEVICE, items);
}

afterEach(() => {
  setBackups(undefined);
  delete window.tizilim;
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('sending to main', () => {
  it('splits big pages and big files into calls the contract accepts, sending exact bytes', async () => {
    const calls: { method: string; request: Record<string, unknown> }[] = [];
    const record = (method: string, value: unknown) => async (request: Record<string, unknown>) => {
      calls.push({ method, request });
      return value;
    };
    const api = {
      beginBackup: record('begin', { sessionId: 's'.repeat(20), requiredBytes: 0, folders: [] }),
      backupRecords: record('records', { records: 0, fileBytes: 0, bytesOut: 0 }),
      backupFile: record('file', { records: 0, fileBytes: 0, bytesOut: 0 }),
      finishBackup: record('finish', { fileName: 'x', createdAt: '', bytes: 0, folders: [] }),
      abortBackup: record('abort', { aborted: true }),
    } as unknown as BackupApi;
    const big = new Uint8Array(MAX_BACKUP_FILE_CHUNK_BYTES * 2 + 5);
    const records = Array.from({ length: MAX_BACKUP_PAGE + 1 }, (_, i) => ({ id: `r${i}` }));
    const source = sourceOf(office, [
      { kind: 'records', table: 'events', records },
      { kind: 'file', id: 'f1', data: big.subarray(3), final: true },
    ]);
    await electronBackups(api).createBackup(source);
    expect(calls.map((c) => c.method)).toEqual([
      'begin',
      'records',
      'records',
      'file',
      'file',
      'file',
      'finish',
    ]);
    const files = calls
      .filter((c) => c.method === 'file')
      .map((c) => c.request as { data: Uint8Array; final: boolean });
    expect(files.map((f) => f.data.byteLength)).toEqual([
      MAX_BACKUP_FILE_CHUNK_BYTES,
      MAX_BACKUP_FILE_CHUNK_BYTES,
      2,
    ]);
    expect(files.map((f) => f.final)).toEqual([false, false, true]);
    for (const { data } of files) expect(data.buffer.byteLength).toBe(data.byteLength);

    calls.length = 0;
    (api as unknown as Record<string, unknown>)['backupRecords'] = async () => {
      throw new Error('[DISK_FULL] There is not enough space on the disk.');
    };
    await expect(electronBackups(api).createBackup(sourceOf(office))).rejects.toThrow(/DISK_FULL/);
    expect(calls.map((c) => c.method)).toEqual(['begin', 'abort']);
  });
});

describe('the web build', () => {
  it('keeps only the sealed recovery key, asks the password per session, downloads the backup', async () => {
    const backups = getBackups();
    expect(backups.kind).toBe('download');
    const { recoveryKey } = await backups.setPassword({ password: PASSWORD });
    const stored = localStorage.getItem('tizilim.backupKeyring')!;
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(recoveryKey!.slice(0, 5));
    expect(await backups.appendJournal('log-1', DEVICE, [])).toEqual({
      appended: 0,
      skipped: 0,
      lastSeq: null,
    });

    let blob: Blob | null = null;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:backup'));
    URL.revokeObjectURL = vi.fn();
    const run = await backups.createBackup(sourceOf(office));
    if (!run.ok) throw new Error('refused');
    expect(run.outcome.fileName).toMatch(/^tizilim-.*-manual\.tizilim-backup$/);
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect(run.outcome.bytes).toBe(bytes.byteLength);
    const restored = await readBackup([bytes], { recoveryKey: recoveryKey! });
    expect(restored.tables.appeals).toEqual(office.tables.appeals);

    // A new session: locked until the password is given; a wrong one is refused.
    setBackups(undefined);
    const again = getBackups();
    expect((await again.status()).password).toBe('locked');
    await expect(again.unlock('бөгде құпиясөз')).rejects.toThrow(/^\[WRONG_PASSWORD\]/);
    expect((await again.unlock(PASSWORD)).password).toBe('ready');

    // Restoring a chosen file: read through and checked before anything is handed out.
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      Object.defineProperty(this, 'files', { value: [new File([bytes], 'x.tizilim-backup')] });
      this.dispatchEvent(new Event('change'));
    });
    const chosen = await again.chooseBackupFile();
    expect(chosen).toMatchObject({ kind: 'backup', bytes: bytes.byteLength });
    const handle = await again.openRestore({
      source: { kind: 'chosen', token: chosen!.token },
      journal: false,
    });
    expect(handle.preview).toMatchObject({
      format: 'backup',
      device: DEVICE,
      counts: { appeals: 12 },
    });
    expect((await collectItems(handle.items())).tables.events).toEqual(office.tables.events);

    const changed = new Uint8Array(bytes);
    changed[changed.length - 40]! ^= 1;
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      Object.defineProperty(this, 'files', { value: [new File([changed], 'x.tizilim-backup')] });
      this.dispatchEvent(new Event('change'));
    });
    const bad = await again.chooseBackupFile();
    await expect(
      again.openRestore({ source: { kind: 'chosen', token: bad!.token }, journal: false }),
    ).rejects.toThrow(/^\[BACKUP_DAMAGED\]/);
  });
});
