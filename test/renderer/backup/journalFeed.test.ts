import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getLogId,
  latestSeq,
  onChangesCommittedWithValues,
  type CommittedChange,
} from '@renderer/db/changeLog';
import { createAppeal, updateAppeal } from '@renderer/db/repositories';
import { BackupController } from '@renderer/backup/controller';
import { journalCalls } from '@renderer/backup/journalFeed';
import { MAX_BACKUP_PAGE, type JournalChangeInput } from '@shared/ipc';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  failingWrites,
  freshDb,
  kazakhAppeal,
} from '../db/helpers';
import { DesktopMain } from './desktopMain';

deleteFreshDbsAfterEach();

const PASSWORD = 'Сәуір-2026 кеңсе';
let main: DesktopMain;
const controllers: BackupController[] = [];

function controllerFor(db: ReturnType<typeof freshDb>): BackupController {
  const controller = new BackupController(db, main.platform);
  controllers.push(controller);
  return controller;
}

/** Main restarts and a new window's feed catches up: the journal ends where the log ends. */
async function restartAndCatchUp(db: ReturnType<typeof freshDb>) {
  await main.restart();
  const again = controllerFor(db);
  await again.start();
  await again.idle();
  expect((await main.platform.status()).journal?.lastSeq).toBe(await latestSeq(db));
}

/** The newest backup with its journal, as a restore reads it: the appeals' subjects. */
async function restoredSubjects(expectedAppeals: number): Promise<string[]> {
  const listing = await main.platform.listBackups();
  const handle = await main.platform.openRestore({
    source: { kind: 'folder', folder: 'local', fileName: listing.folders[0]!.files[0]!.fileName },
    journal: true,
  });
  expect(handle.preview.counts['appeals']).toBe(expectedAppeals);
  const subjects: string[] = [];
  for await (const item of handle.items()) {
    if (item.kind === 'records' && item.table === 'appeals') {
      subjects.push(...item.records.map((r) => r['subject'] as string));
    }
  }
  return subjects;
}

beforeEach(async () => {
  main = await new DesktopMain().start();
  await main.platform.setPassword({ password: PASSWORD });
});

afterEach(async () => {
  for (const c of controllers.splice(0)) c.stop();
  await main.close();
});

describe('the change log id', () => {
  it('is stable for a database and new for a new database (where seq starts again)', async () => {
    const db = freshDb();
    const first = await getLogId(db);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await getLogId(db)).toBe(first);
    await Promise.all([getLogId(db), getLogId(db)]).then((ids) =>
      expect(ids).toEqual([first, first]),
    );
    const other = freshDb();
    expect(await getLogId(other)).not.toBe(first);
    // Not office data: the log id is never logged, exported or backed up.
    expect((await db.changes.toArray()).filter((e) => (e.table as string) === 'meta')).toEqual([]);
  });
});

describe('the post-commit feed with values', () => {
  it('passes each record as it was written, after the commit, never for a failed write', async () => {
    const db = freshDb();
    const failing = failingWrites(db, 'events');
    const heard: CommittedChange[][] = [];
    const stop = onChangesCommittedWithValues(db, (changes) => heard.push([...changes]));
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    await updateAppeal(db, appeal.id, { subject: 'Аула жарығы жөндеу' }, ctxAt());
    failing.armed = true;
    await expect(createAppeal(db, kazakhAppeal(), ctxAt())).rejects.toThrow();
    failing.armed = false;
    stop();
    await createAppeal(db, kazakhAppeal(), ctxAt());
    expect(heard).toHaveLength(2);
    const written = heard[0]!.find((c) => c.table === 'appeals')!;
    expect(written.value).toMatchObject({ id: appeal.id, subject: appeal.subject });
    const edited = heard[1]!.find((c) => c.table === 'appeals')!;
    expect(edited.value).toMatchObject({ id: appeal.id, subject: 'Аула жарығы жөндеу' });
    expect(heard.flat().map((c) => c.seq)).toEqual(
      [...heard.flat().map((c) => c.seq)].sort((a, b) => a - b),
    );
  });
});

describe('calls to main', () => {
  it('never exceed a page, and an attachment with its file goes alone', () => {
    const change = (seq: number, file?: Uint8Array<ArrayBuffer>): JournalChangeInput => ({
      seq,
      table: file ? 'attachments' : 'events',
      id: `r${seq}`,
      op: 'put',
      at: '2026-11-20T05:00:00.000Z',
      device: 'd',
      record: { id: `r${seq}` },
      ...(file ? { file } : {}),
    });
    const many = Array.from({ length: MAX_BACKUP_PAGE + 2 }, (_, i) => change(i + 1));
    const calls = journalCalls([...many.slice(0, 3), change(9_000, new Uint8Array(4)), ...many]);
    expect(calls.map((c) => c.length)).toEqual([3, 1, MAX_BACKUP_PAGE, 2]);
    expect(calls.flat()).toHaveLength(MAX_BACKUP_PAGE + 6);
  });
});

