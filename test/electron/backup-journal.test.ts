import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { applyJournal, readBackup, readJournal, type JournalChange } from '@shared/backup';
import type { JournalChangeInput } from '@shared/ipc';
import { LOCAL_BACKUP_DIR, type BackupService } from '@electron/backup/service';
import { fake } from './fakeElectron';
import { backUp, DEVICE, makeRig, PASSWORD, readAll, type Rig } from './backupFixture';
import { chunked, officeWithFiles } from '../shared/backup/helpers';

const office = officeWithFiles(20, [5_000, 2_100_000]);
let rig: Rig;
let service: BackupService;

beforeEach(async () => {
  fake.reset();
  rig = makeRig();
  service = await rig.make();
  await service.setPassword({ password: PASSWORD });
});

afterEach(async () => {
  await service.close();
  rig.remove();
});

const localDir = () => path.join(rig.userData, LOCAL_BACKUP_DIR);

/** Change `seq`: an appeal's summary edited, or (every 5th) a new attachment with its scan. */
function change(seq: number): JournalChangeInput {
  const at = `2026-11-20T06:${String(seq % 60).padStart(2, '0')}:00.000Z`;
  if (seq % 5 === 0) {
    const id = `019aa0d7-0000-7000-8000-${String(seq).padStart(12, '0')}`;
    return {
      seq,
      table: 'attachments',
      id,
      op: 'create',
      at,
      device: DEVICE.id,
      record: {
        id,
        appealId: office.tables.appeals[0]!.id,
        inquiryId: null,
        fileName: `Жауап ${seq}.pdf`,
        size: 3,
      },
      file: Uint8Array.of(seq, seq, seq),
    };
  }
  const appeal = office.tables.appeals[seq % office.tables.appeals.length]!;
  return {
    seq,
    table: 'appeals',
    id: appeal.id as string,
    op: 'update',
    at,
    device: DEVICE.id,
    record: { ...appeal, subject: `Түзетілді №${seq}: жол жөндеу`, version: seq },
  };
}

const changes = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => change(from + i));

async function append(from: number, to: number, logId = 'log-1') {
  return service.appendJournal({ logId, device: DEVICE, changes: changes(from, to) });
}

describe('the journal', () => {
  it('holds every committed change, encrypted, fsynced before it answers', async () => {
    await backUp(service, office, { changeSeq: 40 });
    expect(await append(41, 45)).toEqual({ appended: 5, skipped: 0, lastSeq: 45 });
    expect(await append(44, 47)).toEqual({ appended: 2, skipped: 2, lastSeq: 47 });
    const status = await service.status();
    expect(status.journal).toMatchObject({ logId: 'log-1', afterSeq: 40, lastSeq: 47, entries: 2 });
    expect(status.dirty).toBe(true);

    const [name] = readdirSync(localDir()).filter((n) => n.endsWith('.tizilim-journal'));
    const bytes = readFileSync(path.join(localDir(), name!));
    expect(bytes.includes(Buffer.from('жол жөндеу'))).toBe(false);
    const read = await readJournal([bytes], { password: PASSWORD });
    expect(read.entries.flatMap((e) => e.changes.map((c) => c.seq))).toEqual([
      41, 42, 43, 44, 45, 46, 47,
    ]);
  });

  it('continues after a restart, cutting off an entry torn by a crash', async () => {
    await backUp(service, office, { changeSeq: 40 });
    await append(41, 43);
    await service.close();
    const [name] = readdirSync(localDir()).filter((n) => n.endsWith('.tizilim-journal'));
    const file = path.join(localDir(), name!);
    const good = statSync(file).size;
    appendFileSync(file, Buffer.from([0, 0, 1, 0, 9, 9, 9])); // half an entry
    service = await rig.make();
    expect(statSync(file).size).toBe(good);
    expect((await service.status()).journal).toMatchObject({ lastSeq: 43, entries: 1 });
    await append(44, 44);
    const read = await readJournal([readFileSync(file)], { password: PASSWORD });
    expect(read.torn).toBeNull();
    expect(read.entries.map((e) => e.changes.map((c) => c.seq))).toEqual([[41, 42, 43], [44]]);
  });

  it('needs the password, and a new change log starts a new journal', async () => {
    fake.safeStorage.available = false;
    await service.close();
    service = await rig.make();
    await expect(append(1, 2)).rejects.toMatchObject({ code: 'NO_BACKUP_PASSWORD' });
    await service.unlock({ password: PASSWORD });
    // No backup of this log yet: the journal says it holds everything after change 0.
    expect(await append(1, 2)).toMatchObject({ appended: 2 });
    expect((await service.status()).journal).toMatchObject({ logId: 'log-1', afterSeq: 0 });
    expect(await append(1, 1, 'log-2')).toMatchObject({ appended: 1 });
    expect((await service.status()).journal).toMatchObject({
      logId: 'log-2',
      afterSeq: 0,
      lastSeq: 1,
    });
    await expect(
      service.appendJournal({ logId: 'log-2', device: DEVICE, changes: [change(7), change(6)] }),
    ).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });

  it('starts afresh after each local backup, carrying over what the backup may lack', async () => {
    await backUp(service, office, { changeSeq: 40 });
    await append(41, 50);
    rig.clock.now = new Date('2026-11-20T09:00:00.000Z');
    // The renderer read the database while changes 46–50 were being saved.
    await backUp(service, office, { changeSeq: 45 });
    const status = await service.status();
    expect(status.journal).toMatchObject({ afterSeq: 45, lastSeq: 50 });
    expect(status.dirty).toBe(true);
    await backUp(service, office, { changeSeq: 50, reason: 'manual' });
    expect((await service.status()).journal).toMatchObject({
      afterSeq: 50,
      lastSeq: null,
      entries: 0,
    });
    expect((await service.status()).dirty).toBe(false);
  });
});

