import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { toKzLocalDate, toKzLocalDateTime } from '@shared/calendar/zone';
import { messageFor } from '@shared/validation/messages';
import { saveDraft, transitionAppeal } from '@renderer/db/repositories';
import { BUILT_IN_TEMPLATES, renderTemplate } from '@shared/templates';
import { fullContext } from '../shared/templates/fixtures';
import { baseUrl, SCREENSHOTS, screenshot } from './harness';
import { AppShell } from './pages/AppShell';
import {
  astanaOfficeSettings,
  GULNAR,
  HOT_WATER_COMPLAINT,
  officeWithAppeal,
  type OfficeWithAppeal,
} from './offices';
import { openSeededApp, useBrowser } from './seed';

const NOW = new Date();
const TODAY = toKzLocalDate(NOW);
/** Received this morning — or, before 09:30 in Kazakhstan, this very minute: never in the future. */
const RECEIVED_AT = [`${TODAY}T09:30`, toKzLocalDateTime(NOW)].sort()[0]!;
const DEPUTY_KK = 'Ахметов Серік Болатұлы';
const ANSWER = 'Жылу желілері құбырды 18 қарашада жөндеді, ыстық су қайта берілді.';
const OUT = 'test-results/templates';

const OFFICE_SETTINGS = astanaOfficeSettings({ deputyKk: DEPUTY_KK, contacts: { telegram: '' } });

type Seeded = OfficeWithAppeal;

function seedOffice(): Promise<Seeded> {
  return officeWithAppeal(
    GULNAR,
    {
      ...HOT_WATER_COMPLAINT,
      receivedAt: RECEIVED_AT,
      registeredOn: TODAY,
      subject: 'Ыстық су жоқ',
      text: 'Абай көшесі 12-үйде екі аптадан бері ыстық су жоқ.',
    },
    {
      settings: OFFICE_SETTINGS,
      more: async ({ db, ctx }, appeal) => {
        await transitionAppeal(db, appeal.id, { type: 'start' }, ctx);
        await transitionAppeal(
          db,
          appeal.id,
          { type: 'decide', outcome: 'resolved', outcomeSummary: ANSWER, decidedOn: TODAY },
          ctx,
        );
        // Every built-in letter, rendered for a full fixture context, parked for its print route.
        for (const template of BUILT_IN_TEMPLATES) {
          for (const lang of ['kk', 'ru'] as const) {
            const result = renderTemplate(template, fullContext(lang));
            if (!result.ok) throw new Error(`${template.key ?? ''}: ${result.missing.join()}`);
            await saveDraft(db, {
              kind: 'letter',
              key: `builtin-${template.key ?? ''}-${lang}`,
              data: { letter: result.letter, outgoing: { number: '7-04/215', date: TODAY } },
            });
          }
        }
      },
    },
  );
}

const poll = <T>(fn: () => Promise<T> | T, options: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 15_000, ...options });

