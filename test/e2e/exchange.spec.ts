import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';
import { AppShell } from './pages/AppShell';
import { AppealFormPage } from './pages/AppealFormPage';
import { AppealPage } from './pages/AppealPage';

/**
 * Two laptops of one office in two separate Chromium contexts (each its own IndexedDB, as
 * two laptops): the office laptop keeps the number series; a reception laptop joins it with
 * a package, both register appeals offline and edit the same appeal, packages go both ways,
 * the conflict is shown and decided once, and both end with the same appeals under numbers
 * that never collide, every printed number still finding its appeal.
 */
const PASSWORD = 'Сәуір-2026 кеңсе';
const LABELS = {
  kk: {
    create: 'Буманы жасау',
    created: 'бумасы сақталды',
    apply: 'Қабылдау',
    applied: 'Бума қабылданды',
  },
  ru: { create: 'Создать пакет', created: 'сохранён', apply: 'Принять', applied: 'Пакет принят' },
};
type Lang = keyof typeof LABELS;
const PROVISIONAL = /^\d{4}-[A-Z]{3}-\d{4}$/;

interface StoredAppeal {
  id: string;
  regNo: string;
  subject: string;
  aliases?: string[];
}

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

/**
 * Registers an anonymous appeal through the form, and waits for the appeal's page as a user
 * would before going on (the URL changes before the page is drawn).
 */
async function register(page: Page, subject: string): Promise<void> {
  const form = new AppealFormPage(page);
  await page.goto(`${baseUrl()}#/appeals/new`);
  await form.form.waitFor();
  await form.field('Келіп түсу тәсілі').selectOption('reception');
  await form.form.getByLabel('Жасырын өтініш (өтініш беруші белгісіз)').check();
  await form.field('Қысқаша мазмұны').fill(subject);
  await form.field(/^Мәселе/).fill(`${subject}: тұрғындар бірнеше рет жүгінген, жауап болмады.`);
  await form.field('Тақырып').selectOption('improvement');
  await form.field('Елді мекен').fill('Қостанай');
  await form.save();
  await page.waitForURL(/#\/appeals\/[0-9a-f-]{36}\?registered=1$/);
  await new AppealPage(page).registeredBanner.waitFor();
}

async function editSubject(page: Page, id: string, subject: string): Promise<void> {
  const form = new AppealFormPage(page);
  await page.goto(`${baseUrl()}#/appeals/${id}/edit`);
  await form.form.waitFor();
  await form.field('Қысқаша мазмұны').fill(subject);
  await form.save();
  await page.waitForURL(new RegExp(`#/appeals/${id}$`));
  await new AppealPage(page).heading.waitFor();
}

async function nameLaptop(page: Page, name: string): Promise<void> {
  await page.locator('.exchange-rename input').fill(name);
  await page.locator('.exchange-rename button').click();
  await page.locator('.exchange-rename button').waitFor({ state: 'detached' });
}

async function openExchange(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}#/settings/exchange`);
  await page.locator('.exchange-section').waitFor();
  await page.locator('.exchange-password input').fill(PASSWORD);
}

