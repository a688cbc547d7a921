import { describe, expect, it } from 'vitest';
import {
  EARLY_DB_NAMES,
  EARLY_ROWS,
  opensRegistry,
  readEarly,
  warmSessionStorage,
} from '@renderer/boot/earlyRead';
import { DEMO_DB_NAME } from '@renderer/db/demoOffice';
import { acceptEarlyRead, earlyRegistryRows, earlySettings } from '@renderer/db/earlyRead';
import { newestRegistryRows } from '@renderer/db/queries/registry';
import { saveSettings, createAppeal } from '@renderer/db/repositories';
import { DB_NAME } from '@renderer/db/schema';
import { FIRST_PAGE } from '@renderer/features/registry/useRegistryRows';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal } from '../db/helpers';

deleteFreshDbsAfterEach();

describe('the early read of the first screen', () => {
  it('reads the settings and the newest rows as the app reads them, and the app takes them', async () => {
    const db = freshDb();
    await saveSettings(
      db,
      {
        maslikhat: {
          name: { kk: 'Алматы қалалық мәслихаты', ru: 'Алматинский городской маслихат' },
        },
      },
      { userId: 'setup' },
    );
    // Equal times too: the index backwards orders them by id, descending, as Dexie does.
    const times = ['2026-11-02T09:00', '2026-11-02T09:00', '2026-11-04T11:30', '2026-11-01T08:00'];
    for (const receivedAt of times) {
      await createAppeal(db, kazakhAppeal({ receivedAt }), ctxAt());
    }
    const read = await readEarly(indexedDB, db.name, 3);
    expect(read).not.toBeNull();
    expect(read!.rows).toEqual(await newestRegistryRows(db, 3));
    expect(read!.settings).toEqual(await db.settings.get('settings'));

    acceptEarlyRead(read);
    expect(earlyRegistryRows(db)).toEqual(read!.rows);
    expect(earlySettings(db)).toEqual(read!.settings);
    // Another database (the demo office) takes nothing of it.
    expect(earlyRegistryRows({ name: `${db.name}-other` })).toBeUndefined();
  });

  it('reads the newest rows of any page size exactly as the app does, ties at the edge included', async () => {
    const db = freshDb();
    // 23 appeals at 4 times: every page edge below falls inside a run of equal times.
    const times = ['2026-10-01T09:00', '2026-10-02T10:00', '2026-10-02T10:00', '2026-10-03T11:00'];
    for (let i = 0; i < 23; i++) {
      await createAppeal(db, kazakhAppeal({ receivedAt: times[(i * 7) % 4]! }), ctxAt());
    }
    for (let limit = 0; limit <= 25; limit++) {
      const read = await readEarly(indexedDB, db.name, limit);
      expect(read?.rows, `limit ${limit}`).toEqual(await newestRegistryRows(db, limit));
    }
    // An office with no appeals yet: no rows, the settings still read.
    const empty = freshDb();
    await saveSettings(empty, {}, { userId: 'setup' });
    expect((await readEarly(indexedDB, empty.name))?.rows).toEqual([]);
  });

  it('is not taken from a database of another schema version', async () => {
    const db = freshDb();
    await saveSettings(db, {}, { userId: 'setup' });
    const read = await readEarly(indexedDB, db.name);
    acceptEarlyRead(read && { ...read, version: read.version - 10 });
    expect(earlySettings(db)).toBeUndefined();
    expect(earlyRegistryRows(db)).toBeUndefined();
  });

  it('creates no database where there is none, and the app then creates its own', async () => {
    const db = freshDb();
    expect(await readEarly(indexedDB, db.name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(db.name);
    await db.open();
    expect(await db.settings.get('settings')).toBeUndefined();
  });

  it('leaves an open database to the app: its connection is closed', async () => {
    const db = freshDb();
    await db.open();
    await readEarly(indexedDB, db.name);
    // Deleting waits for every connection: the early one is closed.
    await db.delete();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(db.name);
  });

  it('runs for the registry only, with the app’s names and page size', () => {
    expect(['', '#', '#/', '#/registry', '#/registry?q=42'].every(opensRegistry)).toBe(true);
    expect(['#/appeals/1', '#/today', '#/registry/x'].some(opensRegistry)).toBe(false);
    expect(EARLY_DB_NAMES).toEqual({ office: DB_NAME, demo: DEMO_DB_NAME });
    expect(EARLY_ROWS).toBe(FIRST_PAGE);
  });

  it('loads the session storage ahead of the app, and a storage that refuses stops nothing', () => {
    const read: string[] = [];
    warmSessionStorage({
      sessionStorage: { getItem: (key: string) => (read.push(key), null) } as Storage,
    });
    expect(read).toEqual(['tizilim.user']);
    const refusing = {
      get sessionStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(() => warmSessionStorage(refusing)).not.toThrow();
  });
});
