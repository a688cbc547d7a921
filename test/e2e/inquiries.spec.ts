import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createKzCalendar, isWorkingDay } from '@shared/calendar';
import { formatDay as dayFromNumber, parseDay } from '@shared/calendar/dates';
import { toKzLocalDate } from '@shared/calendar/zone';
import { createAgency } from '@renderer/db/repositories';
import { baseUrl, SCREENSHOTS, screenshot } from './harness';
import { AppealPage } from './pages/AppealPage';
import { AppShell } from './pages/AppShell';
import { InquiryPage } from './pages/InquiryPage';
import {
  astanaOfficeSettings,
  GULNAR,
  HOT_WATER_COMPLAINT,
  officeWithAppeal,
  type OfficeWithAppeal,
} from './offices';
import { openSeededApp, useBrowser } from './seed';

const cal = createKzCalendar();
const TODAY = toKzLocalDate(new Date());
const shift = (day: string, days: number) => dayFromNumber(parseDay(day) + days);
let RECEIVED_DAY = shift(TODAY, -1);
while (!isWorkingDay(cal, RECEIVED_DAY)) RECEIVED_DAY = shift(RECEIVED_DAY, -1);
const YEAR = TODAY.slice(0, 4);

const DEPUTY_KK = 'Серік Болатұлы Ахметов';
const OFFICE_SETTINGS = astanaOfficeSettings({ deputyKk: DEPUTY_KK });

const QUESTIONS =
  'Ыстық су қашан қалпына келтіріледі?\nАпат себебі анықталды ма?\nҚайта-қайта болмау үшін қандай шаралар қабылданады?';
const OUT = 'test-results/inquiries';

type Seeded = OfficeWithAppeal;

function seedOffice(): Promise<Seeded> {
  return officeWithAppeal(
    { ...GULNAR, preferredChannel: 'phone' },
    {
      ...HOT_WATER_COMPLAINT,
      receivedAt: `${RECEIVED_DAY}T10:00`,
      subject: 'Абай көшесі 12-үйде ыстық су жоқ',
      text: 'Абай көшесі 12-үйде екі аптадан бері ыстық су жоқ. Пәтер иелері кооперативіне жүгіндік, жауап болмады.',
      expectation: 'Жылу желілеріне депутаттық сауал жіберуді сұраймын',
      proposedAction: 'inquiry',
    },
    {
      settings: OFFICE_SETTINGS,
      // Another addressee already in the directory; the one written to is added on the spot.
      more: async ({ db, ctx }) => {
        await createAgency(
          db,
          {
            name: {
              kk: 'Астана қаласының Энергетика басқармасы',
              ru: 'Управление энергетики города Астаны',
            },
            kind: 'akimat_department',
            headName: 'Қасымов Арман Қайратұлы',
            headPosition: { kk: 'Басшысы', ru: 'Руководитель' },
            phone: '8 (7172) 55-66-77',
          },
          ctx,
        );
      },
    },
  );
}

const poll = <T>(fn: () => Promise<T> | T, options: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 10_000, ...options });

