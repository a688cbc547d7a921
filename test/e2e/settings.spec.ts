import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAppeal } from '@renderer/db/repositories';
import { DEFAULT_TOPICS } from '@shared/domain';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';
import { AppShell } from './pages/AppShell';
import { SettingsPage, type SettingsSection } from './pages/SettingsPage';
import { buildOffice, seedPage } from './seed';

describe('settings', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function freshPage() {
    context = await browser.newContext({ viewport: OFFICE_LAPTOP });
    page = await context.newPage();
    errors = collectPageErrors(page);
    return { app: new AppShell(page), settings: new SettingsPage(page) };
  }

  async function done() {
    expect(errors).toEqual([]);
    await context.close();
  }

  it('fills the deputy profile; it is still there after a reload', async () => {
    const { app, settings } = await freshPage();
    await app.open(baseUrl(), '/settings/profile');
    await settings.field('Аты-жөні (қазақша)').fill('Серік Болатұлы Ахметов');
    await settings.field('Аты-жөні (орысша)').fill('Ахметов Серик Болатович');
    await settings.field('Лауазымы (қазақша)').fill('Алматы қалалық мәслихатының депутаты');
    await settings.field('Лауазымы (орысша)').fill('Депутат маслихата города Алматы');
    await settings.field('Мәслихат деңгейі').selectOption('republican_city');
    await settings.field('Мәслихаттың атауы (қазақша)').fill('Алматы қалалық мәслихаты');
    await settings.field('Мәслихаттың атауы (орысша)').fill('Маслихат города Алматы');
    await settings.field('Округ нөмірі').fill('12');
    await settings
      .field('Азаматтарды қабылдау мекенжайы (қазақша)')
      .fill('Алматы қ., Абай даңғылы, 10, 204-кабинет');
    await settings.field('Телефон').fill('8 (701) 234-56-78');
    await settings.field('Электрондық пошта').fill('akhmetov@maslihat.kz');
    await expect.poll(() => settings.saveStatus.textContent()).toBe('Сақталмаған өзгерістер бар');
    await settings.button('Сақтау').click();
    await expect.poll(() => settings.saveStatus.textContent()).toBe('Өзгерістер сақталды');
    expect(await settings.field('Телефон').inputValue()).toBe('+7 701 234 56 78');

    await page.reload();
    await settings.tabs.waitFor();
    await expect
      .poll(() => settings.field('Аты-жөні (қазақша)').inputValue())
      .toBe('Серік Болатұлы Ахметов');
    expect(await settings.field('Аты-жөні (орысша)').inputValue()).toBe('Ахметов Серик Болатович');
    expect(await settings.field('Мәслихат деңгейі').inputValue()).toBe('republican_city');
    expect(await settings.field('Округ нөмірі').inputValue()).toBe('12');
    expect(await settings.field('Телефон').inputValue()).toBe('+7 701 234 56 78');

    // Errors are explained in the interface language.
    await app.switchLanguage('ru');
    await settings.field('Электронная почта').fill('akhmetov@');
    await settings.button('Сохранить').click();
    await expect
      .poll(() => page.locator('.field-error').allTextContents())
      .toEqual(['Неверный адрес электронной почты']);
    await done();
  });

  it('adds a staff member and switches to them', async () => {
    const { app, settings } = await freshPage();
    await app.open(baseUrl(), '/settings/staff');
    await page.getByLabel(/^Аты-жөні/).fill('Дәурен Сапарұлы');
    await settings.field('Қызметі').selectOption('staff');
    await settings.button('Қосу').click();
    await expect.poll(() => settings.notice.textContent()).toBe('Дәурен Сапарұлы тізімге қосылды');
    expect(await settings.staffRow('Дәурен Сапарұлы').textContent()).toContain(
      'Мәслихат аппаратының қызметкері',
    );
    expect(await settings.staffRow('Айгерім Нұрланқызы').textContent()).toContain('сіз');

    await page.getByRole('button', { name: 'Пайдаланушыны ауыстыру' }).click();
    await page.getByRole('button', { name: /Дәурен Сапарұлы/ }).click();
    await expect
      .poll(() => page.locator('.current-user strong').textContent())
      .toBe('Дәурен Сапарұлы');
    await expect.poll(() => settings.staffRow('Дәурен Сапарұлы').textContent()).toContain('сіз');
    // The first user can now be deactivated by the second one; never deleted.
    await settings.button('Айгерім Нұрланқызы: белсенділігін тоқтату').click();
    await expect
      .poll(() => settings.staffRow('Айгерім Нұрланқызы').textContent())
      .toContain('Белсенді емес');
    await done();
  });

  it('adds a transfer day and sees it in the list and the grid', async () => {
    const { app, settings } = await freshPage();
    await app.open(baseUrl(), '/settings/calendar?year=2026');
    await settings.page.getByRole('heading', { name: '2026' }).waitFor();
    expect(await settings.daysOff()).toHaveLength(15);
    await settings.field('Демалыс күнін қосу (ауыстыру)').fill('2026-01-05');
    await settings.button('Демалыс ету').click();
    await expect.poll(() => settings.daysOff()).toContain('2026-01-05');
    expect(await settings.daysOff()).toHaveLength(16);
    await expect
      .poll(() => page.locator('.calendar-day-off[data-day="2026-01-05"]').textContent())
      .toContain('5 қаңтар, дүйсенбі');
    expect(
      await page.getByTitle('05.01.2026 — Үкімет шешімімен ауыстырылған демалыс').count(),
    ).toBe(1);
    await settings.field('Жұмыс күнін қосу').fill('2026-01-03');
    await settings.button('Жұмыс күні ету').click();
    await expect
      .poll(() => page.getByTitle('03.01.2026 — Ауыстыру бойынша жұмыс күні').count())
      .toBe(1);
    await done();
  });

  it('edits a deadline rule, keeps it, and restores the defaults', async () => {
    const { app, settings } = await freshPage();
    await app.open(baseUrl(), '/settings/deadlines');
    const decide = settings.field('Өтінішті қарау мерзімі');
    await decide.fill('20');
    await settings.button('Сақтау').click();
    await expect.poll(() => settings.saveStatus.textContent()).toBe('Өзгерістер сақталды');
    await page.reload();
    await expect.poll(() => settings.field('Өтінішті қарау мерзімі').inputValue()).toBe('20');

    await settings.button('Әдепкі мәндерді қайтару').click();
    await expect.poll(() => settings.field('Өтінішті қарау мерзімі').inputValue()).toBe('15');
    await expect.poll(() => settings.saveStatus.textContent()).toBe('Өзгерістер сақталды');
    expect(await settings.button('Әдепкі мәндерді қайтару').isDisabled()).toBe(true);
    await done();
  });

  it('every section in Kazakh and Russian at 1366×768 (screenshots)', async () => {
    const users = [
      { fullName: 'Айгерім Нұрланқызы', role: 'assistant' as const },
      { fullName: 'Серік Болатұлы Ахметов', role: 'deputy' as const },
      { fullName: 'Дәурен Сапарұлы', role: 'staff' as const },
    ];
    const dump = await buildOffice(
      async ({ db, ctx }) => {
        for (const [topic, subject] of [
          ['housing', 'Подъезд жөндеу'],
          ['housing', 'Шатыр ағады'],
          ['water', 'Ыстық су жоқ'],
          ['lighting', 'Көше шамдары жанбайды'],
        ] as const) {
          await createAppeal(
            db,
            {
              receivedAt: '2026-11-16T10:00',
              channel: 'reception',
              applicantId: null,
              subject,
              text: `${subject}.`,
              topic,
            },
            ctx,
          );
        }
      },
      {
        users,
        settings: {
          deputy: {
            fullName: { kk: 'Серік Болатұлы Ахметов', ru: 'Ахметов Серик Болатович' },
            position: {
              kk: 'Алматы қалалық мәслихатының депутаты',
              ru: 'Депутат маслихата города Алматы',
            },
          },
          maslikhat: {
            level: 'republican_city',
            name: { kk: 'Алматы қалалық мәслихаты', ru: 'Маслихат города Алматы' },
          },
          okrugNumber: 12,
          okrugDescription: {
            kk: 'Бостандық ауданы: Абай даңғылы – Розыбакиев көшесі – Әл-Фараби даңғылы',
            ru: 'Бостандыкский район: пр. Абая – ул. Розыбакиева – пр. аль-Фараби',
          },
          receptionAddress: {
            kk: 'Алматы қ., Абай даңғылы, 10, 204-кабинет',
            ru: 'г. Алматы, пр. Абая, 10, кабинет 204',
          },
          contacts: {
            phone: '+77012345678',
            email: 'akhmetov@maslihat.kz',
            telegram: '@akhmetov_okrug12',
            website: 'maslihat.almaty.kz',
            other: '',
          },
          topics: [
            ...DEFAULT_TOPICS,
            { id: 'lighting', kk: 'Көше жарығы', ru: 'Уличное освещение', retired: false },
            { id: 'trees', kk: 'Ағаш кесу', ru: 'Вырубка деревьев', retired: true },
          ],
          calendar: {
            '2026': {
              extraDaysOff: ['2026-01-05'],
              extraWorkingDays: ['2026-01-03'],
              religiousDaysOff: [],
            },
          },
          deadlines: {
            acknowledgeHours: 72,
            decideWorkingDays: 15,
            forwardWorkingDays: 3,
            informWorkingDays: 5,
            extensionMaxMonths: 2,
            inquiryAnswerWorkingDays: 15,
            extensionNoticeWorkingDays: 3,
          },
        },
      },
    );
    const { app, settings } = await freshPage();
    await page.clock.setFixedTime(new Date('2026-11-20T05:00:00Z'));
    await page.goto(baseUrl());
    await page.waitForSelector('.gate, aside nav');
    await seedPage(page, dump);
    await page.reload();
    await page.getByRole('button', { name: /Айгерім Нұрланқызы/ }).click();
    await app.navigation.waitFor();

    const sections: SettingsSection[] = [
      'profile',
      'staff',
      'topics',
      'calendar',
      'deadlines',
      'general',
    ];
    for (const lang of ['kk', 'ru'] as const) {
      if (lang === 'ru') await app.switchLanguage('ru');
      for (const section of sections) {
        await settings.goto(baseUrl(), section, section === 'calendar' ? '?year=2026' : '');
        await page.locator('.settings-body > *').first().waitFor();
        if (section === 'topics') {
          await expect.poll(() => page.locator('td.num', { hasText: '…' }).count()).toBe(0);
        }
        await page.evaluate(() => document.fonts.ready);
        await screenshot(page, `settings-${section}-${lang}`);
        if (section === 'topics' || section === 'calendar' || section === 'deadlines') {
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          await screenshot(page, `settings-${section}-end-${lang}`);
        }
      }
    }
    // Nothing runs off the side at 1366 px.
    for (const section of sections) {
      await settings.goto(baseUrl(), section, section === 'calendar' ? '?year=2026' : '');
      await page.locator('.settings-body > *').first().waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, section).toBeLessThanOrEqual(0);
    }
    await done();
  });
});
