import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { TizilimDb } from '@renderer/db/database';
import {
  chosenDbName,
  DEMO_DB_NAME,
  DemoOfficeError,
  isDemoDb,
  OPEN_DB_KEY,
  rememberOpenDb,
} from '@renderer/db/demoOffice';
import { DB_NAME } from '@renderer/db/schema';
import { createAppeal } from '@renderer/db/repositories';
import { exportDatabase } from '@renderer/db/repositories/dataExport';
import { writePackage } from '@renderer/db/repositories/exchange';
import { openPackage } from '@renderer/db/repositories/exchangeReceive';
import { BackupController } from '@renderer/backup/controller';
import { restoreBackup } from '@renderer/backup/restore';
import { backupBeforeReplace } from '@renderer/backup/beforeImport';
import { SyncService } from '@renderer/sync/service';
import { buildDemoOffice, type DemoProgress } from '@renderer/features/demo/buildDemoOffice';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal } from '../../db/helpers';
import { DesktopMain } from '../../backup/desktopMain';

deleteFreshDbsAfterEach();

const PASSWORD = 'Сәуір-2026 кеңсе';
/** 6 December 2026, 12:00 in Astana. */
const NOW = new Date('2026-12-06T07:00:00Z');
let demo: TizilimDb | null = null;

async function builtDemo(progress: DemoProgress[] = []): Promise<TizilimDb> {
  await buildDemoOffice({
    today: '2026-12-06',
    appeals: 40,
    seed: 3,
    fileAs: 'bytes',
    now: () => NOW,
    onProgress: (p) => progress.push(p),
  });
  demo = new TizilimDb(DEMO_DB_NAME);
  return demo;
}

async function snapshotOf(db: TizilimDb) {
  const file = await exportDatabase(db);
  return { tables: file.tables, changes: await db.changes.toArray() };
}

afterEach(async () => {
  await demo?.delete();
  demo = null;
  localStorage.clear();
  sessionStorage.clear();
});

describe('which database the window opens', () => {
  it("is the office's unless the demo office was left open, and the choice is remembered", () => {
    expect(chosenDbName()).toBe(DB_NAME);
    sessionStorage.setItem('tizilim.user', 'aigerim');
    rememberOpenDb(true);
    expect(localStorage.getItem(OPEN_DB_KEY)).toBe('demo');
    expect(chosenDbName()).toBe(DEMO_DB_NAME);
    // The staff member chosen in one database means nothing in the other.
    expect(sessionStorage.getItem('tizilim.user')).toBeNull();
    rememberOpenDb(false);
    expect(chosenDbName()).toBe(DB_NAME);
    expect(localStorage.getItem(OPEN_DB_KEY)).toBeNull();
    // Anything else stored under the key opens the office, never the demo by surprise.
    localStorage.setItem(OPEN_DB_KEY, 'tizilim');
    expect(chosenDbName()).toBe(DB_NAME);
    expect(isDemoDb({ name: DEMO_DB_NAME })).toBe(true);
    expect(isDemoDb({ name: DB_NAME })).toBe(false);
  });
});

describe('the demo office', () => {
  it("is built in its own database with progress, and the office's database is untouched", async () => {
    const office = freshDb();
    await createAppeal(office, kazakhAppeal(), ctxAt());
    const before = await snapshotOf(office);

    const progress: DemoProgress[] = [];
    const db = await builtDemo(progress);
    expect(progress[0]).toEqual({ phase: 'generate' });
    expect(progress.some((p) => p.phase === 'write')).toBe(true);
    const last = progress.at(-1)!;
    expect(last.phase === 'write' && last.done === last.total).toBe(true);

    expect(await db.appeals.count()).toBe(40);
    expect(await db.registryRows.count()).toBe(40);
    const settings = await db.settings.get('settings');
    expect(settings?.deputy.fullName.kk).toBe('Ерлан Серікұлы Қасымов');
    // Dates are facts: nothing in the demo is later than now.
    const latest = (await db.appeals.toArray())
      .map((a) => a.receivedAt)
      .sort()
      .at(-1)!;
    expect(latest < '2026-12-06').toBe(true);

    // Working in the demo changes the demo only.
    await createAppeal(db, kazakhAppeal({ subject: 'Демо: аулада жарық жоқ' }), ctxAt(NOW));
    expect(await db.appeals.count()).toBe(41);
    expect(await snapshotOf(office)).toEqual(before);
    expect(await office.appeals.count()).toBe(1);
  });

  it('is built afresh each time it is opened, never on top of an older demo', async () => {
    const first = await builtDemo();
    await createAppeal(first, kazakhAppeal({ subject: 'Демо: ескі жазба' }), ctxAt(NOW));
    first.close();
    const again = await builtDemo();
    expect(await again.appeals.count()).toBe(40);
    expect(await again.appeals.filter((a) => a.subject === 'Демо: ескі жазба').count()).toBe(0);
  });
});

