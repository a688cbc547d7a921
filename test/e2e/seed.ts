import 'fake-indexeddb/auto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { TizilimDb } from '@renderer/db/database';
import { saveSettings, type WriteContext } from '@renderer/db/repositories';
import { newId } from '@shared/ids';
import type { SettingsInput } from '@shared/domain';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP } from './harness';
import { AppShell } from './pages/AppShell';

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
  // The office's records, not the scratch database's own change log and device identity:
  // the page keeps its own.
  for (const table of db.tables) {
    if (table.name !== 'changes' && table.name !== 'device') {
      dump[table.name] = await table.toArray();
    }
  }
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

/**
 * One browser for a describe block, launched before its tests and closed after them together
 * with every context the tests opened (listed in `contexts`).
 */
export function useBrowser(): { readonly browser: Browser; contexts: BrowserContext[] } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('useBrowser: the browser is launched in beforeAll');
      return browser;
    },
    contexts,
  };
}

export interface OpenSeededOptions {
  /** Where the context is listed so the suite can close it. */
  contexts?: BrowserContext[];
  acceptDownloads?: boolean;
  /** A fixed clock, for screens that compute "today". */
  now?: Date;
  /** Runs on the fresh page before anything loads (init scripts, permissions). */
  prepare?: (page: Page, context: BrowserContext) => Promise<void>;
  /** Runs on the opened app before the data is seeded (e.g. the interface language). */
  beforeSeed?: (page: Page) => Promise<void>;
  /** A hash route (e.g. a print route) to load with the seeded data instead of the start page;
   *  the caller waits for what it renders. */
  route?: string;
  /** Wait for the app shell's navigation after the reload (default: yes, unless `route`). */
  waitForShell?: boolean;
}

/**
 * A fresh browser context on the office laptop's screen, with the app opened once (so the
 * schema exists), the dump seeded, and the app reloaded onto it. Page errors are collected
 * from the start so the test can assert there were none.
 */
export async function openSeededApp(
  browser: Browser,
  dump: TableDump,
  options: OpenSeededOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: OFFICE_LAPTOP,
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  options.contexts?.push(context);
  const page = await context.newPage();
  if (options.prepare) await options.prepare(page, context);
  const errors = collectPageErrors(page);
  if (options.now) await page.clock.setFixedTime(options.now);
  await page.goto(baseUrl());
  await page.waitForSelector('.gate, aside nav');
  if (options.beforeSeed) await options.beforeSeed(page);
  await seedPage(page, dump);
  if (options.route !== undefined) await page.goto(`${baseUrl()}#${options.route}`);
  await page.reload();
  if (options.waitForShell ?? options.route === undefined) {
    await new AppShell(page).navigation.waitFor();
  }
  return { context, page, errors };
}
