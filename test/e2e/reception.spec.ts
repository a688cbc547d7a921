import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReception } from '@renderer/db/repositories';
import type { SettingsInput } from '@shared/domain';
import {
  baseUrl,
  collectPageErrors,
  killBrowser,
  launchBrowser,
  launchProfile,
  OFFICE_LAPTOP,
  screenshot,
  tempProfile,
} from './harness';
import { AppShell } from './pages/AppShell';
import { ReceptionPlanPage } from './pages/ReceptionPlanPage';
import { ReceptionRunPage } from './pages/ReceptionRunPage';
import { buildOffice, seedPage, type TableDump } from './seed';

/** Tuesday 24 November 2026, 10:00 in Astana: reception day. */
const RECEPTION_INSTANT = new Date('2026-11-24T05:00:00Z');
const RECEPTION_DAY = '2026-11-24';

/** Every Kazakh letter, line breaks, a double space and trailing spaces: kept exactly. */
const THIRD_TEXT =
  'Мен Қарағанды облысы, Теміртау қаласында тұрамын. Біздің үйдің жертөлесіне су толып, ' +
  'иіс шығады; үй басқармасына үш рет жүгіндім — нәтиже жоқ.\n' +
  'Әжеміз Ұлжан ауырып жүр, немерелері Өмір мен Үміт түнде ұйықтай алмайды.  ' +
  'Ғимарат 1968 жылы салынған, құбырлары шіріген. Һәм жылу да нашар: бөлмеде +14° ғана.\n' +
  'Сізден көмек сұраймын, қалалық тұрғын үй бөліміне хат жазып, тексеру ұйымдастырсаңыз екен. ';

const FIRST_TEXT =
  'Мүгедектер арбасымен емханаға кіру мүмкін емес: пандус тым тік, есік ауыр. Көмектесуіңізді сұраймын.';
const SECOND_TEXT =
  'Во дворе дома по улице Абая, 12 третью неделю не горят фонари, дети возвращаются из школы в темноте.';

const OFFICE_SETTINGS: Partial<SettingsInput> = {
  deputy: {
    fullName: { kk: 'Серікбаев Нұрлан Асқарұлы', ru: 'Серикбаев Нурлан Аскарович' },
    position: {
      kk: 'Теміртау қалалық мәслихатының депутаты',
      ru: 'Депутат Темиртауского городского маслихата',
    },
  },
  maslikhat: {
    level: 'city',
    name: { kk: 'Теміртау қалалық мәслихаты', ru: 'Темиртауский городской маслихат' },
  },
  okrugNumber: 7,
  receptionAddress: {
    kk: 'Теміртау, Республика даңғылы 7, 104-кабинет',
    ru: 'Темиртау, проспект Республики 7, кабинет 104',
  },
  contacts: {
    phone: '+77213441234',
    email: 'deputy7@temirtau-maslihat.kz',
    telegram: '@deputy7_temirtau',
    website: '',
    other: '',
  },
};

const PLAN = {
  date: RECEPTION_DAY,
  startTime: '10:00',
  endTime: '13:00',
  place: {
    kk: 'Теміртау, Республика даңғылы 7, мәслихат ғимараты, 1-қабат, 104-кабинет',
    ru: 'Темиртау, проспект Республики, 7, здание маслихата, 1-й этаж, кабинет 104',
  },
  format: 'in_person',
  accessibilityNotes: { kk: 'Пандус бар, бірінші қабат', ru: 'Есть пандус, первый этаж' },
} as const;

/** The office with nothing planned yet (the first test plans through the screens). */
async function emptyOffice(): Promise<TableDump> {
  return buildOffice(async () => undefined, { now: RECEPTION_INSTANT, settings: OFFICE_SETTINGS });
}

/** A planned reception for today in a fresh office. */
async function receptionOffice(): Promise<{ dump: TableDump; receptionId: string }> {
  let receptionId = '';
  const dump = await buildOffice(
    async ({ db, ctx }) => {
      receptionId = (await createReception(db, { ...PLAN, notes: '' }, ctx)).id;
    },
    { now: RECEPTION_INSTANT, settings: OFFICE_SETTINGS },
  );
  return { dump, receptionId };
}

async function openApp(page: Page, dump?: TableDump) {
  await page.clock.setFixedTime(RECEPTION_INSTANT);
  await page.goto(baseUrl());
  await page.waitForSelector('.gate, aside nav');
  if (dump) {
    await seedPage(page, dump);
    await page.reload();
  }
  await new AppShell(page).navigation.waitFor();
}

