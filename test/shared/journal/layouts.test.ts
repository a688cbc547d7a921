/**
 * Journal layouts offices keep that the fixtures in test/fixtures/journals do not: each is
 * built here with exceljs, imported with the suggested mapping (as the command line does),
 * and checked row by row — what was imported with which date, name and phones, and what was
 * skipped and why.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { defaultSheetOf, outlineSheets, sameLayoutSheets } from '@shared/journal/analyse';
import {
  describeNothingImportable,
  describeRowIssue,
  describeSameLayoutSheets,
} from '@shared/journal/messages';
import { encode1251 } from '@test/fixtures/journals/build';
import { planFile, registryAfter } from './helpers';

type Row = (string | number | Date | null)[];

/** A Date whose UTC fields are the wall-clock value (how exceljs writes dates). */
function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function put(ws: ExcelJS.Worksheet, first: number, rows: Row[]) {
  rows.forEach((values, i) => {
    ws.getRow(first + i).values = values;
  });
}

/** Each sheet row's fate: «date name phones» when imported, the skip code otherwise. */
async function outcome(bytes: Uint8Array, fileName = 'журнал.xlsx') {
  const { plan, analysis, workbook } = await planFile(bytes, fileName);
  const applicants = new Map(plan.applicants.map((a) => [a.id, a]));
  const rows: Record<number, string> = {};
  for (const r of plan.rows) {
    if (r.status !== 'imported') {
      rows[r.n] = r.reason!.code;
      continue;
    }
    const appeal = plan.appeals.find((a) => a.regNo === r.regNo)!;
    const person = appeal.applicantId ? applicants.get(appeal.applicantId) : undefined;
    rows[r.n] = [
      appeal.receivedAt.slice(0, 10),
      person?.fullName ?? '—',
      ...(person?.phones ?? []),
    ].join(' ');
  }
  return { rows, analysis, plan, workbook };
}