describe('deputy inquiries', () => {
  const run = useBrowser();
  let seeded: Seeded;

  beforeAll(async () => {
    seeded = await seedOffice();
    mkdirSync(OUT, { recursive: true });
  });

  async function office(): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
    return openSeededApp(run.browser, seeded.dump, {
      contexts: run.contexts,
      acceptDownloads: true,
    });
  }

  /** The inq-letter printed to PDF from its print route, as Electron does. */
  async function printInquiry(context: BrowserContext, id: string, name: string) {
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/print/inquiry/${id}`);
    await page.waitForFunction(() => window.__tizilimPrintReady !== undefined);
    await page.evaluate(() => window.__tizilimPrintReady);
    const file = join(OUT, `${name}.pdf`);
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SCREENSHOTS, `inquiry-${name}`)]);
    await page.close();
    return {
      text: execFileSync('pdftotext', ['-layout', file, '-']).toString(),
      fonts: execFileSync('pdffonts', [file]).toString(),
    };
  }

  it('goes from an appeal to an inquiry, an incomplete answer, a repeat, a full answer and a closed appeal', async () => {
    const { page, errors, context } = await office();
    const app = new AppealPage(page);
    const inq = new InquiryPage(page);
    mkdirSync(SCREENSHOTS, { recursive: true });

    // From the appeal: "Write an inquiry".
    await app.open(baseUrl(), seeded.appealId);
    await page.locator('.appeal-inquiries').getByRole('link', { name: 'Сауал жазу' }).click();
    await inq.heading.filter({ hasText: 'Жаңа депутаттық сауал' }).waitFor();
    // Filled from the appeal once it is read.
    await poll(() => inq.field('Тақырыбы').inputValue()).toBe('Абай көшесі 12-үйде ыстық су жоқ');
    await poll(() => inq.extra('problem').inputValue()).toContain('екі аптадан бері ыстық су жоқ');
    await poll(() => page.locator('.linked-appeals').textContent()).toContain(seeded.regNo);

    // The addressee is not in the directory yet: add it without leaving the page.
    await inq.button('+ Жаңа мекеме').click();
    await inq.dialog.waitFor();
    await inq.dialogField('Атауы (қазақша)').fill('«Астана-Жылу желілері» АҚ');
    await inq.dialogField('Атауы (орысша)').fill('АО «Астана-Тепловые сети»');
    await inq.dialogField('Басшының лауазымы (қазақша)').fill('Басқарма төрағасы');
    await inq.dialogField('Басшының аты-жөні').fill('Сейітов Бауыржан Ерланұлы');
    await screenshot(page, 'inquiry-add-agency-kk');
    await inq.dialogButton('Сақтау').click();
    await inq.dialogClosed();
    await poll(() => inq.field('Хат алушы').inputValue()).toBe(
      '«Астана-Жылу желілері» АҚ\nБасқарма төрағасы\nСейітов Бауыржан Ерланұлы',
    );
    // Until the questions are typed, the inq-letter says what it still needs.
    await poll(() => page.locator('.inq-letter-preview .notice.warning').textContent()).toContain(
      'Сұрақтар',
    );
    await inq.extra('questions').fill(QUESTIONS);
    await inq.letter.waitFor();
    await poll(() => inq.letter.textContent()).toContain('ДЕПУТАТТЫҚ САУАЛ');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/inquiries\/[0-9a-f-]{36}$/);
    const inquiryId = /inquiries\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await inq.heading.filter({ hasText: 'Сауал жобасы' }).waitFor();
    await screenshot(page, 'inquiry-draft-kk');

    // Word: a valid OOXML package whose text has the letter.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      inq.button('Word (.docx)').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Депутаттық сауал жоба\.docx$/);
    const docxPath = join(OUT, 'inquiry-draft.docx');
    await download.saveAs(docxPath);
    const files = unzipSync(new Uint8Array(readFileSync(docxPath)));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']),
    );
    const xml = strFromU8(files['word/document.xml']!);
    const docText = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      'ДЕПУТАТТЫҚ САУАЛ',
      'Абай көшесі 12-үйде ыстық су жоқ',
      '«Астана-Жылу желілері» АҚ',
      '1. Ыстық су қашан қалпына келтіріледі?',
      '3. Қайта-қайта болмау үшін қандай шаралар қабылданады?',
      seeded.regNo,
      DEPUTY_KK,
    ]) {
      expect(docText).toContain(expected);
    }

    // PDF of the draft from the print route: the inq-letter in PT Sans only.
    const draftPdf = await printInquiry(context, inquiryId, 'draft-kk');
    expect(draftPdf.text).toContain('ДЕПУТАТТЫҚ САУАЛ');
    expect(draftPdf.text).toContain('Ыстық су қашан қалпына келтіріледі?');
    const fontLines = draftPdf.fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(fontLines.length).toBeGreaterThan(0);
    for (const line of fontLines) expect(line).toMatch(/PTSans/);

    // Mark it sent: numbered, due in working days, and the appeal waits for the agency.
    await inq.button('Жіберілді деп белгілеу…').click();
    await inq.dialog.waitFor();
    expect(await inq.dialog.textContent()).toContain('мекеменің жауабын күтеді');
    await screenshot(page, 'inquiry-send-dialog-kk');
    await inq.dialogButton('Жіберілді деп белгілеу').click();
    await inq.dialogClosed();
    await poll(() => inq.heading.textContent()).toBe(`№ 1/${YEAR} депутаттық сауал`);
    await poll(() => inq.status.textContent()).toBe('Жіберілді');
    await poll(() => inq.letter.textContent()).toContain(`№ 1/${YEAR}`);
    await screenshot(page, 'inquiry-sent-kk');
    const sentPdf = await printInquiry(context, inquiryId, 'sent-kk');
    expect(sentPdf.text).toContain(`№ 1/${YEAR}`);

    await app.open(baseUrl(), seeded.appealId);
    await poll(() => app.status.textContent()).toBe('Органның жауабын күтуде');
    // The appeal's inquiries are a live query of their own: they may come after the status.
    await poll(() => page.locator('.appeal-inquiries').textContent()).toContain(`№ 1/${YEAR}`);
    await screenshot(page, 'inquiry-appeal-section-kk');

    // An answer without part 4 (further actions): flagged.
    await page
      .locator('.appeal-inquiries')
      .getByRole('link', { name: new RegExp(`№ 1/${YEAR}`) })
      .click();
    await inq.button('Жауапты тіркеу').click();
    await inq.dialog.waitFor();
    await inq.dialogField('Жауап хаттың нөмірі').fill('03-12/4455');
    await inq
      .dialogField('Жауаптың қысқаша мазмұны')
      .fill('Құбыр ауыстырылды, ыстық су берілді. Алдағы жұмыстар туралы ештеңе айтылмаған.');
    for (const part of ['reference', 'receipt', 'answer', 'conclusion']) {
      await inq.dialog.locator(`input[name="${part}"]`).check();
    }
    await poll(() => inq.dialog.locator('.notice.warning').textContent()).toContain('1 бөлім жоқ');
    await screenshot(page, 'inquiry-response-dialog-kk');
    await inq.dialogButton('Жауапты тіркеу').click();
    await inq.dialogClosed();
    await poll(() => inq.status.textContent()).toBe('Жауап алынды');
    await inq.answerCard.locator('.incomplete-flag').waitFor();
    expect(await inq.answerCard.locator('li.missing').textContent()).toContain(
      'Алдағы әрекеттер туралы түсіндірме',
    );
    await screenshot(page, 'inquiry-answered-incomplete-kk');

    // A repeat inquiry from its template, naming the missing part; sent as № 2.
    await inq.button('Қайта сауал жазу').click();
    await inq.heading.filter({ hasText: 'Қайта сауал жобасы' }).waitFor();
    expect(await inq.extra('questions').inputValue()).toBe(QUESTIONS);
    await inq.letter.waitFor();
    const repeatText = (await inq.letter.textContent()) ?? '';
    expect(repeatText).toContain('ҚАЙТАЛАМА ДЕПУТАТТЫҚ САУАЛ');
    expect(repeatText).toContain(`№ 1/${YEAR}`);
    expect(repeatText).toContain('Алдағы әрекеттер');
    await screenshot(page, 'inquiry-repeat-draft-kk');
    await inq.button('Жіберілді деп белгілеу…').click();
    await inq.dialog.waitFor();
    // Keyboard: Enter in the date sends.
    await inq.dialogField('Хаттың шығыс күні').press('Enter');
    await inq.dialogClosed();
    await poll(() => inq.heading.textContent()).toBe(`№ 2/${YEAR} депутаттық сауал`);

    await app.open(baseUrl(), seeded.appealId);
    await poll(() => app.status.textContent()).toBe('Органның жауабын күтуде');

    // The complete answer to the repeat: all five parts; the appeal is back in work.
    await page
      .locator('.appeal-inquiries')
      .getByRole('link', { name: new RegExp(`№ 2/${YEAR}`) })
      .click();
    await inq.button('Жауапты тіркеу').click();
    await inq.dialog.waitFor();
    await inq
      .dialogField('Жауаптың қысқаша мазмұны')
      .fill('Желтоқсан айында үйдің ішкі желісі толық ауыстырылады; жауапты: Н. Омаров, 55-44-33.');
    for (const part of ['reference', 'receipt', 'answer', 'furtherActions', 'conclusion']) {
      await inq.dialog.locator(`input[name="${part}"]`).check();
    }
    await poll(() => inq.dialog.textContent()).toContain('Жауапта бес бөлімнің бәрі бар.');
    // Keyboard: Ctrl+Enter records the answer.
    await inq.dialogField('Жауаптың қысқаша мазмұны').press('Control+Enter');
    await inq.dialogClosed();
    await poll(() => inq.status.textContent()).toBe('Жауап алынды');
    expect(await inq.answerCard.locator('.incomplete-flag').count()).toBe(0);
    await inq.button('Сауалды жабу').click();
    await inq.dialog.waitFor();
    await inq.dialogButton('Жабу').click();
    await inq.dialogClosed();
    await poll(() => inq.status.textContent()).toBe('Жабылды');

    await app.open(baseUrl(), seeded.appealId);
    await poll(() => app.status.textContent()).toBe('Жұмыста');

    // Decide, reply to the applicant from the five-part template, inform and close.
    await app.openAction('decide');
    await app.control('outcome').selectOption('resolved');
    await app
      .control('outcomeSummary')
      .fill(
        'Жылу желілері құбырды ауыстырды, ыстық су берілді; желтоқсанда ішкі желі ауыстырылады.',
      );
    await app.submit.click();
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Шешім қабылданды');
    await replyToApplicant(page, seeded.regNo);
    await app.openAction('informApplicant');
    await app.submit.click();
    await app.dialogClosed();
    await app.openAction('close');
    await app.submit.click();
    await app.dialogClosed();
    await poll(() => app.status.textContent()).toBe('Жабылды');
    const titles = await app.timelineTitles();
    expect(titles.filter((t) => t === 'Депутаттық сауал жіберілді').length).toBe(2);
    expect(titles.filter((t) => t === 'Органнан жауап келді').length).toBe(2);

    // The lists: the overdue view (from the Today page) and the agency's record.
    await page.goto(`${baseUrl()}#/inquiries?view=overdue`);
    await page.locator('.inquiry-view.active').filter({ hasText: 'Мерзімі өткен' }).waitFor();
    await page.locator('.empty-state').waitFor();
    await page.goto(`${baseUrl()}#/inquiries`);
    await page.locator('.inquiry-table tbody tr').nth(1).waitFor();
    await screenshot(page, 'inquiry-list-kk');
    await page.goto(`${baseUrl()}#/agencies`);
    await page.locator('.agency-table tbody tr').nth(1).waitFor();
    await screenshot(page, 'inquiry-agencies-kk');
    await page.getByRole('link', { name: '«Астана-Жылу желілері» АҚ' }).click();
    await page.locator('.record-stats').waitFor();
    const stats = await page.locator('.record-stats li').allTextContents();
    expect(stats[0]).toMatch(/^2/);
    expect(stats[3]).toMatch(/^1/);
    await screenshot(page, 'inquiry-agency-kk');

    // The same screens in Russian.
    await new AppShell(page).switchLanguage('ru');
    await page.getByRole('heading', { name: 'АО «Астана-Тепловые сети»' }).waitFor();
    await screenshot(page, 'inquiry-agency-ru');
    for (const [route, name, ready] of [
      ['/inquiries', 'inquiry-list-ru', '.inquiry-table'],
      ['/agencies', 'inquiry-agencies-ru', '.agency-table'],
      [`/inquiries/${inquiryId}`, 'inquiry-answered-incomplete-ru', '.answer-card'],
      [`/appeals/${seeded.appealId}`, 'inquiry-appeal-section-ru', '.appeal-inquiries li'],
      [`/inquiries/new?appeals=${seeded.appealId}`, 'inquiry-new-ru', '.inquiry-form'],
    ] as const) {
      await page.goto(`${baseUrl()}#${route}`);
      await page.locator(ready).first().waitFor();
      await screenshot(page, name);
    }
    expect(await page.locator('main h1').textContent()).toBe('Новый депутатский запрос');
    // A Russian letter: the addressee comes from the directory in Russian.
    await inq.field('Организация').selectOption({ label: 'АО «Астана-Тепловые сети»' });
    await inq.extra('questions').fill('Когда будет восстановлена подача горячей воды?');
    await inq.letter.waitFor();
    const ruLetter = (await inq.letter.textContent()) ?? '';
    expect(ruLetter).toContain('ДЕПУТАТСКИЙ ЗАПРОС');
    expect(ruLetter).toContain('АО «Астана-Тепловые сети»');
    expect(ruLetter).toContain('1. Когда будет восстановлена подача горячей воды?');
    await screenshot(page, 'inquiry-new-letter-ru');
    expect(errors).toEqual([]);
  });
});

