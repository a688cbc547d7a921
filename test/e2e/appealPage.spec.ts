import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addWorkingDays, createKzCalendar, isWorkingDay } from '@shared/calendar';
import { formatDay as dayFromNumber, parseDay } from '@shared/calendar/dates';
import { toKzLocalDate } from '@shared/calendar/zone';
import { messageFor } from '@shared/validation/messages';
import { maxExtensionDate } from '@shared/workflow/deadlines';
import type { ActionType } from '@shared/workflow/status';
import {
  addNote,
  createAppeal,
  createApplicant,
  extendDeadline,
  transitionAppeal,
  updateAppeal,
} from '@renderer/db/repositories';
import { formatDay } from '@shared/format';
import { baseUrl, SCREENSHOTS, screenshot } from './harness';
import { AppealPage } from './pages/AppealPage';
import { AppShell } from './pages/AppShell';
import { astanaOfficeSettings, GULNAR, HOT_WATER_COMPLAINT } from './offices';
import { buildOffice, openSeededApp, useBrowser, type TableDump } from './seed';

const cal = createKzCalendar();
const TODAY = toKzLocalDate(new Date());
const shift = (day: string, days: number) => dayFromNumber(parseDay(day) + days);

/** The n-th working day before `day`. */
function workingDayBefore(day: string, n: number): string {
  let d = day;
  for (let k = 0; k < n;) {
    d = shift(d, -1);
    if (isWorkingDay(cal, d)) k += 1;
  }
  return d;
}

// Dates relative to the real today: the app computes "today" from the clock.
const RECEIVED_DAY = workingDayBefore(TODAY, 2);
const RECEIVED_AT = `${RECEIVED_DAY}T10:00`;
const DECIDE_BY = addWorkingDays(cal, RECEIVED_DAY, 15);
const CAP = maxExtensionDate(RECEIVED_DAY);
const BEYOND_CAP = shift(CAP, 1);
let VALID_EXTENSION = CAP;
while (!isWorkingDay(cal, VALID_EXTENSION)) VALID_EXTENSION = shift(VALID_EXTENSION, -1);

const DEPUTY_KK = 'Серік Болатұлы Ахметов';
const DEPUTY_RU = 'Ахметов Серик Болатович';
const SUMMARY =
  'Жылу желілеріне депутаттық сауал жіберілді; жөндеу келесі жылдың бюджетіне енгізілмеді.';

const OFFICE_SETTINGS = astanaOfficeSettings({ deputyKk: DEPUTY_KK });

interface Seeded {
  dump: TableDump;
  ids: Record<'main' | 'registered' | 'inProgress' | 'waiting' | 'decided' | 'closed', string>;
  regNo: string;
}