describe('journal layouts', () => {
  it('a Kazakh two-row header: the group «Өтініш беруші» over name, address and phone', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Журнал');
      ws.getCell('A1').value = 'Азаматтардың өтініштерін тіркеу журналы';
      ws.mergeCells('A1:H1');
      put(ws, 3, [
        ['Р/с №', 'Түскен күні', 'Өтініш беруші', null, null, 'Қысқаша мазмұны', 'Қарау нәтижесі'],
        [null, null, 'аты-жөні', 'мекенжайы', 'телефоны', null, null],
        [1, 2, 3, 4, 5, 6, 7],
        [1, day('2025-03-05'), 'Асанов Бекзат', 'Астана қ., Абай к-сі 5', 87011234567, 'Жол', ''],
        [2, '06.03.2025', 'Серікова Ая', 'Қарағанды қ.', '8 701 765 43 21', 'Су жоқ', ''],
        [3, null, 'Серікова Ая', 'Қарағанды қ.', '8 701 765 43 21', 'Су әлі жоқ', ''],
        ['Барлығы: 3 өтініш'],
      ]);
      for (const range of ['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4', 'A9:G9']) {
        ws.mergeCells(range);
      }
      // One date written for two appeals of the same day, merged down over both rows: it is
      // the date of both.
      ws.mergeCells('B7:B8');
    });
    const { rows, analysis } = await outcome(bytes);
    expect(analysis.header.rows).toEqual([3, 4]);
    const columns = analysis.mapping.columns;
    expect([columns.fullName, columns.address, columns.phone]).toEqual([2, 3, 4]);
    expect(rows).toEqual({
      1: 'title',
      5: 'column_numbers',
      6: '2025-03-05 Асанов Бекзат +77011234567',
      7: '2025-03-06 Серікова Ая +77017654321',
      8: '2025-03-06 Серікова Ая +77017654321',
      9: 'totals',
    });
  });

  it('maps abbreviated headers («Дата пост.», «Кр. содерж.») under a deputy’s name and title rows', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Лист1');
      put(ws, 1, [
        ['Журнал регистрации обращений граждан'],
        ['депутата маслихата г. Астаны Ахметова А.Б.'],
        ['за 2024 год'],
        [],
        ['№ п/п', 'Дата пост.', 'Ф.И.О.', 'Адрес', 'Тел.', 'Кр. содерж.', 'Исполнитель', 'Прим.'],
        [1, '12.01.2024', 'Иванов И.И.', 'г. Астана, ул. Мира 5', '87071234567', 'Ремонт дороги'],
        [2, '13.01.24', 'Петров П.П.', 'г. Астана', 7071234568, 'Свет', null, 'повторно'],
      ]);
    });
    const { rows, analysis } = await outcome(bytes);
    expect(analysis.header.rows).toEqual([5]);
    expect(analysis.mapping.columns).toEqual({
      journalNo: 0,
      receivedDate: 1,
      fullName: 2,
      address: 3,
      phone: 4,
      text: 5,
      assignee: 6,
      notes: 7,
    });
    expect(rows).toEqual({
      1: 'title',
      2: 'title',
      3: 'title',
      6: '2024-01-12 Иванов И.И. +77071234567',
      7: '2024-01-13 Петров П.П. +77071234568',
    });
  });

  it('maps headers written in both languages («Күні / Дата», «Мазмұны\nСодержание»)', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Журнал');
      put(ws, 1, [
        [
          'Р/с № / № п/п',
          'Күні / Дата',
          'Аты-жөні / Ф.И.О.',
          'Мекенжайы (Адрес)',
          'Телефоны\nТелефон',
          'Мазмұны\nСодержание',
          'Нәтиже / Результат',
        ],
        [1, '05.03.2025', 'Асанов Бекзат', 'Қосшы қ.', '87011234567', 'Жол', 'Түсіндірілді'],
      ]);
    });
    const { analysis } = await outcome(bytes);
    expect(analysis.mapping.columns).toEqual({
      journalNo: 0,
      receivedDate: 1,
      fullName: 2,
      address: 3,
      phone: 4,
      text: 5,
      result: 6,
    });
  });

  it('a journal kept one sheet a month: the others under the same columns are named, and come in by sheet', async () => {
    const bytes = await xlsx((wb) => {
      put(wb.addWorksheet('Анықтама'), 1, [['Елді мекендер'], ['Қосшы'], ['Талапкер']]);
      const months = [
        ['Қаңтар', ['10.01.2024', '11.01.2024']],
        ['Ақпан', ['03.02.2024', '04.02.2024', '05.02.2024']],
        ['Наурыз', ['04.03.2024']],
      ] as const;
      for (const [name, dates] of months) {
        put(wb.addWorksheet(name), 1, [
          [`${name} 2024`],
          // The headers spelt otherwise on one sheet: the same fields, the same layout.
          name === 'Наурыз'
            ? ['№', 'Келген күні', 'Өтініш иесі', 'Байланыс тел.', 'Мазмұны']
            : ['Р/с', 'Түскен күні', 'Аты-жөні', 'Телефоны', 'Қысқаша мазмұны'],
          ...dates.map((d, i) => [
            i + 1,
            d,
            'Асанов Бекзат',
            '87011234567',
            `${name}: өтініш ${i}`,
          ]),
          ['Барлығы', null, dates.length],
        ]);
      }
    });
    const { workbook, plan } = await outcome(bytes);
    const outline = outlineSheets(workbook);
    // The first month is offered, not the longest one (Ақпан): the months come in in order.
    expect(defaultSheetOf(outline)).toBe('Қаңтар');
    expect(plan.sheet).toBe('Қаңтар');
    const others = sameLayoutSheets(outline, 'Қаңтар');
    expect(others.map((o) => [o.name, o.rows])).toEqual([
      ['Ақпан', 6],
      ['Наурыз', 4],
    ]);
    expect(sameLayoutSheets(outline, 'Анықтама')).toEqual([]);
    expect(describeSameLayoutSheets(others, 'kk')).toContain(
      'осындай бағандары бар басқа парақтар да бар: «Ақпан», «Наурыз» (толтырылған жол саны: 10)',
    );
    expect(describeSameLayoutSheets([], 'ru')).toBeNull();
    // Once the sheet is in, what to do for the next one; never «import this one first».
    for (const lang of ['kk', 'ru'] as const) {
      const after = describeSameLayoutSheets(others, lang, true)!;
      expect(after).not.toBe(describeSameLayoutSheets(others, lang));
      expect(after).toContain('«Ақпан», «Наурыз»');
    }
    expect(describeSameLayoutSheets(others, 'kk', true)).toContain('Келесі парақты көшіру үшін');
    expect(describeSameLayoutSheets(others, 'ru', true)).not.toContain('перенесите этот');
    // The next month's sheet, imported after: its own rows, the same person linked.
    const next = await planFile(bytes, 'журнал.xlsx', {
      sheet: 'Ақпан',
      registry: registryAfter([plan]),
    });
    expect(next.plan.counts).toMatchObject({ imported: 3, newApplicants: 0, linkedApplicants: 1 });
    // A longer list beside the months (no journal columns) is still not offered, and a
    // workbook of different tables offers its longest journal.
    expect(
      defaultSheetOf([
        { name: 'Улицы', rows: 90, layout: null },
        { name: 'Жалобы', rows: 5, layout: 'a' },
        { name: 'Обращения', rows: 40, layout: 'b' },
      ]),
    ).toBe('Обращения');
  });

  it('reads dates written without a year in the year the title gives, and none without it', async () => {
    const sheet = (title: string | null) =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Наурыз');
        put(ws, 1, [
          ...(title === null ? [] : [[title]]),
          ['№', 'Күні', 'Аты-жөні', 'Қысқаша мазмұны', 'Жауап күні'],
          [1, '12.03', 'Асанов Бекзат', 'Жол жөндеу', '20.03'],
          [2, '15 наурыз', 'Серікова Ая', 'Су жоқ', null],
          [3, '18.03.2023', 'Ким Анна', 'Нет света', null],
        ]);
      });
    const titled = await outcome(await sheet('Азаматтардың өтініштерін тіркеу журналы, 2024 ж.'));
    expect(Object.values(titled.rows)).toEqual([
      'title',
      '2024-03-12 Асанов Бекзат',
      '2024-03-15 Серікова Ая',
      // A year written wins.
      '2023-03-18 Ким Анна',
    ]);
    // No year anywhere: the year is not guessed; the dates are refused as before.
    const untitled = await outcome(await sheet(null));
    expect(Object.values(untitled.rows)).toEqual(['bad_date', 'bad_date', '2023-03-18 Ким Анна']);
    // The skip says what is missing and where to write it, in both languages.
    const [first, second] = untitled.plan.rows.map((r) => r.reason!);
    expect(describeRowIssue(first!, 'ru')).toBe(
      'Не удалось прочитать дату поступления: «12.03» — не указан год: допишите его к дате или укажите в названии листа или в заголовке журнала (например, «Март 2024»)',
    );
    expect(describeRowIssue(second!, 'kk')).toContain('«15 наурыз» — жылы жазылмаған');
    expect(describeRowIssue({ code: 'bad_date', value: 'вчера' }, 'ru')).toBe(
      'Не удалось прочитать дату поступления: «вчера»',
    );
  });

  it('joins a name kept in three columns: surname, first name, patronymic', async () => {
    const ru = await xlsx((wb) => {
      const ws = wb.addWorksheet('Журнал');
      put(ws, 1, [
        ['№', 'Дата', 'Заявитель', null, null, 'Содержание'],
        [null, null, 'Фамилия', 'Имя', 'Отчество', null],
        [1, '12.01.2024', 'Иванов', 'Иван', 'Иванович', 'Яма во дворе'],
        [2, '13.01.2024', 'Ли', 'Анна', null, 'Нет света'],
      ]);
      for (const range of ['A1:A2', 'B1:B2', 'C1:E1', 'F1:F2']) ws.mergeCells(range);
    });
    const kk = await xlsx((wb) => {
      put(wb.addWorksheet('Журнал'), 1, [
        ['Р/с', 'Күні', 'Тегі', 'Аты', 'Әкесінің аты', 'Мазмұны'],
        [1, '12.01.2024', 'Асанов', 'Бекзат', 'Серікұлы', 'Жол'],
      ]);
    });
    // A lone «Аты» column is the whole name.
    const lone = await xlsx((wb) => {
      put(wb.addWorksheet('Журнал'), 1, [
        ['Р/с', 'Күні', 'Аты', 'Мазмұны'],
        [1, '12.01.2024', 'Асанов Бекзат Серікұлы', 'Жол'],
      ]);
    });
    const first = await outcome(ru);
    expect(first.rows).toEqual({ 3: '2024-01-12 Иванов Иван Иванович', 4: '2024-01-13 Ли Анна' });
    expect((await outcome(kk)).rows).toEqual({ 2: '2024-01-12 Асанов Бекзат Серікұлы' });
    const single = await outcome(lone);
    expect(single.analysis.mapping.columns).toMatchObject({ fullName: 2 });
    expect(single.analysis.mapping.columns.firstName).toBeUndefined();
    expect(single.rows).toEqual({ 2: '2024-01-12 Асанов Бекзат Серікұлы' });
  });

  it('maps headers offices write otherwise, and leaves a social status out of the result', async () => {
    const bytes = await xlsx((wb) => {
      put(wb.addWorksheet('Журнал'), 1, [
        [
          '№',
          'Келген күні',
          'Өтініш иесі',
          'Әлеуметтік мәртебесі',
          'Контакты',
          'Өтініштің мәні',
          'Отметка о выполнении',
          'Количество заявителей',
        ],
        [1, '12.01.2024', 'Асанов Бекзат', 'зейнеткер', 'Қосшы қ., 87071234567', 'Жол', null, 1],
      ]);
    });
    const { analysis, rows } = await outcome(bytes);
    expect(analysis.mapping.columns).toEqual({
      journalNo: 0,
      receivedDate: 1,
      fullName: 2,
      phoneAddress: 4,
      text: 5,
      result: 6,
      signatories: 7,
    });
    expect(rows).toEqual({ 2: '2024-01-12 Асанов Бекзат +77071234567' });
  });

  it('an appeal whose text begins with «Всего», «Сумма» or «Барлығы» beside a name is not a totals row', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Журнал');
      put(ws, 1, [
        ['№', 'Дата поступления', 'Ф.И.О.', 'Телефон', 'Содержание обращения'],
        [1, '05.03.2025', 'Иванов Иван', '87011234567', 'Всего лишь просим починить лавочку'],
        [2, '05.03.2025', 'Петров Пётр', '87011234568', 'Сумма пособия не выплачена'],
        [3, '06.03.2025', 'Ким Анна', '87011234569', 'Барлығы жөнделсін деп сұраймыз'],
        // Beside the word only a date and numbers: a totals row (an anonymous appeal written
        // so is reported, never a totals row imported as an appeal).
        [null, '31.03.2025', null, null, 'Итого за март: 3'],
        [4, '06.03.2025', null, '87011234560', 'Всего два фонаря горят на всей улице'],
        ['Итого обращений:', null, null, null, 4],
        [null, 'Барлығы', 4],
        ['Итого: 4 обращения'],
        // The word after the period it sums.
        ['За март итого: 4'],
        [null, 'Наурыз бойынша барлығы', null, null, 4],
      ]);
    });
    const { rows } = await outcome(bytes);
    expect(rows).toEqual({
      2: '2025-03-05 Иванов Иван +77011234567',
      3: '2025-03-05 Петров Пётр +77011234568',
      4: '2025-03-06 Ким Анна +77011234569',
      5: 'totals',
      6: 'totals',
      7: 'totals',
      8: 'totals',
      9: 'totals',
      10: 'totals',
      11: 'totals',
    });
  });

  it('dates written the official way, year first or with a stop after the year', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Журнал');
      put(ws, 1, [
        ['№', 'Тіркелген күні', 'Өтініш берушінің аты-жөні', 'Қысқаша мазмұны'],
        [1, '«05» марта 2025 г.', 'Асанов Бек', 'Жол'],
        [2, '"6" наурыз 2025 ж.', 'Асанов Бек', 'Су'],
        [3, '07.03.2025.', 'Асанов Бек', 'Жарық'],
        [4, '2025.03.10', 'Асанов Бек', 'Аула'],
        [5, '11.03.2025-ж.', 'Асанов Бек', 'Мектеп'],
        [6, '2025/03/12 10:15', 'Асанов Бек', 'Емхана'],
        // Still not dates: nothing is guessed.
        [7, '2025.13.03', 'Асанов Бек', 'Көше'],
        [8, '13.2025', 'Асанов Бек', 'Көше'],
      ]);
    });
    const { rows, plan } = await outcome(bytes);
    expect(rows).toEqual({
      2: '2025-03-05 Асанов Бек',
      3: '2025-03-06 Асанов Бек',
      4: '2025-03-07 Асанов Бек',
      5: '2025-03-10 Асанов Бек',
      6: '2025-03-11 Асанов Бек',
      7: '2025-03-12 Асанов Бек',
      8: 'bad_date',
      9: 'bad_date',
    });
    expect(plan.appeals.find((a) => a.journalNo === '6')!.receivedAt.slice(11, 16)).toBe('10:15');
  });

  it('two phones in one cell are both kept; a number that is not a phone goes to the notes', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Журнал');
      put(ws, 1, [
        ['№', 'Дата поступления', 'Ф.И.О. заявителя', 'Байланыс телефоны', 'Краткое содержание'],
        [1, '05.03.2025', 'Иванов Иван', '87011234567 87071234567', 'Яма'],
        [2, '05.03.2025', 'Петров Пётр', '8 701 123 45 68 8 707 123 45 68', 'Шум'],
        [3, '05.03.2025', 'Ли Анна', '+7(701)1234569', 'Мусор'],
        // 21 digits that are not two phones: reported in the appeal's notes.
        [4, '05.03.2025', 'Ким Олег', '870112345 670712345678', 'Свет'],
        // A home number without its city code beside a mobile: kept in the notes.
        [5, '05.03.2025', 'Ан Ирина', '8-701-123-45-60 (дом. 55-66-77)', 'Тепло'],
      ]);
    });
    const { rows, plan } = await outcome(bytes);
    expect(rows).toEqual({
      2: '2025-03-05 Иванов Иван +77011234567 +77071234567',
      3: '2025-03-05 Петров Пётр +77011234568 +77071234568',
      4: '2025-03-05 Ли Анна +77011234569',
      5: '2025-03-05 Ким Олег',
      6: '2025-03-05 Ан Ирина +77011234560',
    });
    expect(plan.rows.find((r) => r.n === 5)!.warnings).toContainEqual({
      code: 'phone_invalid',
      value: '870112345 670712345678',
    });
    expect(plan.rows.find((r) => r.n === 6)!.warnings).toContainEqual({
      code: 'phone_invalid',
      value: '(дом. 55-66-77)',
    });
    const notes = plan.events.map((e) => e.note ?? '').join('\n');
    expect(notes).toContain('дом. 55-66-77');
  });

  it('the journal sheet is chosen over a longer list of streets beside it', async () => {
    const bytes = await xlsx((wb) => {
      const streets = wb.addWorksheet('Анықтамалық');
      put(streets, 1, [['Көшелер'], ...Array.from({ length: 30 }, (_, i) => [`Көше ${i + 1}`])]);
      const ws = wb.addWorksheet('Журнал');
      put(ws, 1, [
        ['№', 'Дата поступления', 'ФИО', 'Содержание'],
        [1, '05.03.2025', 'Иванов Иван', 'Яма'],
        [2, '06.03.2025', 'Петров Пётр', 'Шум'],
      ]);
    });
    const { rows, analysis } = await outcome(bytes);
    expect(analysis.sheet.name).toBe('Журнал');
    expect(rows).toEqual({ 2: '2025-03-05 Иванов Иван', 3: '2025-03-06 Петров Пётр' });
  });
});

