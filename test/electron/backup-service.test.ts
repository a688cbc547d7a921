import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName, backupsToKeep, parseRecoveryKey, readBackup } from '@shared/backup';
import type { IpcResult } from '@shared/ipc';
import { createBackupHandlers } from '@electron/backup/handlers';
import { LOCAL_BACKUP_DIR, type BackupService } from '@electron/backup/service';
import { registerIpcHandlers } from '@electron/ipc/register';
import { allowedOrigins } from '@electron/security';
import type { IpcImplementations } from '@electron/ipc/guard';
import { fake } from './fakeElectron';
import { backUp, beginRequest, DEVICE, makeRig, PASSWORD, send, type Rig } from './backupFixture';
import { chunked, officeWithFiles } from '../shared/backup/helpers';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const office = officeWithFiles(30, [0, 40_000, 1_300_000]);
let rig: Rig;
let service: BackupService;

beforeEach(async () => {
  fake.reset();
  rig = makeRig();
  service = await rig.make();
});

afterEach(async () => {
  await service.close();
  rig.remove();
  vi.restoreAllMocks();
});

const errorCode = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error as { code?: string }).code,
  );

describe('the backup password', () => {
  it('is set once, kept with safeStorage and never written in clear', async () => {
    expect((await service.status()).password).toBe('not_set');
    const result = await service.setPassword({ password: PASSWORD });
    expect(parseRecoveryKey(result.recoveryKey!).ok).toBe(true);
    expect(result.status).toMatchObject({
      password: 'ready',
      passwordKept: 'safeStorage',
      safeStorage: 'available',
    });
    const keyring = readFileSync(path.join(rig.userData, 'backup-keys.json'), 'utf8');
    for (const secret of [PASSWORD, result.recoveryKey!, result.recoveryKey!.replaceAll('-', '')]) {
      expect(keyring).not.toContain(secret);
    }
    expect(fake.safeStorage.encrypted).toHaveLength(1);

    // A restarted app has it back from safeStorage, without asking.
    await service.close();
    service = await rig.make();
    expect((await service.status()).password).toBe('ready');
  });

  it('is asked at each start when safeStorage is unavailable, and said so', async () => {
    fake.safeStorage.available = false;
    await service.close();
    service = await rig.make();
    await service.setPassword({ password: PASSWORD });
    expect(await service.status()).toMatchObject({
      password: 'ready',
      passwordKept: 'none',
      safeStorage: 'unavailable',
    });
    await service.close();
    service = await rig.make();
    expect((await service.status()).password).toBe('locked');
    expect(await errorCode(service.beginBackup(beginRequest(office) as never))).toBe(
      'NO_BACKUP_PASSWORD',
    );
    expect(await errorCode(service.unlock({ password: 'Сәуір-2025 кеңсе' }))).toBe(
      'WRONG_PASSWORD',
    );
    expect((await service.unlock({ password: PASSWORD })).password).toBe('ready');
  });

  it('is not kept with Linux’s plain-text fallback, nor when the OS cannot give it back', async () => {
    fake.safeStorage.backend = 'basic_text';
    await service.close();
    service = await rig.make();
    await service.setPassword({ password: PASSWORD });
    expect(await service.status()).toMatchObject({ passwordKept: 'none', safeStorage: 'weak' });
    expect(fake.safeStorage.encrypted).toHaveLength(0);

    fake.safeStorage.backend = 'gnome_libsecret';
    await service.close();
    service = await rig.make();
    await service.unlock({ password: PASSWORD }); // now kept
    fake.safeStorage.failDecrypt = true;
    await service.close();
    service = await rig.make();
    expect((await service.status()).password).toBe('locked');
  });

  it('refuses a short password and a change without the current password or recovery key', async () => {
    expect(await errorCode(service.setPassword({ password: 'қысқа' }))).toBe('WEAK_PASSWORD');
    const { recoveryKey } = await service.setPassword({ password: PASSWORD });
    expect(await errorCode(service.setPassword({ password: 'Жаңа құпиясөз 1' }))).toBe(
      'WRONG_PASSWORD',
    );
    expect(
      await errorCode(
        service.setPassword({
          password: 'Жаңа құпиясөз 1',
          current: { password: 'бөгде сөз 123' },
        }),
      ),
    ).toBe('WRONG_PASSWORD');
    // A forgotten password is replaced with the recovery key; the key stays the same.
    const changed = await service.setPassword({
      password: 'Жаңа құпиясөз 1',
      current: { recoveryKey: recoveryKey! },
    });
    expect(changed.recoveryKey).toBeNull();
    expect(changed.recoveryKeyId).toBe((await service.status()).recoveryKeyId);
    const typo = recoveryKey!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(
      await errorCode(
        service.setPassword({ password: 'Тағы бір сөз 2', current: { recoveryKey: typo } }),
      ),
    ).toBe('INVALID_RECOVERY_KEY');
    const renewed = await service.setPassword({
      password: 'Тағы бір сөз 2',
      current: { password: 'Жаңа құпиясөз 1' },
      newRecoveryKey: true,
    });
    expect(renewed.recoveryKey).not.toBeNull();
    expect(renewed.recoveryKeyId).not.toBe(changed.recoveryKeyId);
  });
});