async function seedOffice(): Promise<Seeded> {
  const ids = {} as Seeded['ids'];
  let regNo = '';
  const dump = await buildOffice(
    async ({ db, ctx }) => {
      const kk = await createApplicant(
        db,
        {
          consent: { given: true, date: '2026-11-20', form: 'written' },
          ...GULNAR,
          email: 'gulnar@example.kz',
          preferredChannel: 'phone',
          vulnerableCategories: ['pensioner'],
        },
        ctx,
      );
      const ru = await createApplicant(
        db,
        {
          consent: { given: true, date: '2026-11-20', form: 'written' },
          fullName: 'Иванова Ольга Петровна',
          phones: ['+7 777 123 45 67'],
          preferredLanguage: 'ru',
          preferredChannel: 'whatsapp',
        },
        ctx,
      );
      const appeal = (over: Partial<Parameters<typeof createAppeal>[1]>) =>
        createAppeal(
          db,
          {
            receivedAt: RECEIVED_AT,
            ...HOT_WATER_COMPLAINT,
            applicantId: kk.id,
            subject: 'Ыстық су жоқ',
            text: 'Абай көшесі 12-үйде екі аптадан бері ыстық су жоқ. Пәтер иелері кооперативіне жүгіндік, жауап болмады.',
            expectation: 'Жылу желілеріне депутаттық сауал жіберуді сұраймын',
            proposedAction: 'inquiry',
            ...over,
          },
          ctx,
        );
      const main = await appeal({});
      ids.main = main.id;
      regNo = main.regNo;

      const registered = await appeal({
        applicantId: ru.id,
        channel: 'whatsapp',
        kind: 'application',
        subject: 'Ремонт дороги во дворе',
        text: 'Во дворе дома по улице Кенесары ямы глубиной до 20 см, после дождя не пройти.',
        expectation: '',
        topic: 'roads_transport',
        location: { locality: 'Астана', district: '', street: 'Кенесары', building: '5' },
      });
      ids.registered = registered.id;

      const inProgress = await appeal({ subject: 'Аулада жарық жоқ', topic: 'improvement' });
      await transitionAppeal(db, inProgress.id, { type: 'start' }, ctx);
      ids.inProgress = inProgress.id;

      const waiting = await appeal({ subject: 'Балалар алаңы бұзылған', topic: 'improvement' });
      await transitionAppeal(db, waiting.id, { type: 'start' }, ctx);
      await transitionAppeal(db, waiting.id, { type: 'awaitAgency', note: 'Сауал № 45' }, ctx);
      ids.waiting = waiting.id;

      const decided = await appeal({ subject: 'Аялдамада шатыр жоқ', topic: 'roads_transport' });
      await transitionAppeal(db, decided.id, { type: 'start' }, ctx);
      await transitionAppeal(
        db,
        decided.id,
        {
          type: 'decide',
          outcome: 'resolved',
          outcomeSummary: 'Әкімдік аялдамаға шатыр орнатты.',
          decidedOn: TODAY,
        },
        ctx,
      );
      ids.decided = decided.id;

      const closed = await appeal({
        applicantId: ru.id,
        channel: 'phone',
        subject: 'Вывоз мусора во дворе',
        text: 'Мусор во дворе не вывозят уже неделю, контейнеры переполнены.',
        expectation: 'Добиться регулярного вывоза мусора',
        topic: 'ecology_waste',
        location: { locality: 'Астана', district: 'Есиль', street: 'Кенесары', building: '5' },
        proposedAction: 'forwarding',
      });
      await updateAppeal(
        db,
        closed.id,
        { subject: 'Вывоз мусора во дворе дома', priority: true, tags: ['мусор'] },
        ctx,
      );
      await addNote(db, closed.id, 'Позвонили в ТОО «Таза қала», обещали вывезти завтра.', ctx);
      await extendDeadline(
        db,
        closed.id,
        { extendedTo: VALID_EXTENSION, reason: 'Ждём ответа ТОО «Таза қала»' },
        ctx,
      );
      await transitionAppeal(db, closed.id, { type: 'start' }, ctx);
      await transitionAppeal(
        db,
        closed.id,
        {
          type: 'decide',
          outcome: 'resolved',
          outcomeSummary: 'Мусор вывезен, график вывоза согласован.',
          decidedOn: TODAY,
        },
        ctx,
      );
      await transitionAppeal(
        db,
        closed.id,
        { type: 'informApplicant', informedAt: `${TODAY}T00:01`, via: 'whatsapp' },
        ctx,
      );
      await transitionAppeal(db, closed.id, { type: 'close' }, ctx);
      await updateAppeal(
        db,
        closed.id,
        {
          publicSummary: {
            kk: 'Кенесары көшесіндегі аулада қоқыс шығару жолға қойылды.',
            ru: 'Во дворе на улице Кенесары налажен вывоз мусора.',
          },
          inReport: true,
        },
        ctx,
      );
      ids.closed = closed.id;
    },
    { settings: OFFICE_SETTINGS, now: new Date() },
  );
  return { dump, ids, regNo };
}

const kk = (code: string) => messageFor(code, 'kk');