describe('exchange packages between two laptops (two Chromium contexts)', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'tizilim-exchange-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes a package on `page` (to the chosen laptop) and returns the saved file's path. */
  async function sendPackage(
    page: Page,
    name: string,
    toKnownLaptop = false,
    lang: Lang = 'kk',
  ): Promise<string> {
    await openExchange(page);
    // The known laptop is listed first; the last choice is "a new laptop of the office".
    if (toKnownLaptop) await page.locator('.exchange-card select').selectOption({ index: 0 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: LABELS[lang].create }).click();
    const path = join(dir, name);
    await (await download).saveAs(path);
    await page.getByText(LABELS[lang].created).waitFor();
    return path;
  }

  /** Chooses a package, waits for its preview, applies it (a backup download comes first). */
  async function receive(
    page: Page,
    path: string,
    shot?: string,
    lang: Lang = 'kk',
  ): Promise<void> {
    await openExchange(page);
    await page.getByTestId('exchange-file').setInputFiles(path);
    await page.locator('.exchange-preview').waitFor();
    if (shot) {
      await page.locator('.exchange-preview').scrollIntoViewIfNeeded();
      await screenshot(page, shot);
    }
    const backup = page.waitForEvent('download');
    await page.getByRole('button', { name: LABELS[lang].apply, exact: true }).click();
    await (await backup).saveAs(join(dir, `backup-${Date.now()}.json`));
    await page.getByText(LABELS[lang].applied).waitFor();
  }

  it(
    'registers offline on both, exchanges both ways, decides the conflict once',
    { timeout: 240_000 },
    async () => {
      const officeContext = await browser.newContext({
        viewport: OFFICE_LAPTOP,
        acceptDownloads: true,
      });
      const office = await officeContext.newPage();
      const officeErrors = collectPageErrors(office);
      await new AppShell(office).open(baseUrl(), '/settings/exchange', 'Айгерім Нұрланқызы');
      await office.getByRole('button', { name: 'Осы ноутбукты кеңсе ноутбугі ету' }).click();
      await office.getByText('Кеңсе ноутбугі: тіркеу нөмірлерін береді').waitFor();
      await nameLaptop(office, 'Кеңсе ноутбугі');
      await register(office, 'Ыстық су жоқ');
      await register(office, 'Аулада жарық жоқ');
      const first = await sendPackage(office, 'p1.tizilim-exchange');

      const receptionContext = await browser.newContext({
        viewport: OFFICE_LAPTOP,
        acceptDownloads: true,
      });
      const reception = await receptionContext.newPage();
      const receptionErrors = collectPageErrors(reception);
      await new AppShell(reception).open(baseUrl(), '/settings/exchange', 'Дана Серікқызы');
      await nameLaptop(reception, 'Қабылдау ноутбугі');
      await screenshot(reception, 'exchange-section-new-laptop-kk');
      await receive(reception, first, 'exchange-preview-join-kk');
      expect(
        (await readTable<StoredAppeal>(reception, 'appeals')).map((a) => a.regNo).sort(),
      ).toEqual([expect.stringMatching(/-0001$/), expect.stringMatching(/-0002$/)]);

      // Offline: three at the reception (provisional numbers), two at the office, and both
      // change the same appeal's subject.
      for (const subject of ['Жол жөндеу', 'Балабақша кезегі', 'Су құбыры'])
        await register(reception, subject);
      const printed = await readTable<StoredAppeal>(reception, 'appeals');
      expect(printed.filter((a) => PROVISIONAL.test(a.regNo))).toHaveLength(3);
      await register(office, 'Подъезд жөндеу');
      await register(office, 'Қоқыс шығару');
      const shared = (await readTable<StoredAppeal>(office, 'appeals')).find(
        (a) => a.subject === 'Ыстық су жоқ',
      )!;
      await editSubject(office, shared.id, 'Ыстық су жоқ — кеңседе нақтыланды');
      await editSubject(reception, shared.id, 'Ыстық су жоқ — қабылдауда нақтыланды');

      // Reception → office: preview with new appeals, number changes and the conflict.
      const fromReception = await sendPackage(reception, 'p2.tizilim-exchange', true);
      await receive(office, fromReception, 'exchange-preview-kk');
      await office.locator('.conflict-record').waitFor();
      await office.locator('.exchange-conflicts').scrollIntoViewIfNeeded();
      await screenshot(office, 'exchange-conflicts-kk');
      // The same screen in Russian; the conflict is decided there, once.
      await new AppShell(office).switchLanguage('ru');
      await office.locator('.exchange-conflicts h2', { hasText: 'Расхождения' }).waitFor();
      await office.locator('.exchange-conflicts').scrollIntoViewIfNeeded();
      await screenshot(office, 'exchange-conflicts-ru');
      await office.getByRole('button', { name: 'Взять из пакета' }).click();
      await office.getByText('Расхождений, ожидающих решения, нет.').waitFor();

      // Office → reception: the office's appeals, final numbers and a block come back; the
      // reception reads its preview in Russian.
      const fromOffice = await sendPackage(office, 'p3.tizilim-exchange', true, 'ru');
      await new AppShell(reception).switchLanguage('ru');
      await receive(reception, fromOffice, 'exchange-preview-ru', 'ru');
      expect(await reception.locator('.conflict-record').count()).toBe(0);

      const summary = async (page: Page) =>
        (await readTable<StoredAppeal>(page, 'appeals'))
          .map((a) => `${a.regNo} ${a.subject}`)
          .sort();
      const atOffice = await summary(office);
      expect(atOffice).toHaveLength(7);
      expect(await summary(reception)).toEqual(atOffice);
      expect(atOffice).toContain(`${shared.regNo} Ыстық су жоқ — қабылдауда нақтыланды`);
      const final = await readTable<StoredAppeal>(office, 'appeals');
      expect(new Set(final.map((a) => a.regNo)).size).toBe(7);
      expect(final.every((a) => !PROVISIONAL.test(a.regNo))).toBe(true);
      for (const receipt of printed.filter((a) => PROVISIONAL.test(a.regNo))) {
        expect(final.find((a) => a.id === receipt.id)?.aliases).toContain(receipt.regNo);
      }

      // The exchange screens after both directions, in Russian and Kazakh.
      await office.reload();
      await office.locator('.exchange-peers').waitFor();
      await screenshot(office, 'exchange-section-ru');
      await reception.reload();
      await reception.locator('.exchange-peers').waitFor();
      await reception.locator('.exchange-peers').scrollIntoViewIfNeeded();
      await screenshot(reception, 'exchange-peers-ru');
      await new AppShell(reception).switchLanguage('kk');
      await reception.locator('.exchange-peers').scrollIntoViewIfNeeded();
      await screenshot(reception, 'exchange-peers-kk');
      expect(officeErrors).toEqual([]);
      expect(receptionErrors).toEqual([]);
      await officeContext.close();
      await receptionContext.close();
    },
  );
});
