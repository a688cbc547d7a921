import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, createKzCalendar, isWorkingDay } from '@shared/calendar';
import { formatDay as dayFromNumber, parseDay } from '@shared/calendar/dates';
import { toKzLocalDate } from '@shared/calendar/zone';
import type { AppealInput, Applicant, BilingualText, Settings } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { buildQuarterlyReport } from '@shared/report';
import type { QuarterlyReport, ReportInput } from '@shared/report/types';
import {
  addVisitor,
  createAppeal,
  createApplicant,
  createInitiative,
  createPlanItem,
  createReception,
  markReceptionHeld,
} from '@renderer/db/repositories';
import { launchBrowser, SCREENSHOTS, screenshot } from './harness';
import { astanaOfficeSettings } from './offices';
import { buildOffice, openSeededApp, type TableDump } from './seed';

/**
 * The quarterly report end to end: an office with appeals over two quarters, written by the
 * real repositories; the report screen (blocked by a phone number in a public summary, fixed
 * on the appeal page, unblocked); the .xlsx download; and the print route rendered to PDF in
 * Chromium for kk, ru and both — read back with pdftotext/pdffonts and rendered to PNG pages
 * for a human to look at (test-results/screenshots/report-pdf-*).
 */
const cal = createKzCalendar();
const TODAY = toKzLocalDate(new Date());
const QUARTER = '2026-Q3';
const OUT = 'test-results/report';

const PEOPLE = [
  { fullName: 'Сейітқали Гүлнар Маратқызы', phones: ['87012345678'] },
  { fullName: 'Иванова Ольга Петровна', phones: ['+7 777 123 45 67'] },
  { fullName: 'Жақсыбеков Нұрлан Серікұлы', phones: ['8 705 987 65 43'] },
];
/** How the phones could appear in a PDF if anything leaked. */
const PHONE_TRACES = ['701 234', '7012345678', '777 123', '7771234567', '705 987', '7059876543'];
/** Public summaries are kept in both languages (`{ kk, ru }`), each report prints its own. */
const LEAKING_SUMMARY: BilingualText = {
  kk: 'Аулаға 14 шам орнатылды. Сұрақтар бойынша: 8 701 234 56 78.',
  ru: 'Во дворе установлены 14 фонарей. По вопросам: 8 701 234 56 78.',
};
const FIXED_SUMMARY: BilingualText = {
  kk: 'Бейбітшілік көшесіндегі аулаға 14 шам орнатылды, кешкі жарық қалпына келтірілді.',
  ru: 'Во дворе на улице Бейбитшилик установлены 14 фонарей, вечернее освещение восстановлено.',
};

const OFFICE_SETTINGS = astanaOfficeSettings({
  contacts: { website: 'maslihat-astana.kz/deputy7' },
});

const shift = (day: string, days: number) => dayFromNumber(parseDay(day) + days);

/** The n-th working day of a month ('2026-07'), so appeals are registered on the day received. */
function workingDay(month: string, n: number): string {
  let day = `${month}-01`;
  let count = isWorkingDay(cal, day) ? 1 : 0;
  while (count < n) {
    day = shift(day, 1);
    if (isWorkingDay(cal, day)) count += 1;
  }
  return day;
}

const TOPICS = [
  'housing',
  'housing',
  'roads_transport',
  'improvement',
  'housing',
  'water',
  'roads_transport',
  'social_support',
  'improvement',
  'heating_gas',
  'housing',
  'ecology_waste',
] as const;
const CHANNELS = ['reception', 'telegram', 'eotinish', 'letter', 'whatsapp', 'phone'] as const;
const KINDS = [
  'complaint',
  'application',
  'application',
  'proposal',
  'information_request',
] as const;
const STREETS = [
  { district: 'Сарыарқа', street: 'Бейбітшілік көшесі' },
  { district: 'Сарыарқа', street: 'Абай даңғылы' },
  { district: 'Алматы', street: 'Кенесары көшесі' },
  { district: 'Байқоңыр', street: 'Жұбанов көшесі' },
];
/**
 * The office prints its report in Kazakh, but one summary's Kazakh field holds the Russian
 * text (copied into both fields instead of translated): a warning, not a refusal.
 */