describe('restoring', () => {
  it('gives back the last backup with every change the journal holds, verified first', async () => {
    await backUp(service, office, { changeSeq: 40 });
    await append(41, 52);
    const listing = await service.listBackups();
    const [local] = listing.folders;
    expect(local!.files).toHaveLength(1);
    expect(listing.journals).toEqual([expect.objectContaining({ current: true, afterSeq: 40 })]);

    const preview = await service.beginRestore({
      source: { kind: 'folder', folder: 'local', fileName: local!.files[0]!.fileName },
      journal: true,
    });
    expect(preview).toMatchObject({
      format: 'backup',
      device: DEVICE,
      journal: { changes: 12, lastAt: '2026-11-20T06:52:00.000Z' },
      journalProblem: null,
    });
    const expected = applyJournal(office, changes(41, 52) as JournalChange[]);
    expect(preview.counts['attachments']).toBe(expected.tables.attachments.length);
    expect(preview.files).toEqual({
      count: expected.files.size,
      bytes: [...expected.files.values()].reduce((n, f) => n + f.byteLength, 0),
    });

    const restored = await readAll(service, preview.sessionId);
    for (const table of EXPORT_TABLE_NAMES)
      expect(restored.tables[table] ?? [], table).toEqual(expected.tables[table]);
    expect([...restored.files.keys()].sort()).toEqual([...expected.files.keys()].sort());
    for (const [id, bytes] of expected.files)
      expect(Buffer.compare(restored.files.get(id)!, bytes)).toBe(0);
    await expect(service.readRestore({ sessionId: preview.sessionId })).rejects.toMatchObject({
      code: 'NO_SESSION',
    });
  });

  it('refuses a wrong password and a damaged file before handing out anything', async () => {
    const outcome = await backUp(service, office);
    const source = {
      kind: 'folder' as const,
      folder: 'local' as const,
      fileName: outcome.fileName,
    };
    await expect(
      service.beginRestore({ source, secret: { password: 'бөгде құпиясөз' }, journal: false }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const file = path.join(localDir(), outcome.fileName);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100]! ^= 1;
    writeFileSync(file, bytes);
    await expect(service.beginRestore({ source, journal: false })).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
    await expect(
      service.beginRestore({
        source: { ...source, fileName: '../backup-keys.tizilim-backup' },
        journal: false,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });

  it('opens a file chosen anywhere with the recovery key, and an older app’s plain export', async () => {
    const other = await rig.make();
    await service.close();
    const { recoveryKey } = await other.setPassword({
      password: 'Басқа кеңсе 2026',
      current: { password: PASSWORD },
      newRecoveryKey: true,
    });
    const outcome = await backUp(other, office);
    const chosen = await other.registerChosenFile(path.join(localDir(), outcome.fileName));
    expect(chosen).toMatchObject({ kind: 'backup', fileName: outcome.fileName });
    const preview = await other.beginRestore({
      source: { kind: 'chosen', token: chosen.token },
      secret: { recoveryKey: recoveryKey! },
      journal: false,
    });
    expect((await readAll(other, preview.sessionId)).tables['applicants']).toEqual(
      office.tables.applicants,
    );

    const legacy = path.join(rig.root, 'tizilim-before-import-2025-06-30.tizilim-backup');
    writeFileSync(
      legacy,
      JSON.stringify({ ...office.file, tables: { ...office.file.tables, attachments: [] } }),
    );
    const old = await other.registerChosenFile(legacy);
    expect(old.kind).toBe('export-json');
    const oldPreview = await other.beginRestore({
      source: { kind: 'chosen', token: old.token },
      journal: true,
    });
    expect(oldPreview).toMatchObject({
      format: 'export-json',
      createdAt: office.file.exportedAt,
      journal: null,
    });
    expect((await readAll(other, oldPreview.sessionId)).tables['appeals']).toEqual(
      office.tables.appeals,
    );
    service = other;
  });
});

describe('on quit', () => {
  it('writes a backup of the last one with the journal applied, when anything changed', async () => {
    await rig.store.set(rig.office);
    expect(await service.backupOnQuit()).toBeNull(); // nothing yet
    await backUp(service, office, { changeSeq: 40 });
    expect(await service.backupOnQuit()).toBeNull(); // nothing changed
    await append(41, 47);
    rig.clock.now = new Date('2026-11-20T13:00:00.000Z');
    const outcome = await service.backupOnQuit();
    expect(outcome?.fileName).toMatch(/-quit\.tizilim-backup$/);
    expect(outcome?.folders.every((f) => f.written)).toBe(true);
    const restored = await readBackup(
      chunked(readFileSync(path.join(rig.office, outcome!.fileName))),
      { password: PASSWORD },
    );
    const expected = applyJournal(office, changes(41, 47) as JournalChange[]);
    for (const table of EXPORT_TABLE_NAMES)
      expect(restored.tables[table], table).toEqual(expected.tables[table]);
    expect(restored.header).toMatchObject({ reason: 'quit', changeSeq: 47, logId: 'log-1' });
    const status = await service.status();
    expect(status.dirty).toBe(false);
    expect(status.journal).toMatchObject({ afterSeq: 47, entries: 0 });
  });
});
