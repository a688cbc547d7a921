import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addReception,
  EXPECTED,
  fillTodayOffice,
  TODAY_INSTANT,
} from '../renderer/features/dashboard/todayOffice';
import { baseUrl, screenshot } from './harness';
import { AppShell } from './pages/AppShell';
import { TodayPage, type TodayCard } from './pages/TodayPage';
import { buildOffice, openSeededApp, useBrowser, type TableDump } from './seed';

describe('Today view', () => {
  const run = useBrowser();

  /** A browser on Friday 20 November 2026, 10:00 in Almaty, with the office's data. */
  async function openSeeded(dump: TableDump) {
    const { context, page, errors } = await openSeededApp(run.browser, dump, {
      now: TODAY_INSTANT,
    });
    const today = new TodayPage(page);
    await today.goto(baseUrl());
    return { context, page, errors, today, app: new AppShell(page) };
  }

  it('counts match the seeded appeals; a count opens its registry list', async () => {
    const dump = await buildOffice(async ({ db, ctx }) => {
      await fillTodayOffice(db, ctx);
    });
    const { context, page, errors, today, app } = await openSeeded(dump);

    const expected: Record<TodayCard, number> = {
      overdue: EXPECTED.overdue,
      'due-today': EXPECTED.dueToday,
      'due-soon': EXPECTED.dueSoon,
      'not-contacted': EXPECTED.notContacted,
      'not-informed': EXPECTED.notInformed,
      'waiting-agency': EXPECTED.waitingAgency,
      'agencies-late': EXPECTED.agenciesLate,
      mine: EXPECTED.mine,
    };
    for (const [card, value] of Object.entries(expected) as [TodayCard, number][]) {
      await expect.poll(() => today.count(card), { message: card }).toBe(value);
    }
    await expect
      .poll(() => page.locator('.today-date').textContent())
      .toBe('2026 жылғы 20 қараша, жұма');
    expect(
      await today.list('Ең шұғыл өтініштер').locator('.today-subject').allTextContents(),
    ).toEqual(['Жылу жоқ', 'Лифт істемейді', 'Жол шұңқыры']);
    await expect.poll(() => today.receptionWarning.isVisible()).toBe(true);
    expect(await today.receptionWarning.textContent()).toContain(
      'Азаматтарды қабылдау қараша айына жоспарланбаған.',
    );
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'today-kk');
    // Everything fits the office laptop's width.
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);

    await app.switchLanguage('ru');
    await expect
      .poll(() => today.receptionWarning.textContent())
      .toContain('На ноябрь не запланировано ни одного приёма граждан.');
    await screenshot(page, 'today-ru');

    for (const [card, query] of [
      ['overdue', 'view=overdue'],
      ['due-today', 'view=due_today'],
      ['due-soon', 'deadline=due_soon'],
      ['not-contacted', 'view=not_contacted'],
      ['not-informed', 'view=not_informed'],
      ['waiting-agency', 'view=waiting_agency'],
      ['mine', 'view=mine'],
    ] as const) {
      await today.card(card).click();
      await expect.poll(() => new URL(page.url()).hash).toBe(`#/registry?${query}`);
      await page.goBack();
      await today.card(card).waitFor();
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('no warning once this month has a reception', async () => {
    const dump = await buildOffice(async ({ db, ctx }) => {
      await fillTodayOffice(db, ctx);
      await addReception(db, ctx, '2026-11-27');
    });
    const { context, today, errors } = await openSeeded(dump);
    await expect.poll(() => today.count('overdue')).toBe(EXPECTED.overdue);
    expect(await today.receptionWarning.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