const RUSSIAN_SUMMARY = 'Во дворе на улице Жубанова установлена детская площадка.';
const RESOLVED_SUMMARIES: BilingualText[] = [
  {
    kk: 'Бейбітшілік көшесіндегі аулада жол жөнделді.',
    ru: 'Во дворе на улице Бейбитшилик отремонтирована дорога.',
  },
  {
    kk: 'Абай даңғылындағы үйдің жертөлесінен су сорылып, құбыр ауыстырылды.',
    ru: 'Из подвала дома на проспекте Абая откачана вода, труба заменена.',
  },
  {
    kk: 'Кенесары көшесінде қоқыс шығару кестесі қалпына келтірілді.',
    ru: 'На улице Кенесары восстановлен график вывоза мусора.',
  },
  { kk: RUSSIAN_SUMMARY, ru: RUSSIAN_SUMMARY },
  {
    kk: 'Аялдамаға жаңа күту павильоны орнатылды.',
    ru: 'На остановке установлен новый павильон ожидания.',
  },
];
const OPEN_SUMMARIES: BilingualText[] = [
  {
    kk: 'Жұбанов көшесіндегі жаяу жүргіншілер өтпесін жарықтандыру 2027 жылғы бюджетке ұсынылды.',
    ru: 'Освещение пешеходного перехода на улице Жубанова предложено включить в бюджет 2027 года.',
  },
];

interface Seeded {
  /** The office as seeded: one public summary gives a phone number away. */
  dump: TableDump;
  /** The same office after that summary was fixed (what the appeal page writes). */
  fixed: TableDump;
  leakingId: string;
  leakingRegNo: string;
  /** The appeal whose public summary is in Russian. */
  russianId: string;
  russianRegNo: string;
}