describe('slash dates with no day over 12', () => {
  /** A Google Forms answer sheet from an English-locale account: M/D/YYYY timestamps. */
  function formsCsv(stamps: string[]): Uint8Array {
    const lines = [
      'Timestamp,Аты-жөніңіз / Ваше ФИО,Телефон нөміріңіз / Ваш телефон,Мәселеңізді жазыңыз / Опишите проблему',
      ...stamps.map((s, i) => `${s},Серікбаева Жанар,+7701555443${i},Лифт жұмыс істемейді ${i}`),
    ];
    return new TextEncoder().encode(lines.join('\r\n'));
  }

  it('are read month-first when only that reading keeps the answers in order', async () => {
    const { plan } = await planFile(
      formsCsv(['3/5/2025 14:30:12', '3/6/2025 9:05:00', '3/12/2025 10:00:00', '4/2/2025 8:00:00']),
      'Өтініштер (Жауаптар).csv',
    );
    expect(plan.appeals.map((a) => a.receivedAt)).toEqual([
      '2025-03-05T14:30',
      '2025-03-06T09:05',
      '2025-03-12T10:00',
      '2025-04-02T08:00',
    ]);
  });

  it('are read day-first when that reading keeps the journal in order', async () => {
    const { plan } = await planFile(
      formsCsv([
        '05/03/2025 14:30:12',
        '06/03/2025 09:05:00',
        '12/03/2025 10:00:00',
        '02/04/2025 08:00:00',
      ]),
      'Өтініштер.csv',
    );
    expect(plan.appeals.map((a) => a.receivedAt.slice(0, 10))).toEqual([
      '2025-03-05',
      '2025-03-06',
      '2025-03-12',
      '2025-04-02',
    ]);
  });

  it('are read day-first, as Kazakhstan writes them, when the order does not tell', async () => {
    const { plan } = await planFile(
      formsCsv(['3/5/2025 14:30:12', '3/5/2025 15:00:00', '3/5/2025 16:10:00']),
      'Өтініштер.csv',
    );
    expect(plan.appeals.map((a) => a.receivedAt.slice(0, 10))).toEqual([
      '2025-05-03',
      '2025-05-03',
      '2025-05-03',
    ]);
  });
});

