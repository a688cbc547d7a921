import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { TizilimDb } from '@renderer/db/database';
import { createAppeal, saveSettings, type WriteContext } from '@renderer/db/repositories';
import { SyncEngine } from '@renderer/sync/engine';
import { newId } from '@shared/ids';
import { startSyncServer, type SyncServer } from '@test/sync/server';
import { baseUrl, screenshot } from './harness';
import { AppealFormPage } from './pages/AppealFormPage';
import { AppShell } from './pages/AppShell';
import { SyncPage } from './pages/SyncPage';
import { openSeededApp, useBrowser, type TableDump } from './seed';

/**
 * Two office laptops (two Chromium profiles of the web build) and the council's server (the
 * CouchDB-protocol test server on 127.0.0.1:5984, the port the CSP allows for a local
 * CouchDB): set up in Settings › Sync, edits on both, one laptop offline for a while, a true
 * conflict shown and decided, the server killed mid-sync and restarted, wrong credentials,
 * a malformed document quarantined.
 */
const PORT = 5984;
const DATABASE = 'office-astana-12';
const AIGUL = { name: 'aigul', password: 'Aigul-2026!' };
const BOLAT = { name: 'bolat', password: 'Bolat-2026!' };
const ERLAN = { name: 'erlan', password: 'Erlan-2026!' };
const SUBJECTS = ['Ыстық су жоқ', 'Аулада жарық жоқ', 'Жол жөндеу қажет'];
const MALFORMED_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

type Laptop = { page: Page; context: BrowserContext; errors: string[]; sync: SyncPage };

/** Reads a whole object store of the page's database. */
async function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('tizilim');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    table,
  );
}

async function subjects(page: Page): Promise<Record<string, string>> {
  const appeals = await readTable<{ id: string; subject: string }>(page, 'appeals');
  return Object.fromEntries(appeals.map((a) => [a.id, a.subject]).sort());
}

/** Network noise Chromium logs as console errors (a refused or blocked request); not app errors. */
function appErrors(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e));
}