async function seedOffice(): Promise<Seeded> {
  let leakingId = '';
  let leakingRegNo = '';
  let russianId = '';
  let russianRegNo = '';
  const dump = await buildOffice(
    async ({ db, ctx }) => {
      const people: Applicant[] = [];
      for (const person of PEOPLE) {
        people.push(
          await createApplicant(
            db,
            {
              consent: { given: true, date: '2026-11-20', form: 'written' },
              ...person,
              preferredLanguage: 'kk',
              preferredChannel: 'phone',
            },
            ctx,
          ),
        );
      }
      const appeal = (day: string, i: number, over: Partial<AppealInput> = {}) => {
        const place = STREETS[i % STREETS.length]!;
        return createAppeal(
          db,
          {
            receivedAt: `${day}T${String(9 + (i % 8)).padStart(2, '0')}:15`,
            channel: CHANNELS[i % CHANNELS.length]!,
            kind: KINDS[i % KINDS.length]!,
            applicantId: i % 5 === 4 ? null : people[i % people.length]!.id,
            subject: 'Аулада жарық жоқ',
            text: `${people[i % people.length]!.fullName}: кешке аула қараңғы, шамдар жанбайды.`,
            topic: TOPICS[i % TOPICS.length]!,
            location: { locality: 'Астана', ...place, building: String(10 + i) },
            firstContactAt: `${day}T17:00`,
            ...over,
          },
          ctx,
        );
      };
      const decide = (day: string, i: number): Partial<AppealInput> => {
        const outcomes = [
          'resolved',
          'resolved',
          'partially_resolved',
          'explained',
          'resolved',
          'forwarded',
          'not_resolved',
        ] as const;
        const outcome = outcomes[i % outcomes.length]!;
        return {
          status: 'decided',
          outcome,
          notResolvedReason: outcome === 'not_resolved' ? 'needs_budget' : null,
          forwardedTo: outcome === 'forwarded' ? 'Астана қаласының Тұрғын үй инспекциясы' : null,
          decidedOn: addWorkingDays(cal, day, 4 + (i % 9)),
        };
      };

      // The previous quarter: 14 appeals, all decided.
      for (let i = 0; i < 14; i++) {
        const day = workingDay(['2026-04', '2026-05', '2026-06'][i % 3]!, 2 + i);
        await appeal(day, i, decide(day, i));
      }
      // The quarter: 12 in July, 15 in August, 10 in September.
      let i = 0;
      for (const [month, count] of [
        ['2026-07', 12],
        ['2026-08', 15],
        ['2026-09', 10],
      ] as const) {
        for (let k = 0; k < count; k++, i++) {
          const day = workingDay(month, 1 + k);
          const open = month === '2026-09' && k >= 6;
          const over: Partial<AppealInput> = open ? {} : decide(day, i);
          if (i === 3) over.collective = true;
          if (i === 3) over.signatories = 46;
          if (i % 6 === 0 && !open) {
            over.publicSummary = RESOLVED_SUMMARIES[(i / 6) % RESOLVED_SUMMARIES.length]!;
            over.inReport = true;
          }
          if (open && k === 6) {
            over.publicSummary = OPEN_SUMMARIES[0]!;
            over.inReport = true;
          }
          const saved = await appeal(day, i, over);
          if (over.publicSummary === RESOLVED_SUMMARIES[3]) {
            russianId = saved.id;
            russianRegNo = saved.regNo;
          }
          if (i === 13) {
            // A public summary that gives a phone number away: it must block the report.
            const leaking = await createAppeal(
              db,
              {
                receivedAt: `${day}T11:00`,
                channel: 'reception',
                kind: 'complaint',
                applicantId: people[0]!.id,
                subject: 'Аулада шам жоқ',
                text: 'Бейбітшілік көшесіндегі аула қараңғы.',
                topic: 'improvement',
                location: { locality: 'Астана', ...STREETS[0]!, building: '7' },
                status: 'decided',
                outcome: 'resolved',
                decidedOn: addWorkingDays(cal, day, 5),
                publicSummary: LEAKING_SUMMARY,
                inReport: true,
              },
              ctx,
            );
            leakingId = leaking.id;
            leakingRegNo = leaking.regNo;
          }
        }
      }

      // Receptions: July and August held, with visitors; none in September.
      for (const [date, visitors] of [
        ['2026-07-10', 3],
        ['2026-08-14', 2],
      ] as const) {
        const reception = await createReception(
          db,
          {
            date,
            startTime: '10:00',
            endTime: '13:00',
            place: { kk: 'Бейбітшілік көшесі, 11', ru: 'улица Бейбитшилик, 11' },
          },
          ctx,
        );
        for (let v = 0; v < visitors; v++) {
          await addVisitor(db, reception.id, { name: PEOPLE[v % PEOPLE.length]!.fullName }, ctx);
        }
        await markReceptionHeld(db, reception.id, ctx);
      }

      await createInitiative(
        db,
        {
          title: {
            kk: 'Сарыарқа ауданындағы аулаларды жарықтандыру бағдарламасы',
            ru: 'Программа освещения дворов Сарыаркинского района',
          },
          target: 'akimat',
          submittedOn: '2026-08-20',
          status: 'submitted',
          result: {
            kk: 'Әкімдік 2027 жылғы жоспарға енгізуге келісті.',
            ru: 'Акимат согласился включить её в план на 2027 год.',
          },
          topic: 'improvement',
        },
        ctx,
      );
      await createInitiative(
        db,
        {
          title: {
            kk: 'Жылу желілерін жөндеуге бюджеттен қаражат бөлу туралы ұсыныс',
            ru: 'Предложение о выделении бюджетных средств на ремонт тепловых сетей',
          },
          target: 'session',
          submittedOn: '2026-09-15',
          status: 'under_consideration',
          topic: 'heating_gas',
        },
        ctx,
      );
      // Each plan item in both languages: the Russian report prints the Russian text.
      for (const [title, actions] of [
        [
          { kk: 'Жылу маусымына дайындық', ru: 'Подготовка к отопительному сезону' },
          {
            kk: 'Жылу желілерін аралау\nТұрғындармен кездесу өткізу',
            ru: 'Обход тепловых сетей\nВстреча с жителями',
          },
        ],
        [
          { kk: 'Аулаларды жарықтандыру', ru: 'Освещение дворов' },
          {
            kk: 'Әкімдікке депутаттық сауал жіберу',
            ru: 'Направить депутатский запрос в акимат',
          },
        ],
        [
          { kk: 'Айына кемінде бір қабылдау', ru: 'Не реже одного приёма в месяц' },
          {
            kk: 'Қабылдау кестесін Telegram арнасында жариялау',
            ru: 'Публиковать график приёма в Telegram-канале',
          },
        ],
      ] as const) {
        await createPlanItem(db, { year: 2026, quarter: 4, title, actions }, ctx);
      }
    },
    { settings: OFFICE_SETTINGS },
  );
  const fixed: TableDump = {
    ...dump,
    appeals: (dump.appeals as { id: string }[]).map((a) =>
      a.id === leakingId ? { ...a, publicSummary: FIXED_SUMMARY } : a,
    ),
  };
  return { dump, fixed, leakingId, leakingRegNo, russianId, russianRegNo };
}