describe('a Kazakh journal saved as Windows-1251 CSV', () => {
  it('maps its columns though the Kazakh letters of the headers became «?»', async () => {
    const lines = [
      'Азаматтардың өтініштерін тіркеу журналы;;;;;;',
      ';;;;;;',
      '№ р/с;Тіркелген күні;Өтініш берушінің аты-жөні;Мекенжайы;Байланыс телефоны;Қысқаша мазмұны;Қарау нәтижесі',
      '1;05.03.2025;Асанов Бекзат;Астана;8 701 123 45 67;Жол жөндеу керек;',
      '2;06.03.2025;Серікова Ая;Астана;87011234568;Су жоқ;',
      'Барлығы;2;;;;;',
    ];
    const bytes = encode1251(lines.join('\r\n'));
    const { rows, analysis } = await outcome(bytes, 'журнал.csv');
    expect(analysis.header.columns[2]!.label).toBe('?тініш берушіні? аты-ж?ні');
    expect(analysis.mapping.columns).toMatchObject({
      journalNo: 0,
      registeredDate: 1,
      fullName: 2,
      address: 3,
      phone: 4,
      text: 5,
      result: 6,
    });
    expect(rows).toEqual({
      1: 'title',
      4: '2025-03-05 Асанов Бекзат +77011234567',
      5: '2025-03-06 Серікова Ая +77011234568',
      6: 'totals',
    });
  });
});