describe('templates and letters', () => {
  const run = useBrowser();
  let seeded: Seeded;

  beforeAll(async () => {
    seeded = await seedOffice();
  });

  async function office(): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
    return openSeededApp(run.browser, seeded.dump, {
      contexts: run.contexts,
      acceptDownloads: true,
      prepare: async (page, context) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        // The browser's print dialog cannot be driven: record what the print frame would print.
        await page.addInitScript(() => {
          window.print = () => {
            const top = window.top as (Window & { __printed?: string[] }) | null;
            if (top) top.__printed = [...(top.__printed ?? []), location.hash];
          };
        });
      },
    });
  }

  it('copies a built-in, edits it with the placeholder picker, refuses an unknown placeholder, previews a real appeal', async () => {
    const { page, errors } = await office();
    await page.goto(`${baseUrl()}#/templates`);
    await page.locator('.template-row').first().waitFor();
    expect(await page.locator('.template-group h2').allTextContents()).toContain(
      'Өтініш берушіге жауап',
    );
    await screenshot(page, 'templates-list-kk');

    // A built-in opens read-only, with a preview of the latest appeal in both languages.
    await page.locator('.template-row[data-template="reply"] .template-name').click();
    await page.locator('.template-readonly').waitFor();
    await poll(() => page.locator('[data-preview="kk"] .preview-text').textContent()).toContain(
      `№ ${seeded.regNo}`,
    );
    await expect
      .poll(() => page.locator('[data-preview="ru"] .preview-text').textContent())
      .toContain('Уважаемая Гүлнар Маратқызы!');
    await screenshot(page, 'templates-builtin-kk');
    await page.getByRole('button', { name: 'Көшірме жасау' }).click();
    await page.locator('.section-edit').first().waitFor();
    await expect
      .poll(() => page.locator('main h1').textContent())
      .toBe('Өтініш берушіге жауап (бес бөлім) (көшірме)');

    // Type in the answer section and insert a placeholder at the cursor.
    const body = page.locator('textarea[data-body="4-kk"]');
    await body.fill('Нәтиже: {{extra.answer}}. Өтініш № ');
    await body.press('End');
    await page.locator('[data-placeholder="appeal.regNo"]').click();
    await poll(() => body.inputValue()).toBe('Нәтиже: {{extra.answer}}. Өтініш № {{appeal.regNo}}');
    await poll(() => page.locator('[data-preview="kk"] .preview-text').textContent()).toContain(
      `Нәтиже: [Нақты жауап]. Өтініш № ${seeded.regNo}`,
    );

    // An unknown placeholder is refused with a clear message and nothing is stored.
    await body.fill('{{appeal.number}} {{extra.answer}}');
    await page.getByRole('button', { name: 'Сақтау', exact: true }).click();
    const alert = page.locator('.notice.error[role="alert"]').last();
    await poll(() => alert.textContent()).toContain(
      messageFor('template_placeholder_unknown', 'kk'),
    );
    expect(await alert.textContent()).toContain('{{appeal.number}}');
    await screenshot(page, 'templates-editor-unknown-kk');

    await body.fill('Нәтиже: {{extra.answer}}. Өтініш № {{appeal.regNo}}');
    await page.keyboard.press('Control+s');
    await poll(() => page.locator('.notice[role="status"]').last().textContent()).toBe(
      'Үлгі сақталды.',
    );
    await new AppShell(page).switchLanguage('ru');
    await page.locator('.placeholder-picker h2').filter({ hasText: 'Подстановки' }).waitFor();
    await screenshot(page, 'templates-editor-ru');
    expect(errors).toEqual([]);
  });

  it('from an appeal, produces a reply as Word, PDF and text, and notes it on the history', async () => {
    const { page, context, errors } = await office();
    await page.goto(`${baseUrl()}#/appeals/${seeded.appealId}`);
    await page.locator('.appeal-letters').waitFor();
    await page.locator('.appeal-letters').scrollIntoViewIfNeeded();
    await screenshot(page, 'templates-appeal-letters-kk');
    await page.locator('button[data-letter="reply"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('.composer').waitFor();
    // The answer comes from the appeal's outcome; the contact person is the user.
    expect(await dialog.locator('[data-extra="answer"]').inputValue()).toBe(ANSWER);
    await dialog
      .locator('[data-extra="furtherActions"]')
      .fill('Жылу желілері көктемде құбырды толық ауыстырады.');
    await poll(() => dialog.locator('textarea[data-section="reference"]').inputValue()).toContain(
      `№ ${seeded.regNo}`,
    );
    await screenshot(page, 'templates-composer-kk');

    const downloadPromise = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Word (.docx) сақтау' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`${seeded.regNo}_жауап_${TODAY}.docx`);
    const path = await download.path();
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    expect(files['[Content_Types].xml']).toBeDefined();
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const docText = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('\n');
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'reply-kk.docx.txt'), docText);
    expect(docText).toContain(ANSWER);
    expect(docText).toContain('Жылу желілері көктемде құбырды толық ауыстырады.');
    expect(docText).toContain('Құрметті Гүлнар Маратқызы!');
    expect(docText).toContain(DEPUTY_KK);
    await poll(() => dialog.locator('.notice[role="status"]').textContent()).toBe(
      'Word файлы сақталды.',
    );

    // A hand edit of the rendered text goes into the output.
    await dialog.locator('textarea[data-section="receipt"]').fill('Өтінішіңіз қаралды.');
    await dialog.getByRole('button', { name: 'PDF сақтау' }).click();
    const route = `#/print/letter/appeal-${seeded.appealId}-reply`;
    await poll(() => page.evaluate(() => (window as Window & { __printed?: string[] }).__printed), {
      timeout: 30_000,
    }).toEqual([route]);

    await dialog.getByRole('button', { name: 'Мәтінді көшіру' }).click();
    await poll(() => dialog.locator('.notice[role="status"]').textContent()).toContain(
      'Мәтін көшірілді',
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Өтінішіңіз қаралды.');
    expect(copied.trim().endsWith(DEPUTY_KK)).toBe(true);

    // Russian letter for the same appeal.
    await dialog.getByLabel('Русский').check();
    await poll(() => dialog.locator('textarea[data-section="greeting"]').inputValue()).toBe(
      'Уважаемая Гүлнар Маратқызы!',
    );
    await screenshot(page, 'templates-composer-ru');
    await dialog.getByRole('button', { name: 'Жабу' }).click();

    // Each letter taken away is on the history; the status stays as it was.
    const history = page.locator('.history, [aria-labelledby="appeal-history-title"]').first();
    await poll(() => history.textContent()).toContain('Хат әзірленді: Өтініш берушіге жауап');
    expect(await history.textContent()).toContain('Word');
    expect(
      await page
        .locator('.appeal-header .status-badge, .appeal-header [class*="status"]')
        .first()
        .textContent(),
    ).toBe('Шешім қабылданды');

    // The PDF: the print route of the parked letter, as the app prints it.
    const printPage = await context.newPage();
    await printPage.goto(`${baseUrl()}${route}`);
    await printPage.waitForFunction(() => window.__tizilimPrintReady !== undefined);
    await printPage.evaluate(() => window.__tizilimPrintReady);
    const file = join(OUT, 'reply-kk.pdf');
    writeFileSync(
      file,
      await printPage.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }),
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SCREENSHOTS, 'templates-reply-pdf')]);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Астана қалалық мәслихаты');
    expect(text).toContain(`№ ${seeded.regNo}`);
    expect(text).toContain('Өтінішіңіз қаралды.');
    expect(text).toContain(DEPUTY_KK);
    const fonts = execFileSync('pdffonts', [file]).toString();
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/PTSans/);
    expect(errors).toEqual([]);
  });

  it('prints every built-in letter in both languages on one A4 page in PT Sans', async () => {
    const { context, errors } = await office();
    const printPage = await context.newPage();
    mkdirSync(OUT, { recursive: true });
    for (const template of BUILT_IN_TEMPLATES) {
      for (const lang of ['kk', 'ru'] as const) {
        const name = `builtin-${template.key ?? ''}-${lang}`;
        await printPage.goto(`${baseUrl()}#/print/letter/${name}`);
        await printPage.reload();
        await printPage.waitForFunction(() => window.__tizilimPrintReady !== undefined);
        await printPage.evaluate(() => window.__tizilimPrintReady);
        const file = join(OUT, `${name}.pdf`);
        writeFileSync(
          file,
          await printPage.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }),
        );
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '50',
          '-f',
          '1',
          '-l',
          '1',
          file,
          join(SCREENSHOTS, `templates-${name}`),
        ]);
        const info = execFileSync('pdfinfo', [file]).toString();
        expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), name).toBe(1);
        const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
        expect(text, name).not.toContain('{{');
        const rendered = renderTemplate(template, fullContext(lang));
        const sections = rendered.ok ? rendered.letter.sections : [];
        // The first words of every section are on the page (the rest may be hyphenated).
        for (const section of sections) {
          const start = section.text.split(/\s+/).slice(0, 2).join(' ');
          expect(text.replace(/\s+/g, ' '), `${name}/${section.key}`).toContain(start);
        }
        const fonts = execFileSync('pdffonts', [file]).toString();
        for (const line of fonts.split('\n').slice(2).filter(Boolean))
          expect(line, name).toMatch(/PTSans/);
      }
    }
    expect(errors).toEqual([]);
  }, 300_000);
});
