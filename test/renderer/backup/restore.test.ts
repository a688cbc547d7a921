import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { createAppeal } from '@renderer/db/repositories';
import { exportDatabase, importExportFile } from '@renderer/db/repositories/dataExport';
import { BackupController, backupWarnings, type BackupSnapshot } from '@renderer/backup/controller';
import { restoreBackup } from '@renderer/backup/restore';
import { NoRoomError, isWriteLost } from '@renderer/backup/storage';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal } from '../db/helpers';
import { DesktopMain } from './desktopMain';

deleteFreshDbsAfterEach();

const PASSWORD = 'Сәуір-2026 кеңсе';
let main: DesktopMain;

beforeEach(async () => {
  main = await new DesktopMain().start();
  await main.platform.setPassword({ password: PASSWORD });
});

afterEach(async () => {
  await main.close();
  Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
});

async function officeDb() {
  const db = freshDb();
  const office = generateOffice({ appeals: 30, seed: 11 });
  await importExportFile(db, office, ctxAt(new Date()), { mode: 'empty', fileAs: 'bytes' });
  return db;
}

async function tables(db: ReturnType<typeof freshDb>) {
  const file = await exportDatabase(db);
  return file.tables;
}

describe('restore', () => {
  it('a backup taken from the database restores into a fresh one, every table equal', async () => {
    const db = await officeDb();
    const controller = new BackupController(db, main.platform);
    const attempt = await controller.backupNow('manual');
    expect(attempt.kind).toBe('done');
    const fileName = attempt.kind === 'done' ? attempt.outcome.fileName : '';

    const fresh = freshDb();
    const handle = await main.platform.openRestore({
      source: { kind: 'folder', folder: 'office', fileName },
      secret: { password: PASSWORD },
      journal: false,
    });
    expect(handle.preview.counts['appeals']).toBe(30);
    const result = await restoreBackup(fresh, handle, { fileAs: 'bytes' });
    expect(result.differences).toEqual([]);
    expect(result.counts['appeals']).toBe(30);
    const [before, after] = [await tables(db), await tables(fresh)];
    for (const name of EXPORT_TABLE_NAMES) expect(after[name], name).toEqual(before[name]);
  });

  it('a wrong password is refused before anything is read, and the data stays as it was', async () => {
    const db = await officeDb();
    const controller = new BackupController(db, main.platform);
    const attempt = await controller.backupNow('manual');
    const fileName = attempt.kind === 'done' ? attempt.outcome.fileName : '';
    await createAppeal(db, kazakhAppeal({ subject: 'Көшкен ағаштар' }), ctxAt(new Date()));
    const before = await tables(db);
    await expect(
      main.platform.openRestore({
        source: { kind: 'folder', folder: 'office', fileName },
        secret: { password: 'қате құпиясөз' },
        journal: false,
      }),
    ).rejects.toThrow(/^\[WRONG_PASSWORD\]/);
    expect(await tables(db)).toEqual(before);
  });

  it('is refused up front when the disk cannot take it, changing nothing', async () => {
    const db = await officeDb();
    const controller = new BackupController(db, main.platform);
    const attempt = await controller.backupNow('manual');
    const fileName = attempt.kind === 'done' ? attempt.outcome.fileName : '';
    const before = await tables(db);
    Object.defineProperty(navigator, 'storage', {
      value: { estimate: async () => ({ quota: 10_000_000, usage: 9_990_000 }) },
      configurable: true,
    });
    const handle = await main.platform.openRestore({
      source: { kind: 'folder', folder: 'office', fileName },
      journal: false,
    });
    const error = await restoreBackup(db, handle).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoRoomError);
    expect((error as NoRoomError).check.free).toBe(10_000);
    expect(await tables(db)).toEqual(before);
  });
});