describe('day/month typed in a workbook set to month-first dates', () => {
  it('reports the Excel dates that may have day and month swapped, in kk and ru', async () => {
    // Typed 05/03, 13/03, 07/03, 14/03: Excel made 3 May and 3 July of the first and third and
    // kept the other two as text.
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Журнал');
      put(ws, 1, [
        ['№', 'Дата поступления', 'ФИО', 'Содержание'],
        [1, day('2025-05-03'), 'Иванов Иван', 'Яма'],
        [2, '13/03/2025', 'Петров Пётр', 'Шум'],
        [3, day('2025-07-03'), 'Сидоров Олег', 'Свет'],
        [4, '14/03/2025', 'Ли Анна', 'Мусор'],
        [5, day('2025-03-03'), 'Ким Олег', 'Вода'],
      ]);
    });
    const { rows, plan } = await outcome(bytes);
    expect(rows).toEqual({
      2: 'swapped_date',
      3: '2025-03-13 Петров Пётр',
      4: 'swapped_date',
      5: '2025-03-14 Ли Анна',
      // The 3rd of March reads the same both ways.
      6: '2025-03-03 Ким Олег',
    });
    const reason = plan.rows.find((r) => r.n === 2)!.reason!;
    expect(describeRowIssue(reason, 'ru')).toMatch(
      /^Дата поступления неоднозначна: 03\.05\.2025 или 05\.03\.2025\./,
    );
    expect(describeRowIssue(reason, 'kk')).toMatch(
      /^Түскен күні екіұшты: 03\.05\.2025 немесе 05\.03\.2025\./,
    );
  });

  it('leaves Excel dates alone when one of them has a day over 12', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Журнал');
      put(ws, 1, [
        ['№', 'Дата поступления', 'ФИО', 'Содержание'],
        [1, day('2025-03-05'), 'Иванов Иван', 'Яма'],
        [2, '13/03/2025', 'Петров Пётр', 'Шум'],
        [3, day('2025-03-20'), 'Сидоров Олег', 'Свет'],
      ]);
    });
    expect((await outcome(bytes)).rows).toEqual({
      2: '2025-03-05 Иванов Иван',
      3: '2025-03-13 Петров Пётр',
      4: '2025-03-20 Сидоров Олег',
    });
  });
});

