import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppeal } from '@renderer/db/repositories';
import { installDesktopHarness, type DesktopHarness } from './desktopHarness';
import { baseUrl, collectPageErrors, OFFICE_LAPTOP, screenshot } from './harness';
import { AppShell } from './pages/AppShell';
import { HOT_WATER_COMPLAINT } from './offices';
import { buildOffice, openSeededApp, useBrowser, type TableDump } from './seed';

/**
 * Backups and restore from the screens, in Chromium, with the REAL main-process backup code
 * behind window.tizilim (desktopHarness): the password and its recovery sheet, "back up
 * now" into the office's USB folder, a restore into a fresh profile from the first-run
 * screen, and a wrong password that changes nothing.
 */
const PASSWORD = 'Сәуір-2026 кеңсе';
const APPEALS = 12;

async function countAppeals(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('tizilim');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('appeals').objectStore('appeals').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );
}

describe('backups from the screens', () => {
  const suite = useBrowser();
  let dir: string;
  let usb: string;
  let office: TableDump;
  let backupFile = '';
  let desktop: DesktopHarness | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tizilim-backup-ui-'));
    usb = join(dir, 'USB');
    mkdirSync(usb);
    office = await buildOffice(async ({ db, ctx }) => {
      for (let i = 0; i < APPEALS; i++) {
        await createAppeal(
          db,
          {
            receivedAt: '2026-11-19T10:00',
            ...HOT_WATER_COMPLAINT,
            applicantId: null,
            subject: `Ыстық су жоқ, Абай көшесі 12, №${i + 1}`,
            text: 'Абай көшесі 12-үйде екі аптадан бері ыстық су жоқ.',
            expectation: 'Жылу желілеріне сауал жіберуді сұраймын',
          },
          ctx,
        );
      }
    });
  });

  afterAll(async () => {
    await desktop?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets the password with its recovery sheet and backs up now into the USB folder', async () => {
    let harness: DesktopHarness | null = null;
    const { page, errors } = await openSeededApp(suite.browser, office, {
      contexts: suite.contexts,
      prepare: async (_page, context) => {
        harness = await installDesktopHarness(context, {
          baseUrl: baseUrl(),
          userDataDir: join(dir, 'userData'),
          officeFolder: usb,
        });
      },
    });
    desktop = harness;
    expect(await countAppeals(page)).toBe(APPEALS);
    await page.goto(`${baseUrl()}#/settings/data`);
    await page.getByTestId('backup-new-password').fill(PASSWORD);
    await page.getByTestId('backup-repeat-password').fill(`${PASSWORD}x`);
    await page.getByRole('button', { name: 'Құпиясөзді орнату' }).click();
    await page.getByText('Құпиясөздер сәйкес келмейді.').waitFor();
    await page.getByTestId('backup-repeat-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Құпиясөзді орнату' }).click();

    const key = await page.getByTestId('recovery-key').textContent();
    expect(key).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    await screenshot(page, 'backup-recovery-sheet-kk');
    const close = page.getByRole('button', { name: 'Дайын' });
    expect(await close.isDisabled()).toBe(true);
    await page.getByTestId('recovery-confirm').check();
    await close.click();
    await page.getByTestId('backup-password-ready').waitFor();

    // The password set, the first backup of the day follows by itself.
    await page
      .getByTestId('backup-folder-office')
      .getByText(/Соңғы сәтті көшірме/)
      .waitFor();
    await page.getByTestId('backup-now').click();
    const result = page.getByTestId('backup-result');
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Көшірме сақталды');
    backupFile = /tizilim-[^\s]+\.tizilim-backup/.exec(text)![0];
    expect(readdirSync(usb)).toContain(backupFile);
    // Two backups were written: the day's first (automatic) and this one, which the
    // rotation keeps as the day's newest.
    expect(desktop!.calls.filter((c) => c.channel === 'backup:finish' && c.ok)).toHaveLength(2);
    await screenshot(page, 'backup-settings-data-kk');

    await new AppShell(page).switchLanguage('ru');
    await page.getByRole('button', { name: 'Сделать копию сейчас' }).waitFor();
    await screenshot(page, 'backup-settings-data-ru');

    // A wrong password for a restore changes nothing.
    await page.getByTestId('restore-list').getByRole('button').first().click();
    await page.getByRole('radio', { name: 'Паролем', exact: true }).check();
    await page.getByTestId('restore-secret').fill('неверный пароль');
    await page.getByTestId('restore-open').click();
    await page
      .getByTestId('restore-secret-error')
      .getByText(/Неверный пароль/)
      .waitFor();
    await page.getByRole('radio', { name: 'Сохранённым паролем' }).check();
    await page.getByTestId('restore-open').click();
    await page.getByTestId('restore-preview').waitFor();
    await screenshot(page, 'backup-restore-preview-ru');
    await page.getByRole('button', { name: 'Отмена' }).click();
    expect(await countAppeals(page)).toBe(APPEALS);
    const names = readdirSync(usb);
    expect(names.some((n) => n.includes('before_restore'))).toBe(false);
    expect(errors).toEqual([]);
  });

  it('restores into a fresh profile from the first-run screen; a wrong password is refused first', async () => {
    expect(backupFile).not.toBe('');
    const context = await suite.browser.newContext({ viewport: OFFICE_LAPTOP });
    suite.contexts.push(context);
    const fresh = await installDesktopHarness(context, {
      baseUrl: baseUrl(),
      userDataDir: join(dir, 'userData-new-laptop'),
      officeFolder: null,
      chooseFile: () => join(usb, backupFile),
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(baseUrl());
    const offer = page.getByTestId('first-run-restore');
    await offer.waitFor();
    await offer.getByRole('button', { name: 'Көшірмеден қалпына келтіру…' }).click();
    await screenshot(page, 'backup-first-run-kk');
    await offer.getByTestId('restore-choose-file').click();
    await page.getByTestId('restore-secret').fill('қате құпиясөз');
    await page.getByTestId('restore-open').click();
    await page
      .getByTestId('restore-secret-error')
      .getByText(/Құпиясөз қате/)
      .waitFor();
    expect(await countAppeals(page)).toBe(0);

    await page.getByTestId('restore-secret').fill(PASSWORD);
    await page.getByTestId('restore-open').click();
    const preview = page.getByTestId('restore-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(`Өтініштер: ${APPEALS}`);
    await screenshot(page, 'backup-restore-preview-kk');
    await page.getByTestId('restore-confirm').click();
    // What was restored is shown first, not "who is working?" at once.
    const result = page.getByTestId('restore-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain(`Өтініштер: ${APPEALS}`);
    expect(await page.getByRole('heading', { name: 'Кім жұмыс істейді?' }).count()).toBe(0);
    await expect.poll(() => countAppeals(page)).toBe(APPEALS);
    // A new laptop: the typed password is offered as its own backup password.
    const keep = page.getByTestId('restore-keep-password');
    await keep.waitFor();
    await screenshot(page, 'backup-restore-done-kk');
    await keep.getByRole('button', { name: 'Құпиясөзді осы ноутбукта сақтау' }).click();
    await page.getByTestId('recovery-sheet').waitFor();
    await page.getByTestId('recovery-confirm').check();
    await page.getByRole('button', { name: 'Дайын' }).click();
    await page.getByTestId('restore-password-kept').waitFor();
    await page.locator('.gate .language-switcher select').selectOption('ru');
    await page.getByText('Пароль сохранён').waitFor();
    await screenshot(page, 'backup-restore-done-ru');
    await page.getByRole('button', { name: 'Продолжить работу' }).click();
    // The restored office has its staff: the result gives way to the app.
    await page.waitForSelector('aside nav, .gate .user-button');
    expect(errors).toEqual([]);
    await fresh.close();
  });
});