describe('live sync with the council server', () => {
  const shared = useBrowser();
  let server: SyncServer;
  const appealIds: string[] = [];
  let seed: TableDump;
  let a: Laptop;
  let b: Laptop;

  beforeAll(async () => {
    server = await startSyncServer({ port: PORT, corsOrigins: [new URL(baseUrl()).origin] });
    for (const user of [AIGUL, BOLAT, ERLAN]) await server.addUser(user);
    await server.createOffice(DATABASE, [AIGUL.name, BOLAT.name]);
    // The office as the first laptop left it on the server: its settings and three appeals.
    const office = new TizilimDb(`e2e-sync-office-${process.pid}`);
    const ctx: WriteContext = { userId: newId(), now: () => new Date('2026-11-20T05:00:00Z') };
    await saveSettings(
      office,
      {
        users: [
          { id: ctx.userId, fullName: 'Айгерім Нұрланқызы', role: 'assistant', active: true },
        ],
      },
      ctx,
    );
    for (const subject of SUBJECTS) {
      const appeal = await createAppeal(
        office,
        {
          receivedAt: '2026-11-20T10:00',
          channel: 'reception',
          kind: 'complaint',
          applicantId: null,
          subject,
          text: `${subject}: Абай көшесі 12-үйдің тұрғындары екі аптадан бері шағымданады.`,
          topic: 'heating_gas',
          location: {
            locality: 'Астана',
            district: 'Сарыарқа',
            street: 'Абай көшесі',
            building: '12',
          },
        },
        ctx,
      );
      appealIds.push(appeal.id);
    }
    await new SyncEngine({
      db: office,
      target: { server: server.url, database: DATABASE },
      credentials: { user: AIGUL.name, password: AIGUL.password },
    }).syncOnce();
    // The laptops were set up from the same staff list (as an export would give them).
    seed = { settings: await office.settings.toArray() };
    await office.delete();
  });

  afterAll(async () => {
    await server?.close();
  });

  async function laptop(lang: 'kk' | 'ru'): Promise<Laptop> {
    const opened = await openSeededApp(shared.browser, seed, {
      contexts: shared.contexts,
      beforeSeed: async (page) => {
        if (lang === 'ru') await new AppShell(page).switchLanguage('ru');
      },
    });
    return { ...opened, sync: new SyncPage(opened.page) };
  }

  it('wrong credentials and a non-member get the clear answer; the right ones connect', async () => {
    a = await laptop('kk');
    await a.sync.goto(baseUrl());
    await screenshot(a.page, 'sync-settings-kk-empty');
    await a.sync.fill(
      { server: server.url, database: DATABASE, user: 'aigul', password: 'қате' },
      'kk',
    );
    await a.sync.button('Байланысты тексеру').click();
    await expect
      .poll(() => a.sync.answer.textContent())
      .toBe('Пайдаланушы аты немесе құпиясөз қате.');
    await screenshot(a.page, 'sync-settings-kk-wrong-password');
    await a.sync.fill(
      { server: server.url, database: DATABASE, ...{ user: ERLAN.name, password: ERLAN.password } },
      'kk',
    );
    await a.sync.button('Байланысты тексеру').click();
    await expect
      .poll(() => a.sync.answer.textContent())
      .toMatch(/^Бұл пайдаланушыға осы кеңсе дерекқорына кіруге рұқсат жоқ/);
    await a.sync.field('Кеңсе дерекқоры').fill('_users');
    await a.sync.button('Байланысты тексеру').click();
    await expect.poll(() => a.sync.answer.textContent()).toMatch(/^Дерекқор атауы/);

    await a.sync.fill(
      { server: server.url, database: DATABASE, user: AIGUL.name, password: AIGUL.password },
      'kk',
    );
    await a.sync.button('Байланысты тексеру').click();
    await expect
      .poll(() => a.sync.answer.textContent())
      .toBe('Байланыс бар: сервер, пайдаланушы және кеңсе дерекқоры дұрыс.');
    await a.page.getByLabel('Синхрондау қосулы').check();
    await a.sync.button('Сақтау').click();
    await expect
      .poll(() => a.sync.sidebarStatus.textContent(), { timeout: 30_000 })
      .toContain('Синхрондалды');
    await expect.poll(async () => Object.keys(await subjects(a.page)).length).toBe(3);
    await screenshot(a.page, 'sync-settings-kk');

    b = await laptop('ru');
    await b.sync.goto(baseUrl());
    await b.sync.fill(
      { server: server.url, database: DATABASE, user: BOLAT.name, password: 'неверный' },
      'ru',
    );
    await b.sync.button('Проверить соединение').click();
    await expect
      .poll(() => b.sync.answer.textContent())
      .toBe('Неверное имя пользователя или пароль.');
    await screenshot(b.page, 'sync-settings-ru-wrong-password');
    await b.sync.field('Пароль').fill(BOLAT.password);
    await b.page.getByLabel('Синхронизация включена').check();
    await b.sync.button('Сохранить').click();
    await expect
      .poll(() => b.sync.sidebarStatus.textContent(), { timeout: 30_000 })
      .toContain('Синхронизировано');
    await expect.poll(async () => Object.keys(await subjects(b.page)).length).toBe(3);
    await screenshot(b.page, 'sync-settings-ru');
    // Credentials are in the tab's session storage only, never in the database.
    const meta = JSON.stringify(await readTable(b.page, 'syncMeta'));
    expect(meta).not.toContain(BOLAT.password);
  });

  async function editSubject(laptop: Laptop, id: string, subject: string, label: string) {
    const form = new AppealFormPage(laptop.page);
    await laptop.page.goto(`${baseUrl()}#/appeals/${id}/edit`);
    await form.form.waitFor();
    await form.field(label).fill(subject);
    await form.save();
    await laptop.page.waitForURL((url) => !url.hash.includes('/edit'));
  }

  it('edits on both laptops reach each other', async () => {
    await editSubject(a, appealIds[0]!, 'Ыстық су үш аптадан бері жоқ', 'Қысқаша мазмұны');
    await editSubject(b, appealIds[1]!, 'Во дворе нет освещения', 'Краткое содержание');
    await expect
      .poll(async () => (await subjects(b.page))[appealIds[0]!], { timeout: 30_000 })
      .toBe('Ыстық су үш аптадан бері жоқ');
    await expect
      .poll(async () => (await subjects(a.page))[appealIds[1]!], { timeout: 30_000 })
      .toBe('Во дворе нет освещения');
  });

  it('one laptop offline for a while: a true conflict is shown once and decided, both converge', async () => {
    await b.context.route(`${server.url}/**`, (route) => route.abort());
    await b.page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await expect
      .poll(() => b.sync.sidebarStatus.textContent(), { timeout: 30_000 })
      .toMatch(/^Нет связи с \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    await screenshot(b.page, 'sync-status-offline-ru');

    // While B is away: both change the third appeal's subject, A also the first one's.
    await editSubject(a, appealIds[2]!, 'Жол жөндеу: Абай көшесі', 'Қысқаша мазмұны');
    await editSubject(a, appealIds[0]!, 'Ыстық су жоқ (тексерілді)', 'Қысқаша мазмұны');
    await editSubject(b, appealIds[2]!, 'Ремонт дороги на улице Абая', 'Краткое содержание');

    await b.context.unroute(`${server.url}/**`);
    await b.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(() => b.sync.sidebarStatus.textContent(), { timeout: 30_000 })
      .toContain('Конфликты: 1');
    await expect
      .poll(() => a.sync.sidebarStatus.textContent(), { timeout: 30_000 })
      .toContain('Қайшылықтар: 1');
    await screenshot(a.page, 'sync-status-conflict-kk');
    // The non-conflicting edit made meanwhile came through.
    await expect
      .poll(async () => (await subjects(b.page))[appealIds[0]!], { timeout: 30_000 })
      .toBe('Ыстық су жоқ (тексерілді)');

    await b.sync.goto(baseUrl());
    await expect.poll(() => b.sync.conflicts.count()).toBe(1);
    await b.sync.conflicts.first().scrollIntoViewIfNeeded();
    await screenshot(b.page, 'sync-conflicts-ru');
    expect(await b.sync.conflicts.first().textContent()).toContain('Ремонт дороги на улице Абая');
    expect(await b.sync.conflicts.first().textContent()).toContain('Жол жөндеу: Абай көшесі');
    await b.sync.conflicts.first().getByRole('button', { name: 'Взять их' }).click();
    await expect.poll(() => b.sync.conflicts.count()).toBe(0);

    // Decided once: gone on both laptops, and both hold the same records.
    await expect
      .poll(() => a.sync.sidebarStatus.textContent(), { timeout: 30_000 })
      .not.toContain('Қайшылықтар');
    await expect
      .poll(async () => (await subjects(b.page))[appealIds[2]!], { timeout: 30_000 })
      .toBe('Жол жөндеу: Абай көшесі');
    await expect
      .poll(async () => JSON.stringify(await subjects(a.page)), { timeout: 30_000 })
      .toBe(JSON.stringify(await subjects(b.page)));
  });

  it('the server killed mid-sync and started again loses nothing', async () => {
    const form = new AppealFormPage(a.page);
    await a.page.goto(`${baseUrl()}#/appeals/${appealIds[1]!}/edit`);
    await form.form.waitFor();
    await form.field('Қысқаша мазмұны').fill('Аулада жарық жоқ: әкімдікке хат');
    await form.save();
    await server.kill();
    await a.page.waitForURL((url) => !url.hash.includes('/edit'));
    await expect
      .poll(() => a.sync.sidebarStatus.textContent(), { timeout: 30_000 })
      .toMatch(/^Желіден тыс/);
    await screenshot(a.page, 'sync-status-offline-kk');
    await server.start();
    for (const l of [a, b]) await l.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(async () => (await subjects(b.page))[appealIds[1]!], { timeout: 30_000 })
      .toBe('Аулада жарық жоқ: әкімдікке хат');
    await expect
      .poll(() => a.sync.sidebarStatus.textContent(), { timeout: 30_000 })
      .toContain('Синхрондалды');
    expect(JSON.stringify(await subjects(a.page))).toBe(JSON.stringify(await subjects(b.page)));
  });

  it('a malformed document on the server is quarantined, not applied', async () => {
    const put = await server.request('PUT', `/${DATABASE}/appeals:${MALFORMED_ID}`, {
      table: 'appeals',
      schema: 1,
      data: { id: MALFORMED_ID, regNo: 'жиырма', subject: '' },
    });
    expect(put.status).toBe(201);
    await a.sync.goto(baseUrl());
    await expect.poll(() => a.sync.quarantineRows.count(), { timeout: 30_000 }).toBe(1);
    expect(await a.sync.quarantineRows.first().textContent()).toContain(`appeals:${MALFORMED_ID}`);
    expect(await a.sync.quarantineRows.first().textContent()).toContain(
      'Жазба қосымша ережелеріне сай емес',
    );
    await a.page.locator('.sync-quarantine').scrollIntoViewIfNeeded();
    await screenshot(a.page, 'sync-quarantine-kk');
    expect(Object.keys(await subjects(a.page))).toHaveLength(3);
    await b.sync.goto(baseUrl());
    await expect.poll(() => b.sync.quarantineRows.count(), { timeout: 30_000 }).toBe(1);
    expect(await b.sync.quarantineRows.first().textContent()).toContain(
      'Запись не соответствует правилам приложения',
    );
    expect(appErrors(a.errors)).toEqual([]);
    expect(appErrors(b.errors)).toEqual([]);
  });
});