describe('the journal between backups', () => {
  it('starts with a backup, journals every commit, and a restart resends what main lacks', async () => {
    const db = freshDb();
    for (let i = 0; i < 3; i++) await createAppeal(db, kazakhAppeal(), ctxAt());
    const controller = controllerFor(db);
    await controller.start();
    await controller.idle();
    // The first start of the day took a backup of this change log; the journal follows it.
    let status = await main.platform.status();
    expect(status.folders.map((f) => f.lastGood?.reason)).toEqual(['daily', 'daily']);
    expect(status.journal?.logId).toBe(await getLogId(db));
    expect(controller.snapshot.feed).toBe('synced');

    const saved = await createAppeal(
      db,
      kazakhAppeal({ subject: 'Жол жөндеу, Абай көшесі' }),
      ctxAt(),
    );
    await controller.idle();
    status = await main.platform.status();
    expect(status.journal?.lastSeq).toBe(await latestSeq(db));
    expect(status.dirty).toBe(true);

    // The window closes; changes are saved while nothing feeds the journal (a crash).
    controller.stop();
    for (let i = 0; i < 2; i++) await createAppeal(db, kazakhAppeal(), ctxAt());
    expect((await main.platform.status()).journal?.lastSeq).toBeLessThan(await latestSeq(db));
    await restartAndCatchUp(db);

    // Last backup + journal give back every appeal the app reported saved.
    const appeals = await restoredSubjects(6);
    expect(appeals).toContain(saved.subject);
    expect(appeals).toHaveLength(6);
  });

  it('journals a bulk write record by record, live and after a restart', async () => {
    const db = freshDb();
    for (let i = 0; i < 4; i++) await createAppeal(db, kazakhAppeal(), ctxAt());
    const controller = controllerFor(db);
    await controller.start();
    await controller.idle();
    const edit = async (note: string) => {
      const stored = await db.appeals.toArray();
      // One bulk write: the log keeps the records after the first in one shared row.
      await db.appeals.bulkPut(
        stored.map((a) => ({ ...a, subject: `${a.subject} (${note})`, version: a.version + 1 })),
      );
      expect((await db.changes.toArray()).at(-1)).toMatchObject({ ids: expect.any(Array) });
    };
    await edit('түзетілді');
    await controller.idle();
    expect((await main.platform.status()).journal?.lastSeq).toBe(await latestSeq(db));
    // Written while nothing feeds the journal: the restart reads it from the log.
    controller.stop();
    await edit('қайта түзетілді');
    await restartAndCatchUp(db);

    const subjects = await restoredSubjects(4);
    expect(subjects.sort()).toEqual((await db.appeals.toArray()).map((a) => a.subject).sort());
    expect(subjects.every((s) => s.endsWith('(түзетілді) (қайта түзетілді)'))).toBe(true);
  });

  it('after the data is replaced, takes a backup instead of journaling a clear', async () => {
    const db = freshDb();
    await createAppeal(db, kazakhAppeal(), ctxAt());
    const controller = controllerFor(db);
    await controller.start();
    await controller.idle();
    await db.transaction('rw', db.events, () => db.events.clear());
    await createAppeal(db, kazakhAppeal(), ctxAt());
    await controller.idle();
    const status = await main.platform.status();
    expect(status.folders[0]!.lastGood?.reason).toBe('after_import');
    expect(controller.snapshot.feed).toBe('synced');
    expect(status.journal?.lastSeq ?? status.journal?.afterSeq).toBe(await latestSeq(db));
  });
});

describe('starting twice', () => {
  it('takes the day’s first backup once, however many starts overlap', async () => {
    const db = freshDb();
    await createAppeal(db, kazakhAppeal(), ctxAt());
    const controller = controllerFor(db);
    const created = vi.spyOn(main.platform, 'createBackup');
    await Promise.all([controller.start(), controller.start(), controller.start()]);
    await controller.idle();
    expect(created).toHaveBeenCalledTimes(1);
    const listing = await main.platform.listBackups();
    expect(listing.folders[0]!.files.map((f) => f.reason)).toEqual(['daily']);
    expect(controller.snapshot.feed).toBe('synced');
  });
});
