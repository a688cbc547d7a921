import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { appealSchema, applicantSchema } from '@shared/domain';
import { DEFAULT_TOPICS } from '@shared/domain/topics';
import { analyseSheet, defaultSheetName } from '@shared/journal/analyse';
import { detectJournalFile } from '@shared/journal/detect';
import { describeFileProblem } from '@shared/journal/messages';
import { readJournalFile } from '@shared/journal/read';
import { docx, kazakhHeader, kazakhJournal, p, r, row, tbl, tc, tr } from './docx';
import { planFile, problemOf, registryAfter } from './helpers';

describe('a Word (.docx) journal', () => {
  it('is recognised by its bytes, whatever its name', () => {
    expect(detectJournalFile(kazakhJournal(), 'журнал.docx')).toBe('docx');
    expect(detectJournalFile(kazakhJournal(), 'журнал')).toBe('docx');
  });

  it('reads a journal kept as one table a month as one sheet, through the whole import', async () => {
    const bytes = kazakhJournal();
    const { workbook, analysis, plan } = await planFile(bytes, 'журнал 2025.docx');
    expect(workbook.kind).toBe('docx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['журнал 2025']);
    if (!analysis.ok) throw new Error('no header');
    expect(analysis.header.rows).toEqual([3, 4]);
    expect(analysis.header.columns.map((c) => c.label)).toEqual([
      '№ р/с',
      'Түскен күні',
      'Өтініш беруші / аты-жөні',
      'Өтініш беруші / мекенжайы',
      'Өтініш беруші / телефоны',
      'Өтініштің қысқаша мазмұны',
    ]);
    expect(analysis.mapping.columns).toMatchObject({
      journalNo: 0,
      receivedDate: 1,
      fullName: 2,
      address: 3,
      phone: 4,
      text: 5,
    });
    // The title and the first month's name above the header, the empty row at the end of
    // March, April's name; April's header rows are the header again and are not rows at all.
    expect(plan.rows.map((x) => [x.n, x.status, x.reason?.code ?? null])).toEqual([
      [1, 'skipped', 'title'],
      [2, 'skipped', 'title'],
      [5, 'imported', null],
      [6, 'imported', null],
      [7, 'skipped', 'empty'],
      [8, 'skipped', 'section'],
      [9, 'imported', null],
      [10, 'imported', null],
    ]);
    const applicants = new Map(plan.applicants.map((a) => [a.id, a]));
    const got = plan.appeals.map((a) => {
      const who = applicants.get(a.applicantId!)!;
      return {
        no: a.journalNo,
        date: a.receivedAt.slice(0, 10),
        name: who.fullName,
        phones: who.phones,
        address: who.address,
        text: a.text,
      };
    });
    expect(got).toEqual([
      {
        no: '1',
        date: '2025-03-05',
        // «Ахметова» was deleted with tracked changes, «Гүлнар» inserted.
        name: 'Сейтқалиева Гүлнар',
        phones: ['+77011234567'],
        // Two paragraphs of the cell: the place, then the street.
        address: { locality: 'Астана', district: '', street: 'Абай', building: '10', flat: '5' },
        text: 'Аулада жарық жоқ.\nБағаналар сынған.',
      },
      {
        no: '2',
        date: '2025-03-05',
        name: 'Нұрланов Дәурен',
        phones: ['+77025556677'],
        address: { locality: 'Астана', district: '', street: 'Кенесары', building: '3', flat: '' },
        text: '«Жылу» & су\nжоқ, екі апта',
      },
      {
        no: '3',
        date: '2025-04-07',
        name: 'Оспанова Айгүл',
        phones: ['+77015554433'],
        address: { locality: 'Қосшы', district: '', street: '', building: '', flat: '' },
        text: 'Жол жөндеу керек',
      },
      {
        no: '4',
        date: '2025-04-10',
        name: 'Серікбаев Қанат',
        phones: [],
        address: { locality: 'Астана', district: '', street: '', building: '', flat: '' },
        text: 'Балалар алаңы жоқ',
      },
    ]);
    for (const a of plan.applicants) expect(applicantSchema.safeParse(a).success).toBe(true);
    for (const a of plan.appeals) expect(appealSchema.safeParse(a).success).toBe(true);
  });

  it('adds only the new month when the journal is imported again with another table', async () => {
    const { plan: first } = await planFile(kazakhJournal(), 'журнал 2025.docx');
    const may =
      p('Мамыр 2025') +
      tbl(6, [...kazakhHeader, row('5', '12.05.2025', 'Ли Анна', 'Астана қ.', '', 'Аялдама жоқ')]);
    const { plan: again } = await planFile(kazakhJournal(may), 'журнал 2025.docx', {
      registry: registryAfter([first]),
    });
    expect(again.counts).toMatchObject({ imported: 1, alreadyImported: 4 });
    expect(again.appeals.map((a) => a.text)).toEqual(['Аялдама жоқ']);
  });

  it('gives the same cells as an .xlsx would: merges, merged-away cells empty', async () => {
    const sheet = (await readJournalFile(kazakhJournal(), 'ж.docx')).sheets[0]!;
    expect(sheet.merges).toEqual([
      { top: 3, bottom: 4, left: 1, right: 1 },
      { top: 3, bottom: 4, left: 2, right: 2 },
      { top: 3, bottom: 3, left: 3, right: 5 },
      { top: 3, bottom: 4, left: 6, right: 6 },
    ]);
    expect(sheet.rows.find((x) => x.n === 3)!.cells.map((c) => c?.v ?? null)).toEqual([
      '№ р/с',
      'Түскен күні',
      'Өтініш беруші',
      null,
      null,
      'Өтініштің қысқаша мазмұны',
    ]);
    expect(sheet.columnCount).toBe(6);
    // The signature under the last table is not part of the journal.
    expect(JSON.stringify(sheet.rows)).not.toContain('Омаров');
  });

  it('reads a Russian journal: text dates, links, nested tables, fields, hidden text', async () => {
    const link = `<w:hyperlink r:id="rId9" w:history="1">${r('ivanov@mail.kz', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`;
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "dd.MM.yy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      r('12.03.25') +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const hidden = r(' (черновик)', '<w:vanish/>');
    const nested = tbl(2, [row('Подъезд 1', 'течёт'), row('Подъезд 2', 'сухо')]);
    const alternate =
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>Просим</w:t></mc:Choice><mc:Fallback><w:t>Просим</w:t></mc:Fallback></mc:AlternateContent></w:r>';
    const placeholder =
      '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' +
      p('Место для ввода текста.') +
      '</w:sdtContent></w:sdt>';
    const bytes = docx(
      [
        p('ЖУРНАЛ'),
        p('регистрации обращений граждан'),
        tbl(6, [
          tr(
            [
              tc('№ п/п'),
              tc('Дата поступления'),
              tc('Ф.И.О. заявителя'),
              tc('Адрес, телефон'),
              tc('Краткое содержание обращения'),
              tc('Примечание'),
            ],
            { header: true },
          ),
          tr([
            tc('1'),
            tc('05.03.25'),
            tc(p(r('Иванов Иван'), hidden)),
            tc(['г. Астана, ул. Мира 7', p(link)]),
            tc([p(r('Крыша '), r('течёт <давно>')), nested]),
            tc(placeholder),
          ]),
          tr([
            tc('2'),
            tc(p(field)),
            tc('Петрова Ольга'),
            tc('г. Косшы, ул. Республики 12-4, 8 777 100 20 30'),
            tc(p(alternate, r(' установить скамейки'))),
            tc(''),
          ]),
        ]),
        p('Список исполнителей'),
        tbl(3, [
          row('Ф.И.О.', 'Должность', 'Телефон'),
          row('Ахметова А.', 'помощник депутата', '8 701 000 00 00'),
        ]),
      ].join(''),
    );
    const workbook = await readJournalFile(bytes, 'журнал.docx');
    // The staff list has other columns: a sheet of its own, named by its heading.
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      'ЖУРНАЛ регистрации обращений граждан',
      'Список исполнителей',
    ]);
    expect(defaultSheetName(workbook)).toBe('ЖУРНАЛ регистрации обращений граждан');
    const cells = workbook.sheets[0]!.rows.find((x) => x.n === 4)!.cells.map((c) => c?.v ?? null);
    expect(cells).toEqual([
      '1',
      '05.03.25',
      'Иванов Иван',
      'г. Астана, ул. Мира 7\nivanov@mail.kz',
      'Крыша течёт <давно>\nПодъезд 1\nтечёт\nПодъезд 2\nсухо',
      // The content control still shows its placeholder: nothing typed.
    ]);
    expect(workbook.sheets[0]!.rows.find((x) => x.n === 5)!.cells[4]?.v).toBe(
      'Просим установить скамейки',
    );

    const { plan } = await planFile(bytes, 'журнал.docx');
    expect(plan.rows.filter((x) => x.status === 'imported').map((x) => x.n)).toEqual([4, 5]);
    const applicants = new Map(plan.applicants.map((a) => [a.id, a]));
    const [first, second] = plan.appeals;
    expect(first!.receivedAt.slice(0, 10)).toBe('2025-03-05');
    expect(second!.receivedAt.slice(0, 10)).toBe('2025-03-12');
    expect(applicants.get(first!.applicantId!)!.fullName).toBe('Иванов Иван');
    expect(applicants.get(second!.applicantId!)).toMatchObject({
      fullName: 'Петрова Ольга',
      phones: ['+77771002030'],
      address: { locality: 'Косшы', street: 'Республики', building: '12', flat: '4' },
    });
  });

  it('reads a column of name, address and phone together, a date merged down, a date beside its number', async () => {
    const bytes = docx(
      p('Мәслихат депутатының қабылдауына келген азаматтардың өтініштерін тіркеу журналы') +
        tbl(5, [
          row(
            '№',
            'Күні',
            'Өтініш берушінің аты-жөні, мекенжайы, телефоны',
            'Өтініштің қысқаша мазмұны',
            'Қарау нәтижесі',
          ),
          row('1', '2', '3', '4', '5'),
          tr([
            tc('1'),
            tc('12.01.2024', { vMerge: 'restart' }),
            tc(['Асанов Бекзат', 'Қосшы қ., Абай к-сі 5', '8 707 123 45 67']),
            tc('Жол жөндеу'),
            tc(''),
          ]),
          tr([
            tc('2'),
            tc('', { vMerge: 'continue' }),
            tc(['Серікова Ая', 'Астана қ., Мәңгілік Ел 10-25', 'тел. 87011234569']),
            tc('Су жоқ'),
            tc(''),
          ]),
          tr([
            tc('3'),
            tc(['15.01.2024', 'кіріс № 45']),
            tc('Ким Анна, Талапкер ауылы, 87011112233'),
            tc('Жарық'),
            tc(''),
          ]),
        ]),
    );
    const { analysis, plan } = await planFile(bytes, 'журнал.docx');
    if (!analysis.ok) throw new Error('no header');
    expect(analysis.mapping.columns.nameAddress).toBe(2);
    expect(analysis.mapping.columns.fullName).toBeUndefined();
    const applicants = new Map(plan.applicants.map((a) => [a.id, a]));
    expect(
      plan.appeals.map((a) => {
        const who = applicants.get(a.applicantId!)!;
        return [a.receivedAt.slice(0, 10), who.fullName, who.address.locality, ...who.phones];
      }),
    ).toEqual([
      ['2024-01-12', 'Асанов Бекзат', 'Қосшы', '+77071234567'],
      ['2024-01-12', 'Серікова Ая', 'Астана', '+77011234569'],
      ['2024-01-15', 'Ким Анна', 'Талапкер', '+77011112233'],
    ]);
  });

  it('continues a sheet with a table without a header, as wide as the one before', async () => {
    const bytes = docx(
      [
        tbl(3, [
          row('Дата поступления', 'Ф.И.О.', 'Содержание обращения'),
          row('03.02.2025', 'Ким Виктор', 'Нет света в подъезде'),
        ]),
        p(''),
        p(
          'Журнал регистрации обращений граждан, поступивших депутату маслихата города Астаны, продолжение',
        ),
        tbl(3, [row('04.02.2025', 'Ли Анна', 'Яма во дворе')]),
      ].join(''),
    );
    const { workbook, plan } = await planFile(bytes, 'журнал.docx');
    expect(workbook.sheets).toHaveLength(1);
    expect(plan.appeals.map((a) => a.text)).toEqual(['Нет света в подъезде', 'Яма во дворе']);
    // The long heading between the tables is no row (it would read as an appeal without one).
    expect(plan.rows.filter((x) => x.status === 'skipped')).toEqual([]);
  });

  it('leaves out a row deleted with tracked changes, and old cell properties of a change', async () => {
    const deletedRow =
      '<w:tr><w:trPr><w:del w:id="7" w:author="Хатшы" w:date="2025-03-06T09:00:00Z"/></w:trPr>' +
      ['2', '06.03.2025', 'Қате жол', 'Қате жазылды']
        .map(
          (text) =>
            `<w:tc><w:p><w:del w:id="8" w:author="Хатшы"><w:r><w:delText>${text}</w:delText></w:r></w:del></w:p></w:tc>`,
        )
        .join('') +
      '</w:tr>';
    const changedCell =
      '<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:tcPrChange w:id="9" w:author="Хатшы"><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr></w:tcPrChange></w:tcPr>' +
      p(
        r(
          'Ли Анна',
          '<w:rPrChange w:id="10" w:author="Хатшы"><w:rPr><w:vanish/></w:rPr></w:rPrChange>',
        ),
      ) +
      '</w:tc>';
    const bytes = docx(
      tbl(4, [
        row('№', 'Дата поступления', 'Ф.И.О.', 'Содержание обращения'),
        row('1', '05.03.2025', 'Ким Виктор', 'Нет света'),
        deletedRow,
        tr([tc('3'), tc('07.03.2025'), changedCell, tc('Яма во дворе')]),
      ]),
    );
    const { workbook, plan } = await planFile(bytes, 'журнал.docx');
    expect(workbook.sheets[0]!.merges).toEqual([]);
    expect(plan.rows.map((x) => [x.n, x.status])).toEqual([
      [2, 'imported'],
      [3, 'imported'],
    ]);
    expect(plan.applicants.map((a) => a.fullName)).toEqual(['Ким Виктор', 'Ли Анна']);
  });

  it('skips a two-row header typed again inside the table', async () => {
    const bytes = docx(
      tbl(6, [
        ...kazakhHeader,
        row('1', '05.03.2025', 'Ким Виктор', 'Астана қ.', '', 'Жарық жоқ'),
        ...kazakhHeader,
        row('2', '06.03.2025', 'Ли Анна', 'Астана қ.', '', 'Су жоқ'),
      ]),
    );
    const { plan } = await planFile(bytes, 'журнал.docx');
    expect(plan.appeals.map((a) => a.text)).toEqual(['Жарық жоқ', 'Су жоқ']);
    expect(plan.rows.filter((x) => x.status === 'skipped')).toEqual([]);
  });
});

