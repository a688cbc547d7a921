import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '@shared/export';
import { generateOffice } from '../fixtures/generateOffice';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';
import { AppShell } from './pages/AppShell';

/**
 * Settings → Data in real Chromium: demo data imported from a file (backup of the office it
 * replaces handed over first), the banner on every screen, removal back to an empty office,
 * an invalid file refused with the table and record named, and an export of the whole
 * database that loads again.
 */
describe('Settings → Data', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let dir: string;
  let demoPath: string;
  let demo: ExportFile;

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'tizilim-data-e2e-'));
    demo = generateOffice({ appeals: 300, seed: 2, from: '2026-05-01' });
    demoPath = join(dir, 'demo.json');
    writeFileSync(demoPath, JSON.stringify(demo));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function freshPage() {
    context = await browser.newContext({ viewport: OFFICE_LAPTOP, acceptDownloads: true });
    page = await context.newPage();
    errors = collectPageErrors(page);
    return new AppShell(page);
  }

  const banner = () => page.locator('.demo-banner');

  it('loads demo data after a backup, shows the banner everywhere, and removes it all', async () => {
    const app = await freshPage();
    await app.open(baseUrl(), '/settings/data');
    await page.getByRole('button', { name: 'JSON файлына экспорттау' }).waitFor();
    await screenshot(page, 'data-section-kk');
    expect(await banner().count()).toBe(0);

    await page.getByTestId('import-file').setInputFiles(demoPath);
    const dialog = page.getByRole('dialog', { name: 'Демо деректерді жүктеу керек пе?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Өтініштер: 300');
    await screenshot(page, 'data-confirm-demo-kk');

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Алмастыру' }).click();
    // The file is checked in the worker, then the backup, then the records, in one dialog.
    const progress = page.getByRole('dialog', { name: 'Деректер импорты' });
    await progress.waitFor();
    expect(await progress.locator('.import-step').allTextContents()).toEqual([
      expect.stringContaining('Файлды тексеру'),
      expect.stringContaining('Қазіргі деректердің сақтық көшірмесі'),
      expect.stringContaining('Жазбаларды сақтау'),
    ]);
    expect(await progress.locator('progress').count()).toBe(1);
    await screenshot(page, 'data-import-progress-kk');
    const backup = await download;
    expect(backup.suggestedFilename()).toMatch(/^tizilim-before-import-.*\.json$/);
    const saved = JSON.parse(readFileSync(await backup.path(), 'utf8')) as ExportFile;
    expect(saved.format).toBe('tizilim-export');
    expect(saved.tables.settings[0]!.users.map((u) => u.fullName)).toEqual(['Айгерім Нұрланқызы']);

    // The demo office's staff now: whoever works picks a name, and the banner is there.
    const first = demo.tables.settings[0]!.users[0]!.fullName;
    await page.getByRole('button', { name: first }).click({ timeout: 120_000 });
    await banner().waitFor();
    expect(await banner().textContent()).toContain('Демо деректер.');
    await page.goto(`${baseUrl()}#/registry`);
    await banner().waitFor();
    await page.locator('.registry-row').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'data-demo-banner-registry-kk');

    await banner().getByRole('link').click();
    await page.getByRole('button', { name: 'Демо деректерді жою' }).click();
    const confirm = page.getByRole('dialog', { name: 'Демо деректерді жою керек пе?' });
    await confirm.getByRole('button', { name: 'Демо деректерді жою' }).click();
    // An empty office again: the first-run set-up.
    await page.locator('.gate form').waitFor();
    expect(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('tizilim');
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['appeals', 'settings', 'counters'], 'readonly');
              let n = 0;
              let left = 3;
              for (const name of ['appeals', 'settings', 'counters']) {
                tx.objectStore(name).count().onsuccess = (e) => {
                  n += (e.target as IDBRequest<number>).result;
                  if (--left === 0) resolve(n);
                };
              }
            };
          }),
      ),
    ).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('refuses an invalid file naming the record, and exports a file that loads again', async () => {
    const app = await freshPage();
    await app.open(baseUrl(), '/settings/data');
    await app.switchLanguage('ru');
    await page.getByRole('button', { name: 'Экспортировать в JSON' }).waitFor();

    const bad = JSON.parse(JSON.stringify({ ...demo, demo: false })) as ExportFile;
    (bad.tables.receptions[1] as { startTime: string }).startTime = '25:00';
    const badPath = join(dir, 'bad.json');
    writeFileSync(badPath, JSON.stringify(bad));
    await page.getByTestId('import-file').setInputFiles(badPath);
    await page
      .getByRole('dialog', { name: 'Заменить данные?' })
      .getByRole('button', { name: 'Заменить' })
      .click();
    // Checked record by record before anything else happens: no backup, nothing changed.
    const alert = page.locator('.data-status [role=alert]');
    await alert.waitFor({ timeout: 120_000 });
    expect(await alert.textContent()).toContain(
      'Файл не загружен, данные не изменились:Таблица «Приёмы», запись № 2, поле «startTime»: Неверное время (ЧЧ:ММ).',
    );
    await screenshot(page, 'data-invalid-file-ru');

    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ hello: 'world' }));
    await page.getByTestId('import-file').setInputFiles(wrong);
    await expect.poll(() => alert.textContent()).toContain('Это не файл экспорта Tizilim.');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Экспортировать в JSON' }).click();
    const exported = await download;
    expect(exported.suggestedFilename()).toMatch(/^tizilim-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync(await exported.path(), 'utf8')) as ExportFile;
    expect(file.demo).toBe(false);
    expect(file.tables.settings[0]!.users[0]!.fullName).toBe('Айгерім Нұрланқызы');

    // A good file loads through the progress dialog, and its appeals are in the registry.
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ ...demo, demo: false }));
    await page.getByTestId('import-file').setInputFiles(good);
    const backupSaved = page.waitForEvent('download');
    await page
      .getByRole('dialog', { name: 'Заменить данные?' })
      .getByRole('button', { name: 'Заменить' })
      .click();
    const progress = page.getByRole('dialog', { name: 'Импорт данных' });
    await progress.waitFor();
    expect(await progress.textContent()).toContain('Проверка файла');
    await screenshot(page, 'data-import-progress-ru');
    await backupSaved;
    await page.getByRole('button', { name: demo.tables.settings[0]!.users[0]!.fullName }).click({
      timeout: 120_000,
    });
    await page.goto(`${baseUrl()}#/registry`);
    await page.locator('.registry-row').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.registry-row').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
