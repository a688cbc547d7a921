import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createReception } from '@renderer/db/repositories';
import type { SettingsInput } from '@shared/domain';
import { baseUrl, screenshot } from './harness';
import { AppShell } from './pages/AppShell';
import { ReceptionPlanPage } from './pages/ReceptionPlanPage';
import { buildOffice, openSeededApp, useBrowser, type TableDump } from './seed';

/** Sunday 22 November 2026, 10:00 in Astana. */
const SUNDAY = new Date('2026-11-22T05:00:00Z');

const SETTINGS: Partial<SettingsInput> = {
  deputy: {
    fullName: { kk: 'Асқар Болатұлы Серікбаев', ru: 'Серикбаев Аскар Болатович' },
    position: {
      kk: 'Астана қалалық мәслихатының депутаты',
      ru: 'Депутат маслихата города Астаны',
    },
  },
  okrugNumber: 7,
  receptionAddress: {
    kk: 'Астана, Жеңіс даңғылы, 23, 105-кабинет',
    ru: 'Астана, пр. Жеңіс, 23, кабинет 105',
  },
  contacts: { phone: '+77172551234', email: null, telegram: '', website: '', other: '' },
};

/** No horizontal scrolling on the office laptop's screen. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('reception planning', () => {
  const run = useBrowser();

  async function openSeeded(dump: TableDump) {
    const opened = await openSeededApp(run.browser, dump, { now: SUNDAY });
    const { page } = opened;
    return { ...opened, app: new AppShell(page), plan: new ReceptionPlanPage(page) };
  }

  it('plans a reception, announces it in kk and ru, ticks preparation; all survives a reload', async () => {
    const dump = await buildOffice(async () => {}, { settings: SETTINGS, now: SUNDAY });
    const { context, page, errors, app, plan } = await openSeeded(dump);

    await plan.gotoList(baseUrl());
    expect(await app.heading().textContent()).toBe('Азаматтарды қабылдау');
    await expect
      .poll(() => plan.monthsMissingWarning.textContent())
      .toContain('Қараша, желтоқсан, қаңтар айларына азаматтарды қабылдау жоспарланбаған.');
    expect(await plan.calendarTitle()).toBe('Қараша 2026');
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'reception-list-empty-kk');

    // N opens the form.
    await page.keyboard.press('n');
    await plan.form.waitFor();
    await screenshot(page, 'reception-new-kk');

    const id = await plan.planReception({
      date: '2026-11-27',
      startTime: '10:00',
      endTime: '13:00',
      place: {
        kk: 'Сарыарқа ауданы әкімдігі, Жеңіс даңғылы 23, 105-кабинет',
        ru: 'Акимат района Сарыарка, проспект Женис, 23, кабинет 105',
      },
      accessibilityNotes: {
        kk: 'Бірінші қабат, кіреберісте пандус бар',
        ru: 'Первый этаж, у входа есть пандус',
      },
    });
    expect(await app.heading().textContent()).toBe(
      'Қабылдау: 2026 жылғы 27 қараша, жұма, 10:00–13:00',
    );
    expect(await plan.status.textContent()).toBe('Жоспарланған');

    const full = await plan.generateAnnouncement('full');
    for (const part of [
      'Асқар Болатұлы Серікбаев азаматтарды жеке қабылдайды',
      'Күні: 2026 жылғы 27 қараша, жұма',
      'Уақыты: 10:00–13:00',
      'Өтетін орны: Сарыарқа ауданы әкімдігі, Жеңіс даңғылы 23, 105-кабинет',
      'Қолжетімділік: Бірінші қабат, кіреберісте пандус бар',
      'зейнеткерлер, көпбалалы отбасылардың өкілдері және ардагерлер кезексіз қабылданады',
      'Қабылдау бөлмесінің мекенжайы: Астана, Жеңіс даңғылы, 23, 105-кабинет',
      '+7 7172 55 12 34',
    ]) {
      expect(full.kk).toContain(part);
    }
    for (const part of [
      'Серикбаев Аскар Болатович проводит личный приём граждан',
      'пятница',
      'с 10:00 до 13:00',
      'пенсионеры, представители многодетных семей и ветераны принимаются вне очереди',
      'Акимат района Сарыарка, проспект Женис, 23, кабинет 105',
      'Первый этаж, у входа есть пандус',
      'Адрес приёмной: Астана, пр. Жеңіс, 23, кабинет 105',
      '+7 7172 55 12 34',
    ]) {
      expect(full.ru).toContain(part);
    }
    // Each announcement gives the place in its own language only.
    expect(full.kk).not.toContain('Акимат района Сарыарка');
    expect(full.ru).not.toContain('Сарыарқа ауданы әкімдігі');
    expect(await plan.announcementRecord.textContent()).toContain('Қабылдау әлі хабарланбаған.');
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'reception-plan-kk');

    const short = await plan.generateAnnouncement('short');
    expect(short.kk).toContain('азаматтарды қабылдайды');
    expect(short.ru).toContain('проводит приём граждан');
    expect(short.kk).toContain('ардагерлер кезексіз қабылданады');
    expect(short.ru).toContain('ветераны принимаются вне очереди');
    expect(short.kk.length).toBeLessThan(full.kk.length);
    await plan.announcement.scrollIntoViewIfNeeded();
    await screenshot(page, 'reception-announcement-short-kk');

    await plan.announcementRecord.locator('button').click();
    await page.locator('dialog[open]').waitFor();
    await screenshot(page, 'reception-announcement-record-kk');
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await plan.recordAnnouncement({ channels: ['telegram', 'board'], other: 'мектеп' });
    await expect
      .poll(() => plan.announcementRecord.textContent())
      .toContain('Хабарланды: 22.11.2026 — Telegram, хабарландыру тақтасы, мектеп');

    // Preparation: recording the announcement ticked its step; tick two more.
    await expect.poll(() => plan.preparationProgress()).toBe('1/9 дайын');
    await plan.preparationStep('Ауызсу').check();
    await plan.preparationStep('Байланыс деректері бар карточкалар').check();
    await expect.poll(() => plan.preparationProgress()).toBe('3/9 дайын');

    await page.reload();
    await plan.form.waitFor();
    await expect.poll(() => plan.preparationProgress()).toBe('3/9 дайын');
    expect(await plan.preparationStep('Ауызсу').isChecked()).toBe(true);
    expect(await plan.preparationStep('Байланыс деректері бар карточкалар').isChecked()).toBe(true);
    expect(await plan.preparationStep('Дәптер мен қалам').isChecked()).toBe(false);
    expect(await plan.announcementRecord.textContent()).toContain('Telegram, хабарландыру тақтасы');
    expect(await plan.field('place.kk').inputValue()).toBe(
      'Сарыарқа ауданы әкімдігі, Жеңіс даңғылы 23, 105-кабинет',
    );
    expect(await plan.field('place.ru').inputValue()).toBe(
      'Акимат района Сарыарка, проспект Женис, 23, кабинет 105',
    );
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // The month calendar shows it; the warning names only the months still empty.
    await plan.gotoList(baseUrl());
    await expect
      .poll(() => plan.calendarReceptions())
      .toEqual([{ day: '2026-11-27', text: '10:00–13:00Жоспарланған' }]);
    await expect
      .poll(() => plan.monthsMissingWarning.textContent())
      .toContain('Желтоқсан, қаңтар айларына азаматтарды қабылдау жоспарланбаған.');
    expect(await plan.monthEmptyWarning.count()).toBe(0);
    expect(await plan.upcoming.textContent()).toContain('Хабарланды: 22.11.2026');
    expect(await plan.upcoming.textContent()).toContain('Дайындық: 3/9');
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'reception-list-kk');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await plan.nextMonth();
    expect(await plan.calendarTitle()).toBe('Желтоқсан 2026');
    expect(await plan.monthEmptyWarning.textContent()).toContain(
      'Бұл айға қабылдау жоспарланбаған.',
    );
    expect(await plan.calendarReceptions()).toEqual([]);
    await screenshot(page, 'reception-list-empty-month-kk');

    // Russian.
    await app.switchLanguage('ru');
    await expect.poll(() => plan.calendarTitle()).toBe('Декабрь 2026');
    expect(await plan.monthEmptyWarning.textContent()).toContain(
      'На этот месяц приём не запланирован.',
    );
    expect(await plan.monthsMissingWarning.textContent()).toContain(
      'На декабрь и январь не запланировано ни одного приёма граждан.',
    );
    await plan.previousMonth();
    await screenshot(page, 'reception-list-ru');

    await plan.gotoReception(baseUrl(), id);
    expect(await app.heading().textContent()).toBe(
      'Приём граждан: 27 ноября 2026 г., пятница, 10:00–13:00',
    );
    const ru = await plan.generateAnnouncement('full');
    expect(ru.kk).toBe(full.kk);
    expect(ru.ru).toBe(full.ru);
    await expect.poll(() => plan.preparationProgress()).toBe('Готово 3 из 9');
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'reception-plan-ru');
    await plan.generateAnnouncement('short');
    await plan.announcement.scrollIntoViewIfNeeded();
    await screenshot(page, 'reception-announcement-short-ru');
    await plan.announcementRecord.locator('button').click();
    await page.locator('dialog[open]').waitFor();
    await screenshot(page, 'reception-announcement-record-ru');
    await page.keyboard.press('Escape');

    await page.goto(`${baseUrl()}#/reception/new`);
    await plan.form.waitFor();
    await screenshot(page, 'reception-new-ru');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('settings: the built-in checklists in both languages, and a copy to edit', async () => {
    const dump = await buildOffice(
      async ({ db, ctx }) => {
        await createReception(
          db,
          {
            date: '2026-11-27',
            startTime: '10:00',
            place: { kk: 'Мәслихат ғимараты, 2-қабат', ru: 'Здание маслихата, 2-й этаж' },
          },
          ctx,
        );
      },
      { settings: SETTINGS, now: SUNDAY },
    );
    const { context, page, errors, app } = await openSeeded(dump);
    await page.goto(`${baseUrl()}#/settings/checklists`);
    const builtIns = page.getByTestId('builtin-checklists');
    await builtIns.waitFor();
    expect(await builtIns.locator('.checklists-name').allTextContents()).toEqual([
      'Қабылдауға дайындық',
      'Депутаттың азаматпен кездесуі',
      'Қоғамдық тыңдау құрылымы',
    ]);
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'reception-checklists-kk');
    await builtIns.getByTestId('checklist-item').nth(1).getByRole('button').first().click();
    const view = page.locator('dialog[open]');
    await view.waitFor();
    expect(await view.getByTestId('checklist-steps').locator('li').count()).toBe(7);
    await screenshot(page, 'reception-checklist-view-kk');
    await page.keyboard.press('Escape');

    await builtIns.getByTestId('checklist-item').nth(2).getByRole('button').nth(1).click();
    const edit = page.locator('dialog[open]');
    await edit.waitFor();
    await screenshot(page, 'reception-checklist-edit-kk');
    await edit.getByRole('button', { name: '+ Қадам қосу' }).click();
    await edit.getByLabel('6-қадам, қазақша').fill('Тыңдау хаттамасын жариялау');
    await edit.getByLabel('6-қадам, орысша').fill('Опубликовать протокол слушаний');
    await page.keyboard.press('Control+Enter');
    await edit.waitFor({ state: 'detached' });
    const own = page.getByTestId('own-checklists');
    await expect.poll(() => own.locator('.checklists-meta').textContent()).toContain('6 қадам');

    await app.switchLanguage('ru');
    await expect
      .poll(() => builtIns.locator('.checklists-name').allTextContents())
      .toEqual([
        'Подготовка к приёму',
        'Встреча депутата с гражданином',
        'Порядок публичных слушаний',
      ]);
    await screenshot(page, 'reception-checklists-ru');
    await own.getByTestId('checklist-item').first().getByRole('button').first().click();
    await page.locator('dialog[open]').waitFor();
    await screenshot(page, 'reception-checklist-edit-ru');
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await builtIns.getByTestId('checklist-item').nth(0).getByRole('button').first().click();
    await page.locator('dialog[open]').waitFor();
    await screenshot(page, 'reception-checklist-view-ru');
    await page.keyboard.press('Escape');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    expect(errors).toEqual([]);
    await context.close();
  });
});
