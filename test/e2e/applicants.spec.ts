import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { createAppeal, createApplicant } from '@renderer/db/repositories';
import type { RegistryRow } from '@renderer/db/registryRow';
import { applicantSchema, type Applicant, type AppEvent, type Appeal } from '@shared/domain';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';
import { AppShell } from './pages/AppShell';
import { ApplicantsPage, readStore } from './pages/ApplicantsPage';
import { buildOffice, seedPage, type TableDump } from './seed';

const NOW = new Date('2026-11-20T05:00:00Z');

/** Made-up people to fill the list the way an office's list looks. */
const OTHERS: [string, string][] = [
  ['Ахметов Ерлан Қайратұлы', '87015550101'],
  ['Бекова Айгүл Серікқызы', '87025550102'],
  ['Жұмабаев Нұрлан', '87055550103'],
  ['Ким Светлана Викторовна', '87075550104'],
  ['Оспанова Динара Бауыржанқызы', '87085550105'],
  ['Смағұлов Асхат Мұратұлы', '87775550106'],
  ['Тимофеева Ольга Николаевна', '87475550107'],
  ['Уәлиханова Сәуле', '87015550108'],
  ['Қасымов Бақытжан Ержанұлы', '87025550109'],
  ['Нұрғалиева Гүлмира', '87055550110'],
  ['Ибрагимов Рустам Ринатович', '87075550111'],
  ['Әбенова Жанар Талғатқызы', '87085550112'],
];

let dump: TableDump;
let browser: Browser;

beforeAll(async () => {
  dump = await buildOffice(
    async ({ db, ctx }) => {
      for (const [fullName, phone] of OTHERS) {
        await createApplicant(
          db,
          {
            consent: { given: true, date: '2026-11-20', form: 'written' },
            fullName,
            phones: [phone],
          },
          ctx,
        );
      }
      const address = {
        locality: 'Астана',
        district: 'Сарыарқа',
        street: 'Абай көшесі',
        building: '12',
        flat: '34',
      };
      const gulnar = await createApplicant(
        db,
        {
          fullName: 'Сейітқали Гүлнар Маратқызы',
          phones: ['87012345678'],
          iin: '061211600012',
          address,
          preferredChannel: 'whatsapp',
          vulnerableCategories: ['large_family'],
          consent: { given: true, date: '2026-03-12', form: 'written' },
        },
        ctx,
      );
      // The same woman registered again at a reception: another phone, same name and flat.
      const again = await createApplicant(
        db,
        {
          consent: { given: true, date: '2026-11-20', form: 'written' },
          fullName: 'Гүлнар Маратқызы Сейітқали',
          phones: ['+7 747 111 22 33'],
          email: 'gulnar.s@mail.kz',
          address: { ...address, street: 'Абай' },
          vulnerableCategories: ['low_income'],
        },
        ctx,
      );
      const petrov = await createApplicant(
        db,
        {
          fullName: 'Петров Иван Сергеевич',
          phones: ['+77479998877'],
          iin: '900101300007',
          email: 'petrov@mail.kz',
          address: { locality: 'Астана', street: 'Кенесары', building: '5', flat: '17' },
          preferredLanguage: 'ru',
          vulnerableCategories: ['pensioner'],
          consent: { given: true, date: '2026-10-01', form: 'oral' },
        },
        ctx,
      );
      const base = {
        channel: 'reception' as const,
        topic: 'housing',
        location: { locality: 'Астана', district: 'Сарыарқа', street: 'Абай', building: '12' },
      };
      await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-02T10:00',
          applicantId: gulnar.id,
          subject: 'Шатыр ағып тұр',
          text: 'Жаңбыр жауса бесінші қабаттағы пәтерге су ағады.',
        },
        ctx,
      );
      await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-10T11:00',
          applicantId: again.id,
          subject: 'Аула жарықтандырылмаған',
          text: 'Кешке аулада шам жанбайды, балалар қараңғыда жүреді.',
          topic: 'improvement',
        },
        ctx,
      );
      await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-16T09:30',
          applicantId: again.id,
          subject: 'Лифт жұмыс істемейді',
          text: 'Екі аптадан бері лифт тоқтап тұр, қарт адамдар түсе алмайды.',
        },
        ctx,
      );
      await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-12T15:00',
          channel: 'whatsapp',
          applicantId: petrov.id,
          subject: 'Нет горячей воды',
          text: 'Петров И. С., кв. 17: горячей воды нет с 1 ноября.',
          topic: 'water',
        },
        ctx,
      );
      await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-18T12:00',
          applicantId: gulnar.id,
          coApplicantIds: [petrov.id],
          collective: true,
          signatories: 23,
          subject: 'Ямы во дворе дома',
          text: 'После дождя двор непроходим.',
          topic: 'roads_transport',
        },
        ctx,
      );
    },
    { now: NOW },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openSeeded(lang: 'kk' | 'ru' = 'kk', data: TableDump = dump) {
  const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(baseUrl());
  await page.waitForSelector('.gate, aside nav');
  await seedPage(page, data);
  if (lang === 'ru') await page.evaluate(() => localStorage.setItem('tizilim.lang', 'ru'));
  await page.reload();
  const app = new AppShell(page);
  await app.navigation.waitFor();
  return { context, page, errors, app, ui: new ApplicantsPage(page) };
}

