import { describe, expect, it } from 'vitest';
import { createAppeal } from '@renderer/db/repositories';
import { screenshot } from './harness';
import { buildOffice, openSeededApp, useBrowser, type TableDump } from './seed';

const NOW = new Date('2026-11-20T05:00:00Z');
const PARK = 'Абай атындағы саябақ';

/** Q3 2026: three appeals on Абай даңғылы, three in a park the table cannot name in Russian. */
async function seedOffice(): Promise<TableDump> {
  return buildOffice(
    async ({ db, ctx }) => {
      const appeal = async (receivedAt: string, street: string) =>
        createAppeal(
          db,
          {
            channel: 'reception',
            applicantId: null,
            receivedAt,
            topic: 'housing',
            subject: 'Аулада жарық жоқ',
            text: 'Кешкі уақытта аула қараңғы.',
            location: { locality: 'Астана', district: '', street, building: '' },
          },
          ctx,
        );
      for (const day of ['2026-07-06', '2026-08-04', '2026-09-08']) {
        await appeal(`${day}T10:00`, 'Абай даңғылы');
        await appeal(`${day}T11:00`, PARK);
      }
    },
    { now: NOW },
  );
}

describe('place names in the report’s language', () => {
  const suite = useBrowser();
  let dump: TableDump | undefined;

  it('lists a place the table cannot name in Russian, with a link to the glossary', async () => {
    dump ??= await seedOffice();
    const { page, errors } = await openSeededApp(suite.browser, dump, {
      contexts: suite.contexts,
      now: NOW,
      prepare: async (p) => {
        await p.addInitScript(() => localStorage.setItem('tizilim.lang', 'ru'));
      },
      route: '/reports?quarter=2026-Q3&lang=ru',
      waitForShell: true,
    });
    const missing = page.locator('.report-missing[data-missing-translation="ru"]');
    await missing.waitFor({ timeout: 90_000 });
    const link = missing.locator(`[data-missing-item="place:${PARK}"] a`);
    expect(await link.textContent()).toBe(`Название места: «${PARK}»`);
    expect(await link.getAttribute('href')).toBe('#/settings/places');
    // The preview names the avenue in Russian already.
    await expect
      .poll(() => page.locator('.report-doc[data-lang="ru"]').textContent())
      .toContain('Астана, проспект Абай');
    await screenshot(page, 'report-place-missing-ru');

    await link.click();
    await page.waitForURL(/#\/settings\/places/);
    await screenshot(page, 'settings-places-empty-ru');
    expect(errors).toEqual([]);
  });

  it('the glossary in Kazakh at 1366×768', async () => {
    dump ??= await seedOffice();
    const { page, errors } = await openSeededApp(suite.browser, dump, {
      contexts: suite.contexts,
      now: NOW,
      prepare: async (p) => {
        await p.addInitScript(() => localStorage.setItem('tizilim.lang', 'kk'));
      },
      route: '/settings/places',
      waitForShell: true,
    });
    await page.getByRole('button', { name: 'Жол қосу' }).click();
    await page.keyboard.type('Оңтүстік-Шығыс');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Юго-Восток');
    await page.keyboard.press('Control+Enter'); // save
    await expect
      .poll(() => page.locator('.settings-notice').textContent())
      .toBe('Жер атаулары сөздігі сақталды: 1 жол.');
    await screenshot(page, 'settings-places-kk');
    expect(errors).toEqual([]);
  });
});
