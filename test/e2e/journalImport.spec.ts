import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kazakh1904, russianTwoRowHeader, type JournalFixture } from '../fixtures/journals/build';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';
import { AppShell } from './pages/AppShell';

/**
 * The journal import wizard in the built app, in Chromium: a realistic Russian journal
 * (title rows, a two-row merged header, sections, totals, a stray empty row) read in the
 * Web Worker, every step looked at in Kazakh and Russian at 1366×768, the import written,
 * the same file recognised the second time, the import undone.
 */
describe('journal import wizard', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let dir: string;
  let russian: JournalFixture;
  let kazakh: JournalFixture;

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'tizilim-journal-e2e-'));
    russian = await russianTwoRowHeader();
    kazakh = await kazakh1904();
    writeFileSync(join(dir, russian.fileName), russian.bytes);
    writeFileSync(join(dir, kazakh.fileName), kazakh.bytes);
    context = await browser.newContext({ viewport: OFFICE_LAPTOP, acceptDownloads: true });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  interface Words {
    open: string;
    sheet: string;
    header: string;
    columns: string;
    values: string;
    import: string;
    skippedTab: string;
  }

  const wizard = () => page.getByRole('dialog');
  const next = () => wizard().locator('.journal-nav .button.primary');
  const step = (name: string) => wizard().locator('.journal-steps li.current', { hasText: name });

  async function runWizard(fixture: JournalFixture, lang: 'kk' | 'ru', words: Words) {
    await page.getByRole('button', { name: words.open }).first().click();
    await wizard().waitFor();
    await screenshot(page, `journal-1-file-${lang}`);
    await wizard().locator('input[type=file]').setInputFiles(join(dir, fixture.fileName));
    await step(words.sheet).waitFor();
    await screenshot(page, `journal-2-sheet-${lang}`);
    await next().click();
    await step(words.header).waitFor();
    await wizard().locator('.journal-sheet-preview').waitFor();
    await screenshot(page, `journal-3-header-${lang}`);
    // The keyboard path: Ctrl+Enter moves on.
    await page.keyboard.press('Control+Enter');
    await step(words.columns).waitFor();
    await screenshot(page, `journal-4-columns-${lang}`);
    await next().click();
    await step(words.values).waitFor();
    await screenshot(page, `journal-5-values-${lang}`);
    await next().click();
    await wizard().locator('.journal-summary').waitFor();
    await screenshot(page, `journal-6-preview-${lang}`);
    await wizard().getByRole('tab', { name: words.skippedTab }).click();
    await screenshot(page, `journal-6b-skipped-${lang}`);
    await next().click();
    await step(words.import).waitFor();
    await screenshot(page, `journal-7-import-${lang}`);
    await wizard().locator('.journal-import .button.primary').click();
    await wizard().locator('.journal-done').waitFor();
    await screenshot(page, `journal-8-done-${lang}`);
  }

  it('brings a Russian journal in, in Kazakh, and recognises it the second time', async () => {
    const app = new AppShell(page);
    await app.open(baseUrl(), '/registry');
    await runWizard(russian, 'kk', {
      open: 'Журналды көшіру…',
      sheet: 'Парақ',
      header: 'Тақырыптар',
      columns: 'Бағандар',
      values: 'Мәндер',
      import: 'Көшіру',
      skippedTab: 'Өткізілетіндер',
    });
    expect(await wizard().locator('.journal-done').textContent()).toContain('5 өтініш');
    await wizard().getByRole('link', { name: 'Тізілімді ашу' }).click();
    await page.locator('.registry-table-wrap').getByText('Сейтқалиева Гүлнар Ерболқызы').waitFor();
    expect(await page.locator('.registry-total').textContent()).toContain('5');

    // The shown registry out again as a journal: real Excel dates, kk headers.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Журнал (.xlsx)' }).click();
    const saved = join(dir, 'exported.xlsx');
    await (await download).saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(saved).buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Тізілім нөмірі');
    expect(sheet.getRow(2).getCell(3).value).toBe('Түскен күні');
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(3).getCell(3).value).toBeInstanceOf(Date);

    // The same file again: every row is recognised, nothing would be added.
    await page.getByRole('button', { name: 'Журналды көшіру…' }).click();
    await wizard().locator('input[type=file]').setInputFiles(join(dir, russian.fileName));
    await step('Парақ').waitFor();
    for (let i = 0; i < 4; i++) await next().click();
    const summary = wizard().locator('.journal-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('5 жол бұрын көшірілген');
    expect(await next().isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('runs in Russian on a Kazakh journal (1904 dates), and undoes the import', async () => {
    const app = new AppShell(page);
    await app.switchLanguage('ru');
    await runWizard(kazakh, 'ru', {
      open: 'Перенести журнал…',
      sheet: 'Лист',
      header: 'Заголовки',
      columns: 'Столбцы',
      values: 'Значения',
      import: 'Перенос',
      skippedTab: 'Пропускаются',
    });
    expect(await wizard().locator('.journal-done').textContent()).toContain('4 обращения');
    await wizard().getByRole('button', { name: 'Отменить этот перенос' }).click();
    await wizard().getByRole('button', { name: 'Отменить этот перенос' }).click();
    await wizard().getByText('Перенос отменён: удалено 4 обращения.').waitFor();
    await page.keyboard.press('Escape');
    await app.open(baseUrl(), '/settings/data');
    await page.getByRole('table', { name: 'Прошлые переносы' }).waitFor();
    await screenshot(page, 'journal-9-settings-data-ru');
    expect(errors).toEqual([]);
  });
});