async function openApplicant(ui: ApplicantsPage, query: string, name: string) {
  await ui.page.goto(`${baseUrl()}#/applicants`);
  await ui.searchFor(query);
  await expect.poll(() => ui.names()).toEqual([name]);
  await ui.search.press('Enter');
  await expect.poll(() => ui.heading().textContent()).toBe(name);
}

async function done(context: BrowserContext, errors: string[]) {
  expect(errors).toEqual([]);
  await context.close();
}

describe('applicants', () => {
  it('finds people by a phone in another format and by IIN; Enter opens them', async () => {
    const { context, page, errors, app, ui } = await openSeeded();
    await app.navLink('Өтініш берушілер').click();
    await expect.poll(() => ui.rows().count()).toBe(OTHERS.length + 3);
    // The appeal counts arrive after the names; the picture should show them.
    await expect
      .poll(async () =>
        (await page.locator('.applicants-row .col-appeals').allTextContents()).some(Boolean),
      )
      .toBe(true);
    await screenshot(page, 'applicants-list-kk');

    // Stored as +77012345678; typed the way it was dictated.
    await ui.searchFor('8 (701) 234-56-78');
    await expect.poll(() => ui.names()).toEqual(['Сейітқали Гүлнар Маратқызы']);
    await ui.searchFor('+7 747 111 22 33');
    await expect.poll(() => ui.names()).toEqual(['Гүлнар Маратқызы Сейітқали']);
    await ui.searchFor('999-88-77');
    await expect.poll(() => ui.names()).toEqual(['Петров Иван Сергеевич']);
    await ui.searchFor('900101300007');
    await expect.poll(() => ui.names()).toEqual(['Петров Иван Сергеевич']);
    // Name words in any order, as prefixes.
    await ui.searchFor('гүлнар сейіт');
    await expect
      .poll(() => ui.names())
      .toEqual(['Гүлнар Маратқызы Сейітқали', 'Сейітқали Гүлнар Маратқызы']);
    await screenshot(page, 'applicants-search-kk');
    await ui.search.press('ArrowDown');
    await ui.search.press('Enter');
    await expect.poll(() => ui.heading().textContent()).toBe('Сейітқали Гүлнар Маратқызы');

    await app.switchLanguage('ru');
    await app.navLink('Заявители').click();
    await expect.poll(() => ui.rows().count()).toBe(OTHERS.length + 3);
    await expect
      .poll(() => page.locator('.applicants-head').textContent())
      .toContain('Последнее обращение');
    await screenshot(page, 'applicants-list-ru');
    await done(context, errors);
  });

  it('shows a page with contacts, a masked IIN and all appeals', async () => {
    const { context, page, errors, app, ui } = await openSeeded();
    await openApplicant(ui, '87012345678', 'Сейітқали Гүлнар Маратқызы');
    await expect.poll(() => ui.iin.textContent()).toBe('••••••••0012');
    await expect.poll(() => ui.appealRegNos()).toEqual(['2026-0005', '2026-0001']);
    await screenshot(page, 'applicants-page-kk');
    await ui.button('Көрсету').click();
    await expect.poll(() => ui.iin.textContent()).toBe('061211600012');

    // The edit form fits the office laptop's screen.
    await ui.button('Өңдеу').click();
    await ui.dialog.locator('input[name="fullName"]').waitFor();
    await screenshot(page, 'applicants-edit-kk');
    await ui.dialogButton('Бас тарту').click();

    await app.switchLanguage('ru');
    await openApplicant(ui, 'петров', 'Петров Иван Сергеевич');
    await expect.poll(() => ui.appealRegNos()).toEqual(['2026-0005', '2026-0004']);
    await expect
      .poll(() => page.locator('.applicant-appeals-table').textContent())
      .toContain('Созаявитель');
    await screenshot(page, 'applicants-page-ru');
    await page.locator('.applicant-appeals-table tbody tr').first().click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/appeals\/[0-9a-f-]{36}$/);
    await done(context, errors);
  });

  it('merges two duplicates after a side-by-side preview, and the appeals move', async () => {
    const { context, page, errors, app, ui } = await openSeeded('ru');
    await openApplicant(ui, '87012345678', 'Сейітқали Гүлнар Маратқызы');
    await ui.button('Объединить с дублем').click();
    await ui.dialog.getByText('Те же ФИО и адрес').waitFor();
    await screenshot(page, 'applicants-merge-choose-ru');
    await ui.dialogButton('Сравнить с записью «Гүлнар Маратқызы Сейітқали»').click();
    await expect.poll(() => ui.resultCell('phones').textContent()).toContain('+7 747 111 22 33');
    await screenshot(page, 'applicants-merge-ru');
    await ui.dialogButton('Отмена').click();

    await app.switchLanguage('kk');
    await ui.button('Қайталанатын жазбамен біріктіру').click();
    await ui.dialogButton('«Гүлнар Маратқызы Сейітқали» жазбасымен салыстыру').click();
    await expect
      .poll(() => ui.dialog.locator('.merge-summary').textContent())
      .toContain(
        '2 өтініш «Гүлнар Маратқызы Сейітқали» жазбасынан «Сейітқали Гүлнар Маратқызы» жазбасына ауысады.',
      );
    expect(await ui.resultCell('email').textContent()).toContain('gulnar.s@mail.kz');
    expect(await ui.resultCell('appeals').textContent()).toBe('4+2 ауысады');
    await screenshot(page, 'applicants-merge-kk');
    await ui.dialogButton('Біріктіру').click();

    await page.locator('.applicant-notice[role=status]').waitFor();
    await expect
      .poll(() => page.locator('.applicant-notice[role=status]').textContent())
      .toContain('2 өтініш осы жазбаға ауыстырылды');
    await expect
      .poll(() => ui.appealRegNos())
      .toEqual(['2026-0005', '2026-0003', '2026-0002', '2026-0001']);
    await expect
      .poll(() => page.locator('.applicant-phones').textContent())
      .toContain('+7 747 111 22 33');

    // The duplicate's phone now finds the kept record, and the duplicate is gone from the list.
    await page.goto(`${baseUrl()}#/applicants`);
    await ui.searchFor('87471112233');
    await expect.poll(() => ui.names()).toEqual(['Сейітқали Гүлнар Маратқызы']);
    await ui.searchFor('');
    await expect.poll(() => ui.rows().count()).toBe(OTHERS.length + 2);
    await done(context, errors);
  });

  it('anonymises on request: the name leaves the applicant and the registry rows, the appeals stay', async () => {
    const { context, page, errors, app, ui } = await openSeeded('ru');
    await openApplicant(ui, 'петров иван', 'Петров Иван Сергеевич');
    await ui.button('Обезличить').click();
    await ui.dialog.locator('textarea').fill('Письменное заявление от 20.11.2026');
    await screenshot(page, 'applicants-anonymise-ru');
    await ui.dialogButton('Отмена').click();

    await app.switchLanguage('kk');
    await ui.button('Иесіздендіру').click();
    const confirm = ui.dialogButton('Біржола иесіздендіру');
    expect(await confirm.isDisabled()).toBe(true);
    await ui.dialog.locator('textarea').fill('2026 жылғы 20 қарашадағы жазбаша өтініші');
    expect(await confirm.isDisabled()).toBe(true);
    await ui.dialog.getByRole('checkbox').check();
    await screenshot(page, 'applicants-anonymise-kk');
    await confirm.click();

    await expect.poll(() => ui.heading().textContent()).toBe('Иесіздендірілген өтініш беруші');
    const main = page.locator('main');
    expect(await main.textContent()).not.toContain('Петров');
    expect(await main.textContent()).not.toContain('999 88 77');
    // The appeals are still his, still listed.
    await expect.poll(() => ui.appealRegNos()).toEqual(['2026-0005', '2026-0004']);
    await screenshot(page, 'applicants-anonymised-kk');

    const applicants = await readStore<Applicant>(page, 'applicants');
    const him = applicants.find((a) => a.anonymisedAt !== null)!;
    expect(him).toMatchObject({ fullName: '', iin: null, phones: [], email: null });
    expect(him.vulnerableCategories).toEqual(['pensioner']);
    const rows = await readStore<RegistryRow>(page, 'registryRows');
    const own = rows.find((r) => r.regNo === '2026-0004')!;
    expect(own.applicantName).toBe('');
    expect(own.subject).toBe('Нет горячей воды');
    // He only co-signed 2026-0005: its lead's name stays.
    expect(rows.find((r) => r.regNo === '2026-0005')?.applicantName).toBe(
      'Сейітқали Гүлнар Маратқызы',
    );
    const appeals = await readStore<Appeal>(page, 'appeals');
    expect(appeals).toHaveLength(5);
    expect(appeals.find((a) => a.regNo === '2026-0004')?.applicantId).toBe(him.id);
    const events = await readStore<AppEvent>(page, 'events');
    const anonymised = events.filter((e) => e.type === 'applicantAnonymised');
    expect(anonymised).toHaveLength(2);
    expect(anonymised.every((e) => e.note === '2026 жылғы 20 қарашадағы жазбаша өтініші')).toBe(
      true,
    );

    // Nobody finds him any more, by name or by phone.
    await page.goto(`${baseUrl()}#/applicants`);
    await ui.searchFor('петров');
    await page.locator('.applicants-empty').waitFor();
    await ui.searchFor('87479998877');
    await page.locator('.applicants-empty').waitFor();
    await done(context, errors);
  });
});