describe('nothing of the demo leaves it', () => {
  let main: DesktopMain;
  beforeEach(async () => {
    main = await new DesktopMain().start();
    await main.platform.setPassword({ password: PASSWORD });
  });
  afterEach(async () => {
    await main.close();
  });

  async function backupFiles() {
    const listing = await main.platform.listBackups();
    return listing.folders.flatMap((f) => f.files.map((file) => file.fileName));
  }

  it("backups and the journal are refused in the demo office, while the office's still work", async () => {
    const db = await builtDemo();
    const controller = new BackupController(db, main.platform);
    await controller.start();
    await controller.idle();
    expect(await controller.backupNow('manual')).toEqual({ kind: 'demo' });
    // Nor is a plain copy kept before data in the demo is replaced: nothing of it is kept.
    expect(await backupBeforeReplace(db, 'before_import')).toEqual({ kind: 'none' });
    await createAppeal(db, kazakhAppeal(), ctxAt(NOW));
    await controller.idle();
    expect(controller.snapshot.feed).toBe('needs_backup');
    controller.stop();
    expect(await backupFiles()).toEqual([]);
    const status = await main.platform.status();
    expect(status.journal).toBeNull();
    expect(status.dirty).toBe(false);
    expect((await main.platform.listBackups()).journals).toEqual([]);

    // The same controller code on the office's database does back up: the refusal is the demo's.
    const office = freshDb();
    await createAppeal(office, kazakhAppeal(), ctxAt());
    const officeController = new BackupController(office, main.platform);
    expect((await officeController.backupNow('manual')).kind).toBe('done');
    officeController.stop();
    expect(await backupFiles()).toHaveLength(2);
  });

  it('a restore into the demo office is refused and the demo is left as it was', async () => {
    const office = freshDb();
    await createAppeal(office, kazakhAppeal(), ctxAt());
    const attempt = await new BackupController(office, main.platform).backupNow('manual');
    expect(attempt.kind).toBe('done');
    const db = await builtDemo();
    const before = await snapshotOf(db);
    const handle = await main.platform.openRestore({
      source: {
        kind: 'folder',
        folder: 'office',
        fileName: attempt.kind === 'done' ? attempt.outcome.fileName : '',
      },
      secret: { password: PASSWORD },
      journal: false,
    });
    const error = await restoreBackup(db, handle, { fileAs: 'bytes' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemoOfficeError);
    const after = await snapshotOf(db);
    for (const name of EXPORT_TABLE_NAMES)
      expect(after.tables[name], name).toEqual(before.tables[name]);
  });
});

describe('exchange and sync', () => {
  it('refuse the demo office', async () => {
    const db = await builtDemo();
    await expect(writePackage(db, {} as never, ctxAt(NOW))).rejects.toBeInstanceOf(DemoOfficeError);
    await expect(
      openPackage(db, new Uint8Array([1, 2, 3]), { password: PASSWORD }),
    ).rejects.toBeInstanceOf(DemoOfficeError);

    let stored = false;
    const credentials = {
      get: async () => ({ user: 'office', password: 'secret' }),
      set: async () => (stored = true),
      clear: async () => undefined,
    };
    const sync = new SyncService(db, { syncCredentials: credentials } as never);
    // Even with sync switched on in the demo's own settings, it stays off.
    await db.syncMeta.put({
      key: 'settings',
      value: { enabled: true, server: 'https://maslihat.example.kz', database: 'office' },
    });
    await sync.apply();
    expect(sync.status.phase).toBe('off');
    await expect(
      sync.save(
        { enabled: true, server: 'https://maslihat.example.kz', database: 'office' },
        { user: 'office', password: 'secret' },
      ),
    ).rejects.toBeInstanceOf(DemoOfficeError);
    expect(stored).toBe(false);
    await sync.stop();
  });
});
