import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { toKzLocalDate } from '@shared/calendar/zone';
import { createInitiative, createPlanItem } from '@renderer/db/repositories';
import { nextQuarterOf } from '@renderer/features/initiatives/quarters';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';
import { buildOffice, seedPage, type TableDump } from './seed';

const NEXT = nextQuarterOf(toKzLocalDate(new Date()));

async function seedOffice(): Promise<TableDump> {
  return buildOffice(async ({ db, ctx }) => {
    await createInitiative(
      db,
      {
        title: 'Аялдамаларды жөндеу туралы ұсыныс',
        target: 'akimat',
        submittedOn: '2026-07-05',
        status: 'under_consideration',
        topic: 'roads_transport',
        publicSummary: 'Округтегі 6 аялдаманы жөндеу әкімдікке ұсынылды.',
      },
      ctx,
    );
    await createInitiative(
      db,
      {
        title: 'Ауладағы ойын алаңдарына бюджет',
        target: 'session',
        submittedOn: '2026-09-24',
        status: 'partially_adopted',
        result: 'Үш алаңға қаражат бөлінді, қалғаны келесі жылға қалдырылды',
        topic: 'improvement',
      },
      ctx,
    );
    await createPlanItem(
      db,
      {
        year: NEXT.year,
        quarter: NEXT.quarter,
        title: 'Аулаларды абаттандыру',
        actions: 'Тұрғындармен бірге тізім жасау\nӘкімдікке ұсыныс жіберу',
        topic: 'improvement',
      },
      ctx,
    );
  });
}

describe('initiatives and plan', () => {
  let browser: Browser;
  let dump: TableDump;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    dump = await seedOffice();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  async function open(lang: 'kk' | 'ru'): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
    contexts.push(context);
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('tizilim.lang', l), lang);
    const errors = collectPageErrors(page);
    await page.goto(baseUrl());
    await page.waitForSelector('.gate, aside nav');
    await seedPage(page, dump);
    await page.goto(`${baseUrl()}#/initiatives`);
    await page.reload();
    await page.locator('.initiatives-table').waitFor();
    return { page, errors };
  }

  const texts = {
    kk: {
      save: 'Сақтау',
      title: /^Атауы/,
      target: 'Қайда енгізілді',
      date: 'Енгізілген күні',
      status: 'Мәртебесі',
      result: 'Нәтижесі',
      summary: 'Есепке арналған қысқаша мәтін',
      initiative: 'Кенесары көшесін жарықтандыру',
      resultText: 'Бюджетке 120 млн теңге енгізілді',
      summaryText: 'Кенесары көшесіне 40 шам орнатылады.',
      planTab: 'Тоқсан жоспары',
      planTitle: /^Басымдық/,
      actions: 'Негізгі әрекеттер',
      plan: 'Жылу маусымына дайындық',
      planActions: 'Жылу желілерін тексеру\nТұрғындармен кездесу',
      warning: 'телефон нөмірі',
      labels: ['Бюджет', 'Қабылданды'],
    },
    ru: {
      save: 'Сохранить',
      title: /^Название/,
      target: 'Куда внесена',
      date: 'Дата внесения',
      status: 'Статус',
      result: 'Результат',
      summary: 'Краткий текст для отчёта',
      initiative: 'Освещение улицы Кенесары',
      resultText: 'В бюджет включено 120 млн тенге',
      summaryText: 'На улице Кенесары установят 40 фонарей.',
      planTab: 'План на квартал',
      planTitle: /^Приоритет/,
      actions: 'Ключевые действия',
      plan: 'Подготовка к отопительному сезону',
      planActions: 'Проверить тепловые сети\nВстретиться с жителями',
      warning: 'номер телефона',
      labels: ['Бюджет', 'Принято'],
    },
  } as const;

  for (const lang of ['kk', 'ru'] as const) {
    it(`adds an initiative and a plan item from the keyboard (${lang})`, async () => {
      const { page, errors } = await open(lang);
      const x = texts[lang];
      await screenshot(page, `initiatives-list-${lang}`);

      await page.keyboard.press('n');
      const dialog = page.getByRole('dialog');
      // Public texts have a Kazakh and a Russian field side by side: type into this language's.
      const own = (legend: string | RegExp) =>
        dialog
          .locator('fieldset.bilingual-fields', {
            has: page.locator('legend', { hasText: legend }),
          })
          .locator(`.bilingual-${lang}`)
          .locator('input, textarea');
      await own(x.title).fill(x.initiative);
      await dialog.getByLabel(x.target).selectOption('budget');
      await dialog.getByLabel(x.date).fill('2026-10-14');
      await dialog.getByLabel(x.status).selectOption('adopted');
      await own(new RegExp(`^${x.result}$`)).fill(x.resultText);
      await own(x.summary).fill(`${x.summaryText} +7 701 123 45 67`);
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain(x.warning);
      await screenshot(page, `initiatives-dialog-warning-${lang}`);
      await own(x.summary).fill(x.summaryText);
      await expect.poll(() => dialog.getByRole('status').count()).toBe(0);
      await page.keyboard.press('Control+Enter');
      await dialog.waitFor({ state: 'detached' });

      const row = page.locator('.initiatives-table tbody tr', { hasText: x.initiative });
      await row.waitFor();
      for (const label of x.labels) expect(await row.textContent()).toContain(label);
      expect(await row.textContent()).toContain('14.10.2026');
      await screenshot(page, `initiatives-added-${lang}`);

      await page.getByRole('tab', { name: x.planTab }).click();
      await page.locator('.plan-list').waitFor();
      await page.keyboard.press('n');
      await own(x.planTitle).fill(x.plan);
      await own(x.actions).fill(x.planActions);
      await screenshot(page, `initiatives-plan-dialog-${lang}`);
      await dialog.getByRole('button', { name: x.save }).click();
      await dialog.waitFor({ state: 'detached' });
      const titles = () => page.locator('.plan-list > li .plan-title').allTextContents();
      await expect.poll(titles).toEqual(['Аулаларды абаттандыру', x.plan]);

      // Reorder from the keyboard: focus the new item and move it up.
      await page.locator('.plan-list > li').nth(1).focus();
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(titles).toEqual([x.plan, 'Аулаларды абаттандыру']);
      await expect
        .poll(() =>
          page.evaluate(() => document.activeElement?.querySelector('.plan-title')?.textContent),
        )
        .toBe(x.plan);
      await screenshot(page, `initiatives-plan-${lang}`);
      expect(errors).toEqual([]);
    });
  }
});