/**
 * The reply to the applicant in five parts, from the appeal page's Letters card (the
 * templates feature's composer): the answer comes from the decision, further actions are
 * typed, and the Word file has all five parts.
 */
async function replyToApplicant(page: Page, regNo: string): Promise<void> {
  await page.locator('button[data-letter="reply"]').click();
  const dialog = page.locator('dialog[open]');
  await dialog.locator('.composer').waitFor();
  expect(await dialog.locator('[data-extra="answer"]').inputValue()).toContain(
    'Жылу желілері құбырды ауыстырды',
  );
  await dialog
    .locator('[data-extra="furtherActions"]')
    .fill('Желтоқсан айында үйдің ішкі желісі толық ауыстырылады.');
  await poll(() => dialog.locator('textarea[data-section="reference"]').inputValue()).toContain(
    `№ ${regNo}`,
  );
  await screenshot(page, 'inquiry-reply-to-applicant-kk');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Word (.docx) сақтау' }).click(),
  ]);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const text = strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, '');
  for (const part of [
    `№ ${regNo}`,
    'қаралды',
    'Жылу желілері құбырды ауыстырды',
    'Желтоқсан айында үйдің ішкі желісі толық ауыстырылады.',
    'Байланыс тұлғасы',
  ]) {
    expect(text).toContain(part);
  }
  await dialog.getByRole('button', { name: 'Жабу' }).click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
}