describe('applicants at office scale', () => {
  const SIZE = 30_000;
  const FIRST = ['Ерлан', 'Айгүл', 'Нұрлан', 'Светлана', 'Динара', 'Асхат', 'Ольга', 'Сәуле'];
  const LAST = ['Ахметов', 'Бекова', 'Жұмабаев', 'Ким', 'Оспанова', 'Смағұлов', 'Тимофеева'];

  /**
   * Generates applicant records in the page itself (passing 30,000 records through the
   * debugging protocol takes a minute), written straight into IndexedDB; the app's search
   * index reads them when the page starts.
   */
  function generate(args: {
    from: number;
    to: number;
    first: string[];
    last: string[];
    now: string;
  }) {
    const out = [];
    for (let i = args.from; i < args.to; i += 1) {
      const fullName = `${args.last[i % args.last.length]} ${args.first[(i * 3) % args.first.length]} ${i}`;
      const digits = `7701${String(1_000_000 + i).slice(-7)}`;
      const hex = i.toString(16).padStart(12, '0');
      out.push({
        id: `01900000-0000-7000-8000-${hex}`,
        createdAt: args.now,
        updatedAt: args.now,
        createdBy: 'bench',
        updatedBy: 'bench',
        version: 1,
        deletedAt: null,
        fullName,
        phones: [`+${digits}`],
        iin: null,
        email: null,
        address: { locality: 'Астана', district: '', street: '', building: '', flat: '' },
        preferredLanguage: 'kk',
        preferredChannel: null,
        vulnerableCategories: [],
        consent: null,
        anonymisedAt: null,
        mergedInto: null,
      });
    }
    return out;
  }

  const args = (from: number, to: number) => ({
    from,
    to,
    first: FIRST,
    last: LAST,
    now: NOW.toISOString(),
  });

  it('the generated records are valid applicants', () => {
    for (const record of generate(args(12_340, 12_350))) {
      expect(applicantSchema.safeParse(record).success).toBe(true);
    }
  });

  it(`lists and searches ${SIZE.toLocaleString('en')} applicants without waiting`, async () => {
    const { context, page, errors, ui } = await openSeeded('kk');
    await page.evaluate(
      async ({ source, parts }) => {
        // The generator travels as source text; DevTools evaluation is not subject to the CSP.
        const make = new Function(`return (${source})`)() as (a: unknown) => unknown[];
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('tizilim');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        for (const part of parts) {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('applicants', 'readwrite');
            for (const row of make(part)) tx.objectStore('applicants').put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        }
        db.close();
      },
      {
        source: generate.toString(),
        parts: Array.from({ length: SIZE / 5_000 }, (_, k) => args(k * 5_000, (k + 1) * 5_000)),
      },
    );
    await page.reload();
    await page.locator('aside nav').waitFor();

    let t0 = performance.now();
    await page.goto(`${baseUrl()}#/applicants`);
    await ui.rows().first().waitFor();
    const listMs = performance.now() - t0;
    await expect
      .poll(async () => (await page.locator('.applicants-total').textContent())?.replace(/\D/g, ''))
      .toBe(String(SIZE + OTHERS.length + 3));

    // One person among thousands of namesakes, by a name prefix and the number in the name.
    // (The first search waits for the index the app builds after its first screen; the
    // times are printed, not asserted: speed is measured in the benchmarks.)
    const target = `${LAST[12_345 % LAST.length]} ${FIRST[(12_345 * 3) % FIRST.length]} 12345`;
    t0 = performance.now();
    await ui.searchFor(`${target.slice(0, 5).toLowerCase()} 12345`);
    await expect.poll(() => ui.names(), { interval: 20, timeout: 30_000 }).toEqual([target]);
    const nameMs = performance.now() - t0;

    // Stored as +77011012345, typed with the trunk prefix and spaces.
    t0 = performance.now();
    await ui.searchFor('8 701 101 23 45');
    await expect.poll(() => ui.names(), { interval: 20, timeout: 30_000 }).toEqual([target]);
    const phoneMs = performance.now() - t0;

    // A broad prefix reads at most the search limit, not the whole table.
    t0 = performance.now();
    await ui.searchFor('ахм');
    await page.locator('.applicants-footnote', { hasText: 'нәтиже көрсетілді' }).waitFor();
    const broadMs = performance.now() - t0;
    await screenshot(page, 'applicants-30k-search-kk');

    console.info(
      `applicants ×${SIZE}: list ${listMs.toFixed(0)} ms, name ${nameMs.toFixed(0)} ms, ` +
        `phone ${phoneMs.toFixed(0)} ms, broad prefix ${broadMs.toFixed(0)} ms`,
    );
    await done(context, errors);
  });
});