/** The report model built in Node from the same records the browser holds. */
function modelOf(dump: TableDump, lang: Lang): QuarterlyReport {
  const settings = (dump.settings as Settings[])[0]!;
  const input = {
    appeals: dump.appeals,
    applicants: dump.applicants,
    receptions: dump.receptions,
    inquiries: dump.inquiries,
    initiatives: dump.initiatives,
    planItems: dump.planItems,
    settings,
  } as unknown as ReportInput;
  return buildQuarterlyReport(input, QUARTER, { lang, today: TODAY });
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();
const pdfFonts = (file: string) => execFileSync('pdffonts', [file]).toString();
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
/** pdftotext writes the no-break space as is; compare with plain spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('quarterly public report', { timeout: 180_000 }, () => {
  let browser: Browser;
  let seeded: Seeded;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, seeded] = await Promise.all([launchBrowser(), seedOffice()]);
  });
  // Each test's browser context is closed after it, so earlier pages (live queries still
  // running) do not compete with the next test for the two shared cores.
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser.close();
  });

  /**
   * The app, seeded, loaded straight at `route`. Changing the hash while the freshly loaded
   * app still redirects its start page to the registry lost the route on a loaded machine.
   */
  async function openApp(
    lang: Lang,
    route: string,
    dump: TableDump = seeded.fixed,
  ): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openSeededApp(browser, dump, {
      contexts,
      acceptDownloads: true,
      beforeSeed: (p) => p.evaluate((l) => localStorage.setItem('tizilim.lang', l), lang),
      route,
    });
    return { page, errors };
  }

  it('blocks on a phone number in a public summary, links to the appeal, and unblocks once fixed', async () => {
    const { page, errors } = await openApp(
      'kk',
      `/reports?quarter=${QUARTER}&lang=kk`,
      seeded.dump,
    );
    const blocked = page.locator('.report-blocked');
    await blocked.waitFor({ timeout: 90_000 });
    expect(await blocked.locator('h2').textContent()).toBe(
      'Есепті жариялауға болмайды: жеке деректерге ұқсас мәтін табылды',
    );
    expect(await page.locator('button[data-export="pdf"]').isDisabled()).toBe(true);
    expect(await page.locator('button[data-export="xlsx"]').isDisabled()).toBe(true);
    await page.locator('.report-doc').first().waitFor();
    await screenshot(page, 'report-blocked-kk');

    await blocked.getByRole('link', { name: `Өтініш ${seeded.leakingRegNo}` }).click();
    await page.waitForURL(new RegExp(`#/appeals/${seeded.leakingId}$`));
    await page.locator('textarea[name="publicSummary.kk"]').fill(FIXED_SUMMARY.kk);
    await page.locator('textarea[name="publicSummary.ru"]').fill(FIXED_SUMMARY.ru);
    await page.locator('.public-summary-row button[type="submit"]').click();
    await page.locator('.public-summary-row .saved-flag').waitFor();

    await page.goBack();
    await page.waitForURL(/#\/reports/);
    await page.locator('button[data-export="pdf"]:not([disabled])').waitFor({ timeout: 90_000 });
    expect(await blocked.count()).toBe(0);
    await expect
      .poll(() => page.locator('.report-preview').textContent())
      .toContain(FIXED_SUMMARY.kk);
    expect(await page.locator('.report-preview').textContent()).not.toContain(FIXED_SUMMARY.ru);
    // The Russian summary is only a warning: the export above is open.
    const other = page.locator('.report-other-language[data-other-language="kk"]');
    expect(await other.locator('h2').textContent()).toBe(
      'Есеп қазақ тілінде, бірақ мына 1 мәтін орыс тілінде жазылған сияқты',
    );
    expect(await other.getByRole('link').getAttribute('href')).toBe(
      `#/appeals/${seeded.russianId}`,
    );
    await screenshot(page, 'report-kk');
    expect(errors).toEqual([]);
  });

  it('warns in Russian too about the Russian summary of the Kazakh report, with a link to it', async () => {
    const model = modelOf(seeded.fixed, 'kk');
    expect(model.otherLanguage.items).toEqual([
      {
        source: 'appeal',
        id: seeded.russianId,
        regNo: seeded.russianRegNo,
        title: null,
        fields: ['publicSummary'],
        lang: 'ru',
      },
    ]);
    const { page, errors } = await openApp('ru', `/reports?quarter=${QUARTER}&lang=kk`);
    const other = page.locator('.report-other-language');
    await other.waitFor({ timeout: 90_000 });
    expect(await other.locator('h2').textContent()).toBe(
      'Отчёт на казахском языке, но 1 текст, похоже, написан на русском',
    );
    expect(await other.locator('p').textContent()).toBe(
      'В отчёт он попадёт как есть. Переведите его на казахский — отчёт обновится сам. Экспорт это предупреждение не блокирует.',
    );
    await page.locator('button[data-export="pdf"]:not([disabled])').waitFor({ timeout: 90_000 });
    await page.locator('.report-doc').first().waitFor();
    await screenshot(page, 'report-other-language-ru');
    await other.getByRole('link', { name: `Обращение ${seeded.russianRegNo}` }).click();
    await page.waitForURL(new RegExp(`#/appeals/${seeded.russianId}$`));
    await expect
      .poll(() => page.locator('textarea[name="publicSummary.kk"]').inputValue())
      .toBe(RUSSIAN_SUMMARY);
    expect(errors).toEqual([]);
  });

  it('downloads every table as .xlsx, with Kazakh headers', async () => {
    const { page, errors } = await openApp('kk', `/reports?quarter=${QUARTER}&lang=kk`);
    const button = page.locator('button[data-export="xlsx"]:not([disabled])');
    await button.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`Жария есеп ${QUARTER} kk.xlsx`);
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'report-kk.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toContain('Тақырыптар');
    const model = modelOf(seeded.fixed, 'kk');
    const facts = workbook.getWorksheet('Негізгі сандар')!;
    expect(facts.getRow(4).values).toEqual([
      undefined,
      'Тоқсанда тіркелген өтініштер',
      model.appeals.total,
    ]);
    const topics = workbook.getWorksheet('Тақырыптар')!;
    expect(topics.getRow(3).values).toEqual([undefined, 'Тақырып', 'Саны', 'Үлесі']);
    expect(topics.getCell('A4').value).toBe(model.appeals.byTopic[0]!.label);
    expect(errors).toEqual([]);
  });

  it('the Russian screen at 1366×768', async () => {
    const { page, errors } = await openApp('ru', `/reports?quarter=${QUARTER}&lang=ru`);
    await page.locator('button[data-export="pdf"]:not([disabled])').waitFor({ timeout: 90_000 });
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Публичный отчёт');
    // Every printed text of this office has its Russian version (summaries, initiatives and
    // plan items are stored in both languages): no other-language notice.
    expect(modelOf(seeded.fixed, 'ru').otherLanguage.items).toEqual([]);
    expect(await page.locator('.report-other-language').count()).toBe(0);
    await screenshot(page, 'report-ru');
    expect(errors).toEqual([]);
  });

  it('refuses the Russian export while a chosen summary has no Russian text, until printed in brackets', async () => {
    // The fixed summary loses its Russian text: the Russian report would print it.
    const untranslated: TableDump = {
      ...seeded.fixed,
      appeals: (seeded.fixed.appeals as { id: string }[]).map((a) =>
        a.id === seeded.leakingId ? { ...a, publicSummary: { kk: FIXED_SUMMARY.kk, ru: '' } } : a,
      ),
    };
    expect(modelOf(untranslated, 'ru').missingTranslations.items).toEqual([
      {
        source: 'appeal',
        id: seeded.leakingId,
        regNo: seeded.leakingRegNo,
        fields: ['publicSummary'],
        lang: 'ru',
      },
    ]);
    expect(modelOf(untranslated, 'kk').missingTranslations.items).toEqual([]);
    const { page, errors } = await openApp(
      'ru',
      `/reports?quarter=${QUARTER}&lang=ru`,
      untranslated,
    );
    const missing = page.locator('.report-missing[data-missing-translation="ru"]');
    await missing.waitFor({ timeout: 90_000 });
    expect(await missing.locator('h2').textContent()).toBe('1 текст без перевода на русский');
    expect(await missing.getByRole('link').getAttribute('href')).toBe(
      `#/appeals/${seeded.leakingId}`,
    );
    expect(await page.locator('.report-export .field-error').textContent()).toBe(
      'Экспорт закрыт: у некоторых текстов нет перевода (см. ниже).',
    );
    expect(await page.locator('button[data-export="pdf"]').isDisabled()).toBe(true);
    expect(await page.locator('button[data-export="xlsx"]').isDisabled()).toBe(true);
    await screenshot(page, 'report-missing-translation-ru');

    // Printing the Kazakh text in brackets is the office's choice: the export opens.
    // The box is checked through the address (`brackets=1`), a moment after the click.
    const brackets = page.locator('input[name="report-brackets"]');
    await brackets.click();
    await page.waitForURL(/[?&]brackets=1/);
    await expect.poll(() => brackets.isChecked()).toBe(true);
    await page.locator('button[data-export="pdf"]:not([disabled])').waitFor({ timeout: 90_000 });
    expect(await missing.locator('p').textContent()).toBe(
      'Тексты без перевода будут напечатаны на другом языке, в скобках.',
    );
    expect(await page.locator('.report-export .field-error').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  async function printReport(lang: Lang | 'both'): Promise<string> {
    const { page, errors } = await openApp('kk', `/print/report?quarter=${QUARTER}&lang=${lang}`);
    // Generous: seven engineers share two cores, and the page boots the whole app first.
    await page.waitForFunction(() => window.__tizilimPrintReady !== undefined, undefined, {
      timeout: 120_000,
    });
    await page.evaluate(() => window.__tizilimPrintReady);
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `report-${lang}.pdf`);
    writeFileSync(
      file,
      await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }),
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', file, join(SCREENSHOTS, `report-pdf-${lang}`)]);
    expect(errors).toEqual([]);
    return file;
  }

  function expectNoPersonalData(text: string) {
    for (const person of PEOPLE) {
      for (const word of person.fullName.split(' ')) expect(text).not.toContain(word);
    }
    for (const trace of PHONE_TRACES) expect(text.replace(/\s+/g, ' ')).not.toContain(trace);
    expect(text).not.toContain(LEAKING_SUMMARY.kk);
    expect(text).not.toContain(LEAKING_SUMMARY.ru);
  }

  function expectOnlyPtSans(file: string) {
    const lines = pdfFonts(file).split('\n').slice(2).filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/PTSans/);
      expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    }
  }

  it('prints the Kazakh report: headline numbers, no personal data, PT Sans only', async () => {
    const file = await printReport('kk');
    const text = plain(pdfText(file));
    const model = modelOf(seeded.fixed, 'kk');
    expect(model.blocked).toBeNull();
    expect(text).toContain('Депутаттың жария есебі');
    expect(text).toContain(plain(model.quarter.label));
    expect(text).toContain(`тіркелген өтініштер: ${String(model.appeals.total)}.`);
    expect(text).toContain(
      `Тоқсанда шешім қабылданған өтініштер: ${String(model.resolved.decidedTotal)};`,
    );
    expect(text).toContain(plain(model.indicators.decidedWithinDeadline.display));
    expect(text).toContain(`алдыңғы тоқсанда: ${String(model.appeals.change.previous)}`);
    expect(text).toContain('1. Азаматтардың өтініштері');
    expect(text).toContain('5. Келесі тоқсанға арналған жоспар');
    expect(text).toContain('Сарыарқа ауданындағы');
    expect(text).toContain('<3');
    expect(text).toMatch(/1\s*\/\s*\d+/);
    expect(text).toContain('Құрылған күні:');
    expectNoPersonalData(text);
    expectOnlyPtSans(file);
  });

  it('prints the Russian report the same way', async () => {
    const file = await printReport('ru');
    const text = plain(pdfText(file));
    const model = modelOf(seeded.fixed, 'ru');
    expect(text).toContain('Публичный отчёт депутата');
    expect(text).toContain(plain(model.quarter.label));
    expect(text).toContain(`: ${String(model.appeals.total)}.`);
    expect(text).toContain(
      `Приняты решения по обращениям: ${String(model.resolved.decidedTotal)};`,
    );
    expect(text).toContain('Единые показатели отчётности');
    expect(text).toContain('Дата формирования:');
    expectNoPersonalData(text);
    expectOnlyPtSans(file);
  });

  it('prints both languages one after the other, numbering pages through', async () => {
    const file = await printReport('both');
    const text = plain(pdfText(file));
    const kkAt = text.indexOf('Депутаттың жария есебі');
    const ruAt = text.indexOf('Публичный отчёт депутата');
    expect(kkAt).toBeGreaterThanOrEqual(0);
    expect(ruAt).toBeGreaterThan(kkAt);
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(new RegExp(`${String(pages)}\\s*/\\s*${String(pages)}`));
    expectNoPersonalData(text);
    expectOnlyPtSans(file);
  });
});
