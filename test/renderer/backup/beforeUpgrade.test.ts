import { LATEST_VERSION } from '@renderer/db/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TizilimDb } from '@renderer/db/database';
import { createAppeal } from '@renderer/db/repositories';
import {
  backupBeforeUpgrade,
  isNewerDatabase,
  NEWER_DATABASE_MESSAGE,
  storedSchemaVersion,
} from '@renderer/backup/beforeUpgrade';
import { ctxAt, kazakhAppeal } from '../db/helpers';
import { DesktopMain } from './desktopMain';

const PASSWORD = 'Сәуір-2026 кеңсе';
let main: DesktopMain;
let name: string;

beforeEach(async () => {
  main = await new DesktopMain().start();
  name = `tizilim-upgrade-${Math.random().toString(36).slice(2)}`;
});

afterEach(async () => {
  await new TizilimDb(name).delete();
  await main.close();
});

async function versionTwoOffice(appeals: number) {
  const old = new TizilimDb(name, 2);
  await old.open();
  for (let i = 0; i < appeals; i++) await createAppeal(old, kazakhAppeal(), ctxAt());
  old.close();
}

describe('the backup before a schema upgrade', () => {
  it('backs up an older database at its own version, then the upgrade goes on', async () => {
    await main.platform.setPassword({ password: PASSWORD });
    await versionTwoOffice(3);
    expect(await storedSchemaVersion(name)).toBe(2);
    const attempt = await backupBeforeUpgrade(main.platform, name);
    expect(attempt?.kind).toBe('done');
    // Still version 2 on disk: the backup did not upgrade it.
    expect(await storedSchemaVersion(name)).toBe(2);
    const listing = await main.platform.listBackups();
    const file = listing.folders[0]!.files[0]!;
    expect(file.reason).toBe('before_upgrade');
    expect(file.counts?.['appeals']).toBe(3);
    // A version-2 database has no log id yet: the backup starts no journal chain.
    expect(file.logId).toBeNull();
    const db = new TizilimDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.appeals.count()).toBe(3);
    db.close();
  });

  it('does nothing without a password, for an up-to-date database, or an empty one', async () => {
    await versionTwoOffice(1);
    expect(await backupBeforeUpgrade(main.platform, name)).toBeNull();
    await main.platform.setPassword({ password: PASSWORD });
    const current = new TizilimDb(name);
    await current.open();
    current.close();
    expect(await backupBeforeUpgrade(main.platform, name)).toBeNull();
    expect(await backupBeforeUpgrade(main.platform, 'no-such-database')).toBeNull();
    expect((await main.platform.listBackups()).folders[0]!.files).toEqual([]);
  });
});

describe('a database of a newer app', () => {
  /** A database as a newer app leaves it: its IndexedDB version is above this build's. */
  async function newerOffice(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, (LATEST_VERSION + 1) * 10);
      request.onupgradeneeded = () => {
        request.result
          .createObjectStore('appeals', { keyPath: 'id' })
          .add({ id: 'a1', regNo: '2026-0001' });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
  }

  it('is recognised before anything opens it, and left unchanged', async () => {
    await newerOffice();
    expect(await isNewerDatabase(name)).toBe(true);
    expect(await storedSchemaVersion(name)).toBe(LATEST_VERSION + 1);
    expect(NEWER_DATABASE_MESSAGE).toContain('жаңа нұсқасын орнатыңыз');
    expect(NEWER_DATABASE_MESSAGE).toContain('Установите новую версию');
  });

  it('is not claimed for this build’s own database, an older one, or none', async () => {
    expect(await isNewerDatabase(name)).toBe(false);
    await versionTwoOffice(1);
    expect(await isNewerDatabase(name)).toBe(false);
    const current = new TizilimDb(name);
    await current.open();
    current.close();
    expect(await isNewerDatabase(name)).toBe(false);
  });
});
