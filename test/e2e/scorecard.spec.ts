import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  createFeedbackRound,
  createReportPublication,
  importExportFile,
} from '@renderer/db/repositories';
import { generateOffice } from '../fixtures/generateOffice';
import { TODAY_INSTANT } from '../renderer/features/dashboard/todayOffice';
import { baseUrl, screenshot, SCREENSHOTS } from './harness';
import { AppShell } from './pages/AppShell';
import { buildOffice, openSeededApp, useBrowser } from './seed';

describe('the open-deputy scorecard on Today', () => {
  const run = useBrowser();

  it('shows the seven steps with their numbers, and a step opens what to do next (kk, ru)', async () => {
    const dump = await buildOffice(async ({ db, ctx }) => {
      const office = generateOffice({
        appeals: 120,
        seed: 5,
        from: '2026-06-01',
        today: '2026-11-17',
      });
      await importExportFile(db, office, ctx, { mode: 'empty', fileAs: 'bytes' });
      await createReportPublication(
        db,
        {
          year: 2026,
          quarter: 3,
          publishedOn: '2026-10-14',
          link: 'https://maslihat.kz/esep/2026-3',
        },
        ctx,
      );
      await createFeedbackRound(
        db,
        {
          decision: 'Мәслихаттың аулаларды абаттандыру туралы шешімі',
          collectedOn: '2026-10-20',
          channel: 'telegram',
          responses: 46,
        },
        ctx,
      );
    });
    const { page, errors } = await openSeededApp(run.browser, dump, {
      now: TODAY_INSTANT,
      contexts: run.contexts,
      waitForShell: false,
    });
    // The generated office has its own staff: the first of them starts the day.
    await page.locator('.user-button').first().click();
    await page.goto(`${baseUrl()}#/today`);
    const card = page.getByTestId('scorecard');
    await card.waitFor();
    expect(await card.locator('.scorecard-step').count()).toBe(7);
    // Step 4: the Q3 report was published on 14 October, before its due date (15 October).
    const report = card.locator('[data-step="report"]');
    await expect.poll(() => report.locator('.scorecard-state').textContent()).toBe('Орындалды');
    expect(await report.locator('.scorecard-value').textContent()).toContain('14.10.2026');
    // Step 5: the feedback round of October.
    expect(await card.locator('[data-step="feedback"] .scorecard-value').textContent()).toContain(
      '46',
    );

    // A step opens to what to do next, with its link.
    await card.locator('[data-step="firstContact"] summary').click();
    await expect
      .poll(() => card.locator('[data-step="firstContact"] .scorecard-action').isVisible())
      .toBe(true);
    await card.locator('[data-step="firstContact"] summary').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'scorecard-today-kk');

    await new AppShell(page).switchLanguage('ru');
    await expect.poll(() => card.locator('h2').textContent()).toBe('7 шагов к открытому депутату');
    await expect.poll(() => report.locator('.scorecard-state').textContent()).toBe('Выполнено');
    await screenshot(page, 'scorecard-today-ru');

    // The Telegram/Instagram card beside the report's short text, in each language.
    for (const lang of ['ru', 'kk'] as const) {
      await page.goto(`${baseUrl()}#/reports?quarter=2026-Q3&lang=${lang}`);
      const social = page.getByTestId('social-card');
      const image = social.locator('img');
      await image.waitFor();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBe(1080);
      // The card at its own size, to look at (the preview beside the text is a quarter of it).
      const src = (await image.getAttribute('src')) ?? '';
      await page.setViewportSize({ width: 1080, height: 1080 });
      await page.goto(src);
      await page.screenshot({ path: `${SCREENSHOTS}/social-card-${lang}.png` });
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    expect(errors).toEqual([]);
  });
});