describe('a database that vanished', () => {
  it('comes back from the last backup and the journal with every appeal reported saved', async () => {
    const db = await officeDb();
    const controller = new BackupController(db, main.platform);
    await controller.start();
    await controller.idle();
    const saved: string[] = [];
    for (let i = 0; i < 4; i++) {
      const appeal = await createAppeal(
        db,
        kazakhAppeal({ subject: `Жарық жоқ, Абай көшесі ${i + 1}` }),
        ctxAt(new Date()),
      );
      saved.push(appeal.id);
    }
    await controller.idle();
    controller.stop();
    const before = await tables(db);
    // Chromium deleted the store: the app starts on an empty database.
    await db.delete();
    const fresh = freshDb();
    const listing = await main.platform.listBackups();
    const local = listing.folders.find((f) => f.kind === 'local')!.files[0]!;
    const handle = await main.platform.openRestore({
      source: { kind: 'folder', folder: 'local', fileName: local.fileName },
      journal: true,
    });
    expect(handle.preview.journal?.changes).toBeGreaterThan(0);
    const result = await restoreBackup(fresh, handle, { fileAs: 'bytes' });
    expect(result.differences).toEqual([]);
    const after = await tables(fresh);
    for (const name of EXPORT_TABLE_NAMES) expect(after[name], name).toEqual(before[name]);
    expect(after.appeals.map((a) => a.id)).toEqual(expect.arrayContaining(saved));
  });
});

describe("Today's warnings", () => {
  const status = {
    password: 'ready',
    passwordKept: 'safeStorage',
    safeStorage: 'available',
    recoveryKeyId: 'MCY0-Z5V8',
    folders: [
      {
        kind: 'local',
        folder: '/u/backups',
        reachable: true,
        freeBytes: 5e9,
        lastGood: null,
        lastError: null,
      },
      {
        kind: 'office',
        folder: '/media/USB',
        reachable: true,
        freeBytes: 5e9,
        lastGood: null,
        lastError: null,
      },
    ],
    lastGoodAt: '2026-11-20T05:00:00.000Z',
    dailyDue: false,
    age: 'ok',
    dirty: false,
    journal: null,
    busy: false,
  } as const;
  const snapshot = (patch: Partial<BackupSnapshot>): BackupSnapshot => ({
    status: structuredClone(status) as unknown as BackupSnapshot['status'],
    feed: 'synced',
    running: null,
    lastAttempt: null,
    freeBytes: 5e9,
    persisted: true,
    ...patch,
  });

  it('say nothing when all is well', () => {
    expect(backupWarnings(snapshot({}), 'desktop')).toEqual([]);
  });

  it('name an old backup, a missing password, an unplugged stick and a nearly full disk', () => {
    const s = snapshot({ freeBytes: 900 * 1024 * 1024 });
    s.status = {
      ...s.status!,
      age: 'old',
      password: 'locked',
      folders: [s.status!.folders[0]!, { ...s.status!.folders[1]!, reachable: false }],
    };
    expect(backupWarnings(s, 'desktop').map((w) => w.kind)).toEqual([
      'low_space',
      'locked',
      'old',
      'folder_unreachable',
    ]);
    // The web build has no automatic backups: only the disk.
    expect(backupWarnings(s, 'download').map((w) => w.kind)).toEqual(['low_space']);
    expect(
      backupWarnings(
        { ...s, status: { ...s.status, password: 'not_set', age: 'never' } },
        'desktop',
      ).map((w) => w.kind),
    ).toContain('no_password');
  });
});

describe('a write that failed', () => {
  it('is told apart as not saved: quota, abort, and Dexie wrapping them', () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    expect(isWriteLost(quota)).toBe(true);
    expect(isWriteLost(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe(true);
    expect(isWriteLost(Object.assign(new Error('x'), { name: 'BulkError', inner: quota }))).toBe(
      true,
    );
    expect(isWriteLost(new Error('x', { cause: quota }))).toBe(true);
    expect(isWriteLost(new Error('validation'))).toBe(false);
  });
});
