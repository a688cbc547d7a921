import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';
import { AppShell } from './pages/AppShell';

const KK_NAV = [
  'Бүгін',
  'Тізілім',
  'Өтініш берушілер',
  'Қабылдау',
  'Сауалдар',
  'Мекемелер',
  'Хат үлгілері',
  'Бастамалар',
  'Мәселелер картасы',
  'Есептер',
  'Баптаулар',
];
const RU_NAV = [
  'Сегодня',
  'Реестр',
  'Заявители',
  'Приём',
  'Запросы',
  'Организации',
  'Шаблоны',
  'Инициативы',
  'Карта проблем',
  'Отчёты',
  'Настройки',
];

describe('app shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens in Kazakh; Russian is chosen, shown and kept after a reload', async () => {
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const app = new AppShell(page);

    await page.goto(`${baseUrl()}#/registry`);
    await expect.poll(() => page.locator('.gate h1').textContent()).toBe('Tizilim-ге қош келдіңіз');
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    await screenshot(page, 'first-run-kk');
    await app.open(baseUrl());
    expect(await app.navLabels()).toEqual(KK_NAV);
    await expect
      .poll(() => page.locator('.current-user strong').textContent())
      .toBe('Айгерім Нұрланқызы');
    await screenshot(page, 'shell-kk');

    await app.switchLanguage('ru');
    await expect.poll(() => app.navLabels()).toEqual(RU_NAV);

    await page.reload();
    await app.navigation.waitFor();
    expect(await app.navLabels()).toEqual(RU_NAV);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await app.navLink('Приём').click();
    await expect.poll(() => app.heading().textContent()).toBe('Приём граждан');
    await screenshot(page, 'shell-ru-reception');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders Kazakh letters with the bundled PT Sans, not a system fallback', async () => {
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
    const page = await context.newPage();
    await new AppShell(page).open(baseUrl());
    const result = await page.evaluate(async () => {
      await document.fonts.ready;
      const sample = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';
      await document.fonts.load('16px "PT Sans"', sample);
      await document.fonts.load('bold 16px "PT Sans"', sample);
      return {
        regular: document.fonts.check('16px "PT Sans"', sample),
        bold: document.fonts.check('bold 16px "PT Sans"', sample),
        family: getComputedStyle(document.body).fontFamily,
        loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      };
    });
    expect(result.regular).toBe(true);
    expect(result.bold).toBe(true);
    expect(result.family).toContain('PT Sans');
    expect(result.loaded.length).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it('shows a page for an unknown route instead of a blank screen', async () => {
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
    const page = await context.newPage();
    const app = new AppShell(page);
    await app.open(baseUrl(), '/no-such-page');
    await expect.poll(() => app.heading().textContent()).toBe('Бет табылмады');
    await context.close();
  });
});
