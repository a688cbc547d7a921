import 'fake-indexeddb/auto';
import type { Page } from 'playwright-core';
import { TizilimDb } from '../../renderer/src/db/database';
import { saveSettings, type WriteContext } from '../../renderer/src/db/repositories';
import { newId } from '../../shared/ids';
import type { SettingsInput } from '../../shared/domain';

/**
 * Test data for end-to-end tests, made by the app's own repositories (in Node, on
 * fake-indexeddb) and copied into the browser's IndexedDB — so seeded records are exactly
 * what the app would have written, without clicking through forms for every one.
 */
export type TableDump = Record<string, unknown[]>;

export interface Office {
  db: TizilimDb;
  /** The first staff member: writes are recorded as theirs. */
  ctx: WriteContext;
  userIds: string[];
}

let counter = 0;

export async function buildOffice(
  fill: (office: Office) => Promise<void>,
  options: {
    users?: { fullName: string; role: 'deputy' | 'assistant' | 'staff' }[];
    settings?: Partial<SettingsInput>;
    now?: Date;
  } = {},
): Promise<TableDump> {
  counter += 1;
  const db = new TizilimDb(`e2e-office-${process.pid}-${counter}`);
  const users = options.users ?? [{ fullName: 'Айгерім Нұрланқызы', role: 'assistant' as const }];
  const userIds = users.map(() => newId());
  const now = options.now ?? new Date('2026-11-20T05:00:00Z');
  const ctx: WriteContext = { userId: userIds[0]!, now: () => now };
  await saveSettings(
    db,
    { ...options.settings, users: users.map((u, i) => ({ ...u, id: userIds[i]!, active: true })) },
    ctx,
  );
  await fill({ db, ctx, userIds });
  const dump: TableDump = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  await db.delete();
  return dump;
}

/**
 * Writes a dump into the page's database. The page must have opened the app once (so the
 * schema exists); reload afterwards so live queries start from the seeded data.
 */
export async function seedPage(page: Page, dump: TableDump): Promise<void> {
  await page.evaluate(async (tables) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('tizilim');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await open();
    const names = Object.keys(tables).filter((n) => db.objectStoreNames.contains(n));
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) {
        const store = tx.objectStore(name);
        for (const row of tables[name] ?? []) store.put(row);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, dump);
}