describe('writing a backup', () => {
  beforeEach(async () => {
    await service.setPassword({ password: PASSWORD });
    await rig.store.set(rig.office);
  });

  it('writes the same verified file into the chosen folder and the local one, and nothing else', async () => {
    const outcome = await backUp(service, office);
    expect(outcome.folders.map((f) => [f.kind, f.written])).toEqual([
      ['local', true],
      ['office', true],
    ]);
    expect(outcome.fileName).toMatch(
      new RegExp(`^tizilim-2026-11-20-090000-${service.installTag}-daily\\.tizilim-backup$`),
    );
    const localDir = path.join(rig.userData, LOCAL_BACKUP_DIR);
    const local = readFileSync(path.join(localDir, outcome.fileName));
    expect(Buffer.compare(local, readFileSync(path.join(rig.office, outcome.fileName)))).toBe(0);
    expect(readdirSync(rig.office)).toEqual([outcome.fileName]);
    expect(readdirSync(localDir).filter((n) => n.startsWith('.'))).toEqual([]);

    // Either the password or the printed recovery key opens it; every table comes back.
    const restored = await readBackup(chunked(local), { password: PASSWORD });
    expect(restored.tables.appeals).toEqual(office.tables.appeals);
    expect(restored.header).toMatchObject({
      device: DEVICE,
      changeSeq: 40,
      logId: 'log-1',
      reason: 'daily',
    });
    expect(restored.header.keys.map((k) => k.kind)).toEqual(['password', 'recovery']);

    const status = await service.status();
    expect(
      status.folders.map((f) => [f.kind, f.lastGood?.fileName, f.lastGood?.counts['appeals']]),
    ).toEqual([
      ['local', outcome.fileName, 30],
      ['office', outcome.fileName, 30],
    ]);
    expect(status).toMatchObject({
      lastGoodAt: '2026-11-20T04:00:00.000Z',
      dailyDue: false,
      age: 'ok',
    });
  });

  it('leaves out an unplugged stick and says so, writing the local copy', async () => {
    rmDir(rig.office);
    const outcome = await backUp(service, office);
    expect(outcome.folders.map((f) => [f.kind, f.written, f.problem])).toEqual([
      ['local', true, null],
      ['office', false, 'unreachable'],
    ]);
    const office_ = (await service.status()).folders[1]!;
    expect(office_).toMatchObject({
      reachable: false,
      lastGood: null,
      lastError: { code: 'BACKUP_FOLDER_UNAVAILABLE' },
    });
  });

  it('checks free space with statfs first and refuses, writing nothing, when it will not fit', async () => {
    rig.statFs.fn = async () => ({ bavail: 100, bsize: 4096 });
    await service.close();
    service = await rig.make();
    const begun = await service.beginBackup(beginRequest(office) as never);
    expect(begun.sessionId).toBeNull();
    expect(begun.requiredBytes).toBeGreaterThan(1_340_000);
    expect(begun.folders.map((f) => [f.kind, f.write, f.problem, f.freeBytes])).toEqual([
      ['local', false, 'disk_full', 409_600],
      ['office', false, 'disk_full', 409_600],
    ]);
    expect(readdirSync(rig.office)).toEqual([]);
    expect((await service.status()).folders[0]!.lastError).toMatchObject({ code: 'DISK_FULL' });

    // The laptop's own disk keeps a reserve for the database; the stick needs only the file.
    rig.statFs.fn = async (dir) => ({
      bavail: dir.startsWith(rig.office) ? 1e6 : 100_000,
      bsize: 1024,
    });
    await service.close();
    service = await rig.make();
    const partly = await backUp(service, office);
    expect(partly.folders.map((f) => [f.kind, f.written, f.problem])).toEqual([
      ['local', false, 'disk_full'],
      ['office', true, null],
    ]);
  });

  it('refuses a second backup while one is being written, and a finish with missing records', async () => {
    const begun = await service.beginBackup(beginRequest(office) as never);
    expect(await errorCode(service.beginBackup(beginRequest(office) as never))).toBe('BACKUP_BUSY');
    await service.backupRecords({
      sessionId: begun.sessionId!,
      table: 'appeals',
      records: office.tables.appeals as never,
    });
    expect(await errorCode(service.finishBackup({ sessionId: begun.sessionId! }))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(readdirSync(rig.office)).toEqual([]);
    expect(
      await errorCode(
        service.backupRecords({ sessionId: begun.sessionId!, table: 'appeals', records: [] }),
      ),
    ).toBe('NO_SESSION');
  });

  it('leaves earlier backups intact and never lists a partial file after a crash mid-write', async () => {
    const first = await backUp(service, office);
    const before = readFileSync(path.join(rig.office, first.fileName));
    rig.clock.now = new Date('2026-11-21T04:00:00.000Z');
    const begun = await service.beginBackup(beginRequest(office) as never);
    for (const item of [...itemsOfSome()].slice(0, 3)) await send(service, begun.sessionId!, item);
    // The process dies here: nothing is finished or cleaned up.
    const partials = readdirSync(rig.office).filter((n) => n.startsWith('.tizilim-partial-'));
    expect(partials).toHaveLength(1);
    writeFileSync(
      path.join(rig.office, '.tizilim-partial-0badc0de-1234'),
      'another laptop, still writing',
    );

    const listed = await service.listBackups();
    expect(listed.folders[1]!.files.map((f) => f.fileName)).toEqual([first.fileName]);
    expect(Buffer.compare(readFileSync(path.join(rig.office, first.fileName)), before)).toBe(0);

    const restarted = await rig.make();
    expect(readdirSync(rig.office).sort()).toEqual(
      ['.tizilim-partial-0badc0de-1234', first.fileName].sort(),
    );
    await restarted.close();
  });

  it('keeps 7 daily, 5 weekly and 12 monthly backups, and never touches another laptop’s', async () => {
    writeFileSync(
      path.join(rig.office, 'tizilim-2025-01-01-090000-0badc0de-daily.tizilim-backup'),
      'not mine',
    );
    const small = officeWithFiles(2, []);
    const start = Date.parse('2026-01-01T04:00:00.000Z');
    for (let day = 0; day < 120; day += 1) {
      rig.clock.now = new Date(start + day * 86_400_000);
      await backUp(service, small);
    }
    const all = Array.from({ length: 120 }, (_, day) => {
      const at = new Date(start + day * 86_400_000);
      return { name: backupFileName(at, service.installTag, 'daily'), createdAt: at.toISOString() };
    });
    const mine = readdirSync(rig.office).filter((n) => n.includes(service.installTag));
    expect(new Set(mine)).toEqual(backupsToKeep(all));
    expect(mine.length).toBeGreaterThan(12);
    expect(readdirSync(rig.office)).toContain(
      'tizilim-2025-01-01-090000-0badc0de-daily.tizilim-backup',
    );
    const local = readdirSync(path.join(rig.userData, LOCAL_BACKUP_DIR)).filter((n) =>
      n.endsWith('.tizilim-backup'),
    );
    expect(local.sort()).toEqual(mine.sort());
    // A journal follows each kept local backup; those of deleted backups went with them.
    const journals = readdirSync(path.join(rig.userData, LOCAL_BACKUP_DIR)).filter((n) =>
      n.endsWith('.tizilim-journal'),
    );
    expect(journals.map((n) => n.replace('.tizilim-journal', '.tizilim-backup')).sort()).toEqual(
      local.sort(),
    );
  });
});

describe('through the IPC guard', () => {
  it('validates payloads before the service sees them', async () => {
    await service.setPassword({ password: PASSWORD });
    const implementations = {
      ...createBackupHandlers(service, { chooseFile: async () => null }),
    } as unknown as IpcImplementations;
    registerIpcHandlers(
      new Proxy(implementations, {
        get: (t, k) => (t as Record<string, unknown>)[k as string] ?? (async () => null),
      }),
      allowedOrigins(null),
    );
    const invoke = async (channel: string, payload?: unknown) =>
      (await fake.ipcMain.invoke(channel, [payload])) as IpcResult<unknown>;
    expect(await invoke('backup:status')).toMatchObject({ ok: true, value: { password: 'ready' } });
    expect(
      await invoke('backup:begin', { ...beginRequest(office), reason: 'whenever' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(
      await invoke('backup:records', { sessionId: 'x'.repeat(20), table: 'drafts', records: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(
      await invoke('backup:records', { sessionId: 'x'.repeat(20), table: 'appeals', records: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NO_SESSION' },
    });
    expect(await invoke('backup:chooseFile')).toEqual({ ok: true, value: null });
  });
});

function itemsOfSome() {
  return office.tables.appeals.map((record) => ({
    kind: 'records' as const,
    table: 'appeals' as const,
    records: [record],
  }));
}

/** The stick is pulled: the folder is gone. */
function rmDir(dir: string) {
  expect(existsSync(dir)).toBe(true);
  rmSync(dir, { recursive: true, force: true });
}