describe('Word files that cannot be read say why, in Kazakh and Russian', () => {
  /** An OLE compound file naming its streams (UTF-16LE), as Word writes them. */
  const ole = (...names: string[]): Uint8Array => {
    const bytes = new Uint8Array(512 + 128 * names.length);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    names.forEach((name, k) => {
      for (let i = 0; i < name.length; i++) bytes[512 + 128 * k + i * 2] = name.charCodeAt(i);
    });
    return bytes;
  };
  const oleDoc = () => ole('Root Entry', 'WordDocument', '1Table');

  it.each([
    ['an old .doc', oleDoc(), 'журнал.doc', 'old_word'],
    ['an old .doc named otherwise', oleDoc(), 'журнал.bin', 'old_word'],
    [
      'a password-protected .docx',
      ole('Root Entry', 'EncryptionInfo', 'EncryptedPackage'),
      'журнал.docx',
      'encrypted_word',
    ],
    ['an RTF named .doc', strToU8('{\\rtf1\\ansi Журнал}'), 'журнал.doc', 'old_word'],
    [
      'a document without a table',
      docx(p('Құрметті депутат!') + p('Өтініш…')),
      'хат.docx',
      'no_table',
    ],
    [
      'a .docx without word/document.xml',
      docx('', { 'word/document.xml': null }),
      'журнал.docx',
      'unreadable',
    ],
    [
      'a zip that is not a Word document',
      zipSync({ 'readme.txt': strToU8('сәлем') }),
      'журнал.docx',
      'not_spreadsheet',
    ],
    [
      'a .docx cut short between two tags',
      docx('', {
        'word/document.xml':
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Дата</w:t></w:r></w:p></w:tc></w:tr>',
      }),
      'журнал.docx',
      'unreadable',
    ],
    [
      'a .docx whose document.xml is cut short',
      docx('', { 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:tbl><w:tr' }),
      'журнал.docx',
      'unreadable',
    ],
  ])('%s', async (_what, bytes, fileName, code) => {
    const problem = await problemOf(bytes, fileName);
    expect(problem.code).toBe(code);
    const kk = describeFileProblem(problem, 'kk');
    const ru = describeFileProblem(problem, 'ru');
    expect(kk).not.toBe(ru);
    if (code === 'old_word') {
      expect(ru).toContain('.docx');
      expect(kk).toContain('.docx');
    }
    if (code === 'encrypted_word') {
      expect(ru).toContain('в Word с паролем');
      expect(kk).toContain('Word-та құпиясөзді');
    }
    if (code === 'no_table') {
      expect(ru).toContain('нет таблицы');
      expect(kk).toContain('кесте жоқ');
    }
  });

  it('says a document whose only table is empty has an empty sheet', async () => {
    const workbook = await readJournalFile(docx(tbl(3, [row('', '', '')])), 'бос.docx');
    expect(analyseSheet(workbook, undefined, DEFAULT_TOPICS)).toMatchObject({
      ok: false,
      problem: 'empty_sheet',
    });
  });
});