describe('reception mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs a reception: vulnerable first, two intakes registered, a killed browser loses no word', async () => {
    const profile = tempProfile();
    try {
      const first = await launchProfile(profile.dir);
      const errors = collectPageErrors(first.page);
      await openApp(first.page, await emptyOffice());

      // Plan it and announce it (the planning screens' own page model).
      const plan = new ReceptionPlanPage(first.page);
      const receptionId = await plan.planReception(PLAN);
      const announcement = await plan.generateAnnouncement('full');
      // Each announcement gives the place in its own language.
      expect(announcement.kk).toContain(`Өтетін орны: ${PLAN.place.kk}`);
      expect(announcement.ru).toContain(`Место: ${PLAN.place.ru}`);
      expect(announcement.ru).not.toContain('104-кабинет');

      const run = new ReceptionRunPage(first.page);
      await run.open(baseUrl(), receptionId);
      await screenshot(first.page, 'reception-run-kk-empty');

      await run.addVisitor('Асқаров Ерлан Болатұлы', '8 701 555 12 34');
      await run.addVisitor('Иванова Мария Петровна', '+7 777 123 45 67');
      await run.addVisitor('Омарова Күләш Сейітқызы', '', ['Мүгедектігі бар адам']);
      expect(await run.waitingOrder()).toEqual([
        'Омарова Күләш Сейітқызы',
        'Асқаров Ерлан Болатұлы',
        'Иванова Мария Петровна',
      ]);
      expect(
        await first.page.locator('.queue-list.waiting .visitor').first().textContent(),
      ).toContain('Басымдық: Мүгедектігі бар адам');
      await screenshot(first.page, 'reception-run-kk-queue');

      // The vulnerable visitor, added last, is called first.
      await first.page.keyboard.press('Alt+C');
      await run.waitForIntakeOf('Омарова Күләш');
      await run.text.pressSequentially(FIRST_TEXT);
      await run.field('Азаматтың депутаттан күтетіні').fill('Емхана басшылығына хат жазыңыз');
      await first.page.getByLabel('Депутаттық сауал').check();
      await run
        .field('Кездесудің нәтижесі: не келісілді')
        .fill('Денсаулық сақтау басқармасына сауал жіберіледі');
      await screenshot(first.page, 'reception-run-kk-intake');
      // No consent choice yet: refused at the choice, which takes the focus.
      await first.page.keyboard.press('Control+Enter');
      await first.page.locator('.consent-choice .field-error').waitFor();
      await screenshot(first.page, 'reception-run-kk-consent-required');
      await run.chooseConsent('given');
      const regNo1 = await run.finish();
      expect(regNo1).toMatch(/^2026-\d{4}$/);
      await screenshot(first.page, 'reception-run-kk-registered');

      // Step 6: the receipt with the number, as the print route renders it to PDF.
      const href = await run.done.getByRole('link').getAttribute('href');
      const appealId = href?.split('/').pop() ?? '';
      const print = await first.context.newPage();
      await print.goto(`${baseUrl()}#/print/receipt/${appealId}?lang=kk`);
      await print.waitForFunction(() => window.__tizilimPrintReady !== undefined);
      await print.evaluate(() => window.__tizilimPrintReady);
      mkdirSync('test-results', { recursive: true });
      await print.pdf({
        path: 'test-results/reception-receipt-kk.pdf',
        format: 'A4',
        printBackground: true,
      });
      await print.goto(`${baseUrl()}#/print/receipt/${appealId}?lang=ru`);
      await print.reload();
      await print.waitForFunction(() => window.__tizilimPrintReady !== undefined);
      await print.evaluate(() => window.__tizilimPrintReady);
      await print.pdf({
        path: 'test-results/reception-receipt-ru.pdf',
        format: 'A4',
        printBackground: true,
      });
      await print.close();
      const pdfText = execFileSync('pdftotext', ['test-results/reception-receipt-kk.pdf', '-'], {
        encoding: 'utf8',
      });
      expect(pdfText).toContain(regNo1);
      expect(pdfText).toContain('Омарова Күләш Сейітқызы');
      const fonts = execFileSync('pdffonts', ['test-results/reception-receipt-kk.pdf'], {
        encoding: 'utf8',
      });
      expect(
        fonts
          .split('\n')
          .slice(2)
          .filter((l) => l.trim() && !l.includes('PTSans')),
      ).toEqual([]);

      await first.page.keyboard.press('Alt+C');
      await run.waitForIntakeOf('Асқаров Ерлан');
      await run.text.fill(SECOND_TEXT);
      await first.page.getByLabel('Құзыретті органға жолдау').check();
      await run.chooseConsent('refused');
      await screenshot(first.page, 'reception-run-kk-consent-refused');
      const regNo2 = await run.finish();
      expect(regNo2).not.toBe(regNo1);

      await first.page.keyboard.press('Alt+C');
      await run.waitForIntakeOf('Иванова Мария');
      await run.text.pressSequentially(THIRD_TEXT);
      await run.waitForDraftChars(THIRD_TEXT.length);
      killBrowser(profile.dir);
      await first.context.close().catch(() => undefined);
      expect(errors).toEqual([]);

      const second = await launchProfile(profile.dir);
      const errorsAfter = collectPageErrors(second.page);
      await openApp(second.page);
      const again = new ReceptionRunPage(second.page);
      await again.open(baseUrl(), receptionId);
      await again.waitForIntakeOf('Иванова Мария');
      await again.text.waitFor();
      expect(await again.text.inputValue()).toBe(THIRD_TEXT);
      expect(await again.visitors.count()).toBe(3);
      await screenshot(second.page, 'reception-run-kk-restored');
      const shell = new AppShell(second.page);
      await shell.switchLanguage('ru');
      await second.page.getByText('Идёт приём граждан').waitFor();
      expect(await again.text.inputValue()).toBe(THIRD_TEXT);
      await screenshot(second.page, 'reception-run-ru-restored');
      await second.page.screenshot({
        path: 'test-results/screenshots/reception-run-ru-restored-full.png',
        fullPage: true,
      });
      await shell.switchLanguage('kk');

      await second.page.goto(`${baseUrl()}#/reception/${receptionId}/summary`);
      await second.page.locator('.reception-summary').waitFor();
      const stat = (id: string) =>
        second.page.getByTestId(id).locator('.summary-stat-value').textContent();
      expect(await stat('summary-visitors')).toBe('3');
      expect(await stat('summary-appeals')).toBe('2');
      expect(await stat('summary-waiting')).toBe('1');
      expect(await second.page.getByTestId('summary-promise').count()).toBe(2);
      await screenshot(second.page, 'reception-summary-kk');

      // Finish the third conversation, then the reception is held.
      await again.open(baseUrl(), receptionId);
      await again.text.waitFor();
      await again.chooseConsent('given');
      await again.finish();
      await second.page.goto(`${baseUrl()}#/reception/${receptionId}/summary`);
      await second.page.getByRole('button', { name: 'Қабылдау өткізілді деп белгілеу' }).click();
      await expect(
        second.page.getByTestId('reception-status').filter({ hasText: 'Өткізілді' }).textContent(),
      ).resolves.toBeTruthy();
      expect(await stat('summary-appeals')).toBe('3');
      expect(await stat('summary-waiting')).toBe('0');
      await shell.switchLanguage('ru');
      await second.page.getByText('Итоги приёма').waitFor();
      await screenshot(second.page, 'reception-summary-ru');

      // Each promise is on the Today view with its deadline, until it is kept.
      await second.page.goto(`${baseUrl()}#/today`);
      await second.page.getByTestId('today-promise').first().waitFor();
      const promises = await second.page.getByTestId('today-promise').allTextContents();
      expect(promises).toHaveLength(2);
      expect(promises.join('\n')).toContain(regNo1);
      expect(promises.join('\n')).toContain('Депутатский запрос');
      await screenshot(second.page, 'reception-today-ru');
      expect(errorsAfter).toEqual([]);
      await second.context.close();
    } finally {
      profile.remove();
    }
  });

  it('completes an intake with the keyboard alone', async () => {
    const { dump, receptionId } = await receptionOffice();
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openApp(page, dump);
    const run = new ReceptionRunPage(page);
    await run.open(baseUrl(), receptionId);
    const kb = page.keyboard;

    await kb.press('Alt+N');
    await kb.type('Жұмабаева Әлия');
    await kb.press('Tab');
    await kb.type('87015550000');
    await kb.press('Enter');
    await run.visitors.first().waitFor();
    await kb.press('Alt+C');
    await run.text.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('intake-text');
    await kb.type('Көшедегі шұңқырлар жөнделмейді, көлік жүре алмайды.');
    await kb.press('Tab');
    await kb.type('Әкімдікке хат жазыңыз');
    await kb.press('Tab');
    // The course of action is a radio group: arrows move and choose.
    await kb.press('Space');
    await kb.press('ArrowRight');
    await kb.press('Tab');
    await kb.type('Кездесу ұйымдастырылады');
    await kb.press('Control+Enter');
    // The consent choice is asked for and takes the focus: Space chooses «consent given».
    await page.locator('.consent-choice .field-error').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
      'intake-consent',
    );
    await kb.press('Space');
    await kb.press('Control+Enter');
    await run.done.waitFor();
    await expect.poll(() => page.getByTestId('intake-regno').textContent()).toMatch(/^2026-\d{4}$/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Талонды');
    await expect.poll(() => page.locator('.done-facts').textContent()).toContain('Кездесу');
    await screenshot(page, 'reception-run-kk-keyboard-done');
    await new AppShell(page).switchLanguage('ru');
    await page.getByText('Обращение зарегистрировано под номером').waitFor();
    await screenshot(page, 'reception-run-ru-keyboard-done');
    expect(errors).toEqual([]);
    await context.close();
  });
});
