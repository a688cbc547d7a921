import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';

/** Records per store of an IndexedDB database of this page's origin (0 when it has none). */
function countIn(page: Page, name: string, store: string): Promise<number> {
  return page.evaluate(
    ([name, store]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store!)) {
            db.close();
            resolve(0);
            return;
          }
          const request = db.transaction(store!, 'readonly').objectStore(store!).count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
        };
      }),
    [name, store],
  );
}

/**
 * The demo office in real Chromium: opened from the first-run screen (built in the app, in
 * its own database), marked on every screen, still open after a reload, and "back to my
 * office" returns to the office's own, still empty, database.
 */
describe('the demo office', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the first run apart from the office, and goes back to the empty office', async () => {
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${baseUrl()}#/`);
    const demoCard = page.getByTestId('first-run-demo');
    await demoCard.waitFor();
    await demoCard.scrollIntoViewIfNeeded();
    await screenshot(page, 'demo-first-run-kk');

    const started = Date.now();
    await demoCard.getByRole('button', { name: 'Демо-кеңсені ашу' }).click();
    await page.getByTestId('demo-progress').waitFor();
    // Built in the app, then the window opens it: the demo's staff are asked who is working.
    const note = page.getByTestId('demo-banner');
    await note.waitFor({ timeout: 120_000 });
    console.log(`[demo e2e] demo office built and opened in ${Date.now() - started} ms`);
    await screenshot(page, 'demo-choose-user-kk');
    await page.locator('.user-button').first().click();

    const badge = page.getByTestId('demo-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('ДЕМО');
    expect(await page.getByTestId('demo-banner').textContent()).toContain('Демо-кеңсе.');
    await page.goto(`${baseUrl()}#/registry`);
    await page.locator('.registry-row').first().waitFor({ timeout: 60_000 });
    await badge.waitFor();
    await screenshot(page, 'demo-registry-kk');

    // The choice survives a reload: still the demo, still marked.
    await page.reload();
    await page.locator('.registry-row').first().waitFor({ timeout: 60_000 });
    await badge.waitFor();
    await page.locator('.language-switcher select').selectOption('ru');
    await page.goto(`${baseUrl()}#/settings/data`);
    const back = page.getByRole('button', { name: 'Вернуться в свою приёмную' });
    await back.first().waitFor();
    // The banner's button is there before the settings screen (its own chunk) has loaded.
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('выключены резервные копии');
    await screenshot(page, 'demo-settings-data-ru');
    await page.goto(`${baseUrl()}#/settings/sync`);
    await page.getByTestId('off-in-demo').waitFor();

    expect(await countIn(page, 'tizilim-demo', 'appeals')).toBe(600);
    expect(await countIn(page, 'tizilim', 'appeals')).toBe(0);

    await back.first().click();
    // The office's own database: empty, so its first run; no mark, no demo record.
    await page.locator('.gate form').waitFor();
    expect(await page.getByTestId('demo-badge').count()).toBe(0);
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    expect(await countIn(page, 'tizilim', 'appeals')).toBe(0);
    expect(await countIn(page, 'tizilim', 'applicants')).toBe(0);
    await screenshot(page, 'demo-back-to-office-ru');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