/** expect.poll with room for a busy two-core machine (its default is one second). */
const poll = <T>(fn: () => Promise<T> | T, options: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 10_000, ...options });

describe('appeal page', () => {
  const run = useBrowser();
  let seeded: Seeded;

  beforeAll(async () => {
    seeded = await seedOffice();
  });

  /** A fresh browser with the seeded office, opened once so the schema exists. */
  async function office(
    init?: (page: Page) => Promise<void>,
  ): Promise<{ page: Page; errors: string[]; app: AppealPage; shell: AppShell }> {
    const { page, errors } = await openSeededApp(run.browser, seeded.dump, {
      contexts: run.contexts,
      prepare: init,
    });
    return { page, errors, app: new AppealPage(page), shell: new AppShell(page) };
  }

  it('walks an appeal through every status to closed, refusing what the guards refuse', async () => {
    const { page, errors, app } = await office();
    await app.open(baseUrl(), seeded.ids.main, '?registered=1');
    expect(await app.heading.textContent()).toBe('Ыстық су жоқ');
    expect(await app.registeredBanner.textContent()).toContain(seeded.regNo);
    expect(await app.status.textContent()).toBe('Тіркелді');
    expect(await app.actions()).toEqual(['start', 'decide']);
    expect(await app.decisionDeadline.textContent()).toContain(formatDay(DECIDE_BY));
    expect(await page.locator('.applicant-name').getAttribute('href')).toMatch(/#\/applicants\//);
    await screenshot(page, 'appeal-page-open-kk');
    // The receipt banner goes away when dismissed, and stays away.
    await app.registeredBanner.getByRole('button', { name: 'Жасыру' }).click();
    await app.registeredBanner.waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('registered=1');

    // Every action is reachable with Tab, in order.
    await page.locator('.appeal-header > .button').focus();
    const reached: string[] = [];
    for (let i = 0; i < 8 && reached.length < 2; i++) {
      await page.keyboard.press('Tab');
      const action = await page.evaluate(() => document.activeElement?.getAttribute('data-action'));
      if (action) reached.push(action);
    }
    expect(reached).toEqual(['start', 'decide']);
    // …and Enter on a focused action opens its dialog; Escape closes it without saving.
    await page.keyboard.press('Enter');
    await app.dialog.waitFor();
    expect(await app.dialogTitle.textContent()).toBe('Шешім қабылдау');
    await page.keyboard.press('Escape');
    await app.dialogClosed();
    expect(await app.status.textContent()).toBe('Тіркелді');

    // An extension beyond the legal cap is refused with the law's wording, then a valid one.
    await app.extendButton.click();
    await app.dialog.waitFor();
    expect(await app.dialog.locator('.extension-cap').textContent()).toMatch(
      new RegExp(String(Number(CAP.slice(8, 10)))),
    );
    await app.control('extendedTo').fill(BEYOND_CAP);
    await app.control('extensionReason').fill('Жылу желілерінің жауабы әлі келген жоқ');
    await app.submit.click();
    await poll(() => app.fieldError('extendedTo').textContent()).toBe(kk('extension_beyond_cap'));
    await screenshot(page, 'appeal-page-dialog-extension-refused-kk');
    await app.control('extendedTo').fill(VALID_EXTENSION);
    await app.control('extendedTo').press('Enter');
    await app.dialogClosed();
    await poll(() => app.decisionDeadline.textContent()).toContain(formatDay(VALID_EXTENSION));
    expect(await app.decisionDeadline.textContent()).toContain(formatDay(DECIDE_BY));

    // Start: Enter in the note submits.
    await app.openAction('start');
    await app.control('note').fill('Жұмысқа алдым');
    await app.control('note').press('Enter');
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Жұмыста');
    expect(await app.actions()).toEqual(['awaitAgency', 'decide']);
    // Keyboard work goes on from the next step.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'decide',
    );

    await app.openAction('awaitAgency');
    await app.submit.click();
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Органның жауабын күтуде');

    await app.openAction('agencyAnswered');
    await app.control('note').fill('Жылу желілері жауап берді');
    await app.submit.click();
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Жұмыста');

    // Decide without a summary: refused on the summary; not_resolved also needs a reason.
    await app.openAction('decide');
    await app.control('outcome').selectOption('not_resolved');
    await app.submit.click();
    await poll(() => app.fieldError('outcomeSummary').textContent()).toBe(
      kk('outcome_summary_required'),
    );
    await screenshot(page, 'appeal-page-dialog-decide-refused-kk');
    await app.control('outcomeSummary').fill(SUMMARY);
    await app.submit.click();
    await poll(() => app.fieldError('notResolvedReason').textContent()).toBe(
      kk('not_resolved_reason_required'),
    );
    await app.control('notResolvedReason').selectOption('needs_budget');
    // The box reads dd.mm.yyyy in both languages.
    expect(await app.control('decidedOn').inputValue()).toBe(TODAY.split('-').reverse().join('.'));
    await app.control('decidedOn').press('Enter');
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Шешім қабылданды');
    expect(await app.outcome.textContent()).toBe('Шешілмеді');
    expect(await app.actions()).toEqual(['informApplicant', 'close']);
    await screenshot(page, 'appeal-page-decided-kk');

    // Close before the applicant was told: refused with the message, nothing stored.
    await app.openAction('close');
    await app.submit.click();
    await poll(() => app.dialogAlert.textContent()).toContain(kk('applicant_informed_required'));
    await screenshot(page, 'appeal-page-dialog-close-refused-kk');
    await app.dialog.getByRole('button', { name: 'Алдымен өтініш берушіге хабарлау' }).click();
    await poll(() => app.dialogTitle.textContent()).toBe('Өтініш берушіге хабарлау');
    // The applicant prefers the phone: preselected.
    expect(await app.control('via').inputValue()).toBe('phone');
    await app.control('informedAt').press('Enter');
    await app.dialogClosed();
    await poll(() => page.locator('[data-testid="inform-deadline"]').textContent()).toContain(
      'Телефон арқылы',
    );

    await app.openAction('close');
    await app.submit.click();
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Жабылды');
    expect(await app.actions()).toEqual(['reopen']);

    // Reopen needs a reason.
    await app.openAction('reopen');
    await app.submit.click();
    await poll(() => app.fieldError('reason').textContent()).toBe(kk('reopen_reason_required'));
    await app.control('reason').fill('Өтініш беруші жаңа мән-жайларды хабарлады');
    await app.control('reason').press('Control+Enter');
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Жұмыста');
    expect(await app.outcome.count()).toBe(0);

    // Decide again (the earlier summary is offered), inform, close again.
    await app.openAction('decide');
    expect(await app.control('outcomeSummary').inputValue()).toBe(SUMMARY);
    await app.control('outcome').selectOption('resolved');
    await app.submit.click();
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Шешім қабылданды');
    await app.openAction('informApplicant');
    await app.submit.click();
    await app.dialogClosed();
    await app.openAction('close');
    await app.submit.click();
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Жабылды');

    // A note, with Ctrl+Enter.
    await app.noteBox.fill('Өтініш берушіге алғыс хат жіберілді.');
    await app.noteBox.press('Control+Enter');
    await poll(() => app.timeline().first().textContent()).toContain(
      'Өтініш берушіге алғыс хат жіберілді.',
    );
    expect(await app.noteBox.inputValue()).toBe('');

    const titles = await app.timelineTitles();
    expect(titles.filter((t) => t === 'Мәртебесі өзгерді')).toHaveLength(8);
    expect(titles.filter((t) => t === 'Өтініш берушіге хабарланды')).toHaveLength(2);
    expect(titles).toContain('Қарау мерзімі ұзартылды');
    expect(titles.at(-1)).toBe('Өтініш тіркелді');
    expect(titles[0]).toBe('Ескертпе қосылды');
    const history = await page.locator('.appeal-page .timeline').textContent();
    expect(history).toContain('Айгерім Нұрланқызы');
    expect(history).toContain('Жұмыста');
    expect(history).toContain('Шешілмеу себебі: Бюджет қаражаты қажет');
    expect(history).toContain('Себебі: Өтініш беруші жаңа мән-жайларды хабарлады');
    expect(history).toContain(`${formatDay(DECIDE_BY)} → ${formatDay(VALID_EXTENSION)}`);

    await page.locator('#appeal-history-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'appeal-page-flow-history-kk');
    expect(errors).toEqual([]);
  });

  it('records first contact and the public summary with its report switch', async () => {
    const { page, errors, app } = await office();
    await app.open(baseUrl(), seeded.ids.registered);
    expect(await app.firstContact.locator('button').textContent()).toBe(
      'Байланыс болды — қазір белгілеу',
    );
    await app.firstContact.locator('button').click();
    await poll(() => app.firstContact.textContent()).toContain('Байланыс болды:');

    // The switch refuses to include an appeal with no summary.
    await app.inReportSwitch.click();
    await poll(() => page.locator('.public-summary-row ~ .notice.error').textContent()).toBe(
      'Есепке қосу үшін алдымен қысқаша сипаттаманы жазыңыз.',
    );
    expect(await app.inReportSwitch.isChecked()).toBe(false);
    await app.publicSummary('kk').fill('Кенесары көшесінде 12-үй, тел. 8 701 234 56 78');
    await expect
      .poll(() => page.locator('.personal-data-warnings').textContent())
      .toContain('(телефон нөмірі, үй немесе пәтер нөмірі)');
    // Typing clears the refusal.
    await expect.poll(() => page.locator('.public-summary-row ~ .notice.error').count()).toBe(0);
    // The Russian field left empty says its translation is missing.
    await expect
      .poll(() => page.locator('.bilingual-missing[data-missing-lang="ru"]').textContent())
      .toBe('Аудармасы жоқ: есепте бұл тілде көрсетілмейді');
    await app.publicSummary('kk').scrollIntoViewIfNeeded();
    await screenshot(page, 'appeal-page-public-summary-kk');
    await app.publicSummary('kk').fill('Кенесары көшесіндегі аулада жол жөнделді.');
    await expect.poll(() => page.locator('.personal-data-warnings').count()).toBe(0);
    // A phone number in the Russian text warns just the same.
    await app.publicSummary('ru').fill('Улица Кенесары, дом 12, тел. 8 701 234 56 78');
    await expect
      .poll(() => page.locator('.personal-data-warnings').textContent())
      .toContain('(телефон нөмірі, үй немесе пәтер нөмірі)');
    await app.publicSummary('ru').fill('Во дворе на улице Кенесары отремонтирована дорога.');
    await expect.poll(() => page.locator('.personal-data-warnings').count()).toBe(0);
    expect(await page.locator('.bilingual-missing').count()).toBe(0);
    await app.inReportSwitch.click();
    await poll(() => app.inReportSwitch.isChecked()).toBe(true);
    const history = await page.locator('.appeal-page .timeline').textContent();
    expect(history).toContain('Жария есепке арналған сипаттама');
    expect(history).toContain('Кенесары көшесіндегі аулада жол жөнделді.');
    expect(history).toContain('Во дворе на улице Кенесары отремонтирована дорога.');
    expect(history).toContain('Өтініш берушімен алғашқы байланыс');
    expect(errors).toEqual([]);
  });

  it('switching the language in an open dialog changes its labels and keeps what was typed', async () => {
    const { page, errors, app } = await office();
    await app.open(baseUrl(), seeded.ids.inProgress);
    await app.openAction('decide');
    expect(await app.dialogTitle.textContent()).toBe('Шешім қабылдау');
    await app.control('outcomeSummary').fill('Жарық шамдары ауыстырылды');
    await app.submit.click();
    await poll(() => app.fieldError('outcome').textContent()).toBe(kk('outcome_required'));
    await screenshot(page, 'appeal-page-dialog-language-kk');

    await app.dialogLanguage.selectOption('ru');
    await poll(() => app.dialogTitle.textContent()).toBe('Принять решение');
    expect(await app.dialog.locator('label', { hasText: 'Что и как сделано' }).count()).toBe(1);
    expect(await app.control('outcomeSummary').inputValue()).toBe('Жарық шамдары ауыстырылды');
    // The refusal follows the language too.
    expect(await app.fieldError('outcome').textContent()).toBe(
      messageFor('outcome_required', 'ru'),
    );
    expect(await app.submit.textContent()).toBe('Принять решение');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await screenshot(page, 'appeal-page-dialog-language-ru');

    await app.control('outcome').selectOption('explained');
    await app.submit.click();
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Решение принято');
    expect(await app.outcome.textContent()).toBe('Дано разъяснение');
    expect(errors).toEqual([]);
  });

  it('shows every dialog in Kazakh and Russian (screenshots)', async () => {
    const { page, errors, app, shell } = await office();
    const byStatus: [keyof Seeded['ids'], ActionType[]][] = [
      ['registered', ['start', 'decide']],
      ['waiting', ['agencyAnswered']],
      ['inProgress', ['awaitAgency']],
      ['decided', ['informApplicant', 'close']],
      ['closed', ['reopen']],
    ];
    for (const lang of ['kk', 'ru'] as const) {
      await app.open(baseUrl(), seeded.ids.registered);
      await shell.switchLanguage(lang);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `appeal-page-registered-${lang}`);
      for (const [key, actions] of byStatus) {
        await app.open(baseUrl(), seeded.ids[key]);
        for (const action of actions) {
          await app.openAction(action);
          if (action === 'decide') await app.control('outcome').selectOption('forwarded');
          await screenshot(page, `appeal-page-dialog-${action}-${lang}`);
          await page.keyboard.press('Escape');
          await app.dialogClosed();
        }
      }
      await app.open(baseUrl(), seeded.ids.registered);
      await app.extendButton.click();
      await app.dialog.waitFor();
      await screenshot(page, `appeal-page-dialog-extension-${lang}`);
      await page.keyboard.press('Escape');
      await app.dialogClosed();

      await app.open(baseUrl(), seeded.ids.closed);
      await screenshot(page, `appeal-page-closed-${lang}`);
      await page.locator('#appeal-history-title').scrollIntoViewIfNeeded();
      await screenshot(page, `appeal-page-closed-history-${lang}`);
    }
    // The Russian timeline spells out the field changes.
    const history = await page.locator('.appeal-page .timeline').textContent();
    expect(history).toContain(
      'Краткое содержание: Вывоз мусора во дворе → Вывоз мусора во дворе дома',
    );
    expect(history).toContain('Приоритет: Нет → Да');
    expect(history).toContain('Позвонили в ТОО «Таза қала»');
    expect(errors).toEqual([]);
  });

  it('the print buttons print the receipt route in the applicant’s language', async () => {
    const { page, errors, app } = await office(async (p) => {
      // Every frame records print() instead of opening the system dialog.
      await p.addInitScript(() => {
        window.print = () => {
          const top = window.top as (Window & { __printed?: string[] }) | null;
          if (top) top.__printed = [...(top.__printed ?? []), location.hash];
        };
      });
    });
    await app.open(baseUrl(), seeded.ids.registered, '?registered=1');
    await app.registeredBanner.locator('button[data-print="receipt"]').click();
    // The print frame boots the whole app before it prints: give it time on a busy machine.
    await poll(() => page.evaluate(() => (window as Window & { __printed?: string[] }).__printed), {
      timeout: 20_000,
    }).toEqual([`#/print/receipt/${seeded.ids.registered}?lang=ru`]);
    expect(await app.registeredBanner.locator('.print-done').textContent()).toBe('Құжат дайын.');
    await page.locator('.appeal-side button[data-pdf="card"]').click();
    await poll(
      () => page.evaluate(() => (window as Window & { __printed?: string[] }).__printed?.[1]),
      { timeout: 20_000 },
    ).toBe(`#/print/appeal/${seeded.ids.registered}?lang=kk`);
    expect(errors).toEqual([]);
  });

  describe('printouts', () => {
    const OUT = 'test-results/appeal-page';

    async function printRoute(route: string, name: string): Promise<string> {
      const { page, errors } = await openSeededApp(run.browser, seeded.dump, {
        contexts: run.contexts,
        route,
      });
      await page.waitForFunction(() => window.__tizilimPrintReady !== undefined);
      await page.evaluate(() => window.__tizilimPrintReady);
      mkdirSync(OUT, { recursive: true });
      const file = join(OUT, `${name}.pdf`);
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
      mkdirSync(SCREENSHOTS, { recursive: true });
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        file,
        join(SCREENSHOTS, `appeal-page-${name}`),
      ]);
      expect(errors).toEqual([]);
      return file;
    }

    const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const fonts = (file: string) => execFileSync('pdffonts', [file]).toString();
    const pages = (file: string) =>
      Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);

    it('the receipt, printed to PDF, has the number, the deputy and PT Sans embedded', async () => {
      const file = await printRoute(`/print/receipt/${seeded.ids.main}`, 'receipt-kk');
      const content = text(file);
      expect(content).toContain(seeded.regNo);
      expect(content).toContain(DEPUTY_KK);
      expect(content).toContain('ӨТІНІШТІ ҚАБЫЛДАУ ТУРАЛЫ ТАЛОН');
      expect(content).toContain('Ыстық су жоқ');
      expect(content).toContain('Айгерім Нұрланқызы');
      expect(content).toContain('№ 7 сайлау округі');
      expect(content).toContain('+7 7172 55 51 23');
      const fontList = fonts(file);
      expect(fontList).toMatch(/PTSans/);
      // Every font is embedded (the "emb" column), and there is no other family.
      for (const line of fontList.split('\n').slice(2).filter(Boolean)) {
        expect(line).toMatch(/PTSans/);
        expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
      }
      expect(pages(file)).toBe(1);
    });

    it('the receipt in Russian for a Russian-speaking applicant', async () => {
      const file = await printRoute(`/print/receipt/${seeded.ids.registered}`, 'receipt-ru');
      const content = text(file);
      expect(content).toContain(DEPUTY_RU);
      expect(content).toContain('ТАЛОН О ПРИНЯТИИ ОБРАЩЕНИЯ');
      expect(content).toContain('избирательный округ № 7');
      expect(content).toContain('Иванова Ольга Петровна');
      expect(content).toMatch(/до \d+ [а-я]+ \d{4} г\./);
    });

    it('the appeal card has every section and the whole history', async () => {
      const file = await printRoute(`/print/appeal/${seeded.ids.closed}?lang=ru`, 'card-ru');
      const content = text(file);
      expect(content).toContain('РЕГИСТРАЦИОННО-КОНТРОЛЬНАЯ КАРТОЧКА ОБРАЩЕНИЯ');
      expect(content).toMatch(/Мусор во дворе не вывозят/);
      expect(content).toContain('История обращения');
      expect(content).toContain('Продлён срок рассмотрения');
      expect(content).toContain('Заявитель уведомлён');
      expect(fonts(file)).toMatch(/PTSans/);
      const kkFile = await printRoute(`/print/appeal/${seeded.ids.main}`, 'card-kk');
      expect(text(kkFile)).toContain('ӨТІНІШТІҢ ТІРКЕУ-БАҚЫЛАУ КАРТОЧКАСЫ');
    });
  });
});