describe('a journal whose dates cannot be read', () => {
  it('imports nothing and says why in kk and ru', async () => {
    const lines = [
      '№;Дата поступления;ФИО;Содержание',
      '1;март;Иванов Иван;Яма',
      '2;32.13.2025;Петров Пётр;Шум',
      '3;вчера;Ли Анна;Свет',
      'Итого;3;;',
    ];
    const { plan } = await planFile(new TextEncoder().encode(lines.join('\n')), 'журнал.csv');
    expect(plan.appeals).toEqual([]);
    expect(plan.applicants).toEqual([]);
    expect(describeNothingImportable(plan.rows, 'ru')).toBe(
      'Переносить нечего: все строки пропущены (причины в списке). Основная причина (строк: 3): Не удалось прочитать дату поступления: «март».',
    );
    expect(describeNothingImportable(plan.rows, 'kk')).toBe(
      'Көшіретін жол жоқ: барлық жол өткізіліп кетті (себептері тізімде). Негізгі себебі (3 жол): Түскен күнін оқу мүмкін емес: «март».',
    );
  });
});

describe('a two-row header saved as CSV (no merged cells left)', () => {
  it('takes «Заявитель;;» over «Ф.И.О.;Адрес;Телефон» as a group over three columns', async () => {
    const lines = [
      'Журнал регистрации обращений граждан;;;;;;',
      '№ п/п;Дата поступления;Заявитель;;;Краткое содержание;Результат рассмотрения',
      ';;Ф.И.О.;Адрес;Телефон;;',
      '1;2;3;4;5;6;7',
      '1;05.03.2025;Иванов Иван;г. Астана, ул. Мира 5;87011234567;Яма во дворе;',
      '2;06.03.2025;Петров Пётр;г. Астана;8 701 123 45 68;Шум по ночам;',
    ];
    const { rows, analysis, plan } = await outcome(encode1251(lines.join('\r\n')), 'журнал.csv');
    expect(analysis.header.rows).toEqual([2, 3]);
    expect(analysis.header.columns[3]!.label).toBe('Заявитель / Адрес');
    expect(analysis.mapping.columns).toMatchObject({ fullName: 2, address: 3, phone: 4, text: 5 });
    expect(rows).toEqual({
      1: 'title',
      4: 'column_numbers',
      5: '2025-03-05 Иванов Иван +77011234567',
      6: '2025-03-06 Петров Пётр +77011234568',
    });
    expect(plan.applicants.find((a) => a.fullName === 'Иванов Иван')!.address).toMatchObject({
      locality: 'Астана',
      street: 'Мира',
      building: '5',
    });
  });
});
