/**
 * One value for several rows, merged down over them — a day's date over that day's appeals,
 * a village over the appeals from it — in every format that keeps merges: each row it spans
 * is imported with it.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { spreadMergedDown } from '@shared/journal/merges';
import { cellText, type Sheet } from '@shared/journal/model';
import { rowFingerprint } from '@shared/journal/plan';
import { readJournalFile } from '@shared/journal/read';
import { docx, esc, row, tbl, tc, tr } from './docx';
import { planFile } from './helpers';

const HEADER = ['№', 'Күні', 'Аты-жөні', 'Елді мекен', 'Қысқаша мазмұны'];
/** Row by row: number, date (null: merged from above), name, village (null: merged), text. */
const BODY: [number, string | null, string, string | null, string][] = [
  [1, '05.03.2025', 'Асанов Бекзат', 'Қосшы', 'Жол жөндеу'],
  [2, null, 'Серікова Ая', null, 'Су жоқ'],
  [3, null, 'Иванов Иван', 'Талапкер', 'Нет света'],
  [4, '06.03.2025', 'Ким Анна', null, 'Аулада балалар алаңы жоқ'],
];
const EXPECTED = [
  '2025-03-05 Асанов Бекзат Қосшы',
  '2025-03-05 Серікова Ая Қосшы',
  '2025-03-05 Иванов Иван Талапкер',
  '2025-03-06 Ким Анна Талапкер',
];

async function imported(bytes: Uint8Array, fileName: string): Promise<string[]> {
  const { plan } = await planFile(bytes, fileName);
  const applicants = new Map(plan.applicants.map((a) => [a.id, a]));
  expect(plan.rows.filter((r) => r.status !== 'imported')).toEqual([]);
  return plan.appeals.map((a) => {
    const who = applicants.get(a.applicantId!)!;
    return `${a.receivedAt.slice(0, 10)} ${who.fullName} ${who.address.locality}`;
  });
}

async function xlsxJournal(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2025');
  ws.getRow(1).values = HEADER;
  BODY.forEach((r, i) => {
    ws.getRow(i + 2).values = r;
  });
  ws.mergeCells('B2:B4');
  ws.mergeCells('D2:D3');
  ws.mergeCells('D4:D5');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('a value merged down over several rows', () => {
  it('is each row’s value in an .xlsx (a date, a village)', async () => {
    expect(await imported(await xlsxJournal(), 'журнал.xlsx')).toEqual(EXPECTED);
  });

  it('leaves a row’s fingerprint as it was when merged cells were read as empty', async () => {
    // A journal imported before merges were spread gave row 5 (its own date, the village
    // merged from above) the fingerprint of the row with that cell empty; imported again, it
    // must find that row imported, not bring it in twice.
    const workbook = await readJournalFile(await xlsxJournal(), 'журнал.xlsx');
    const rows = workbook.sheets[0]!.rows;
    const spread = rows.filter((r) => r.cells.some((c) => c?.mergedDown));
    expect(spread.map((r) => r.n)).toEqual([3, 4, 5]);
    for (const r of rows) {
      const asBefore = { ...r, cells: r.cells.map((c) => (c?.mergedDown ? null : c)) };
      expect(rowFingerprint(r), `row ${r.n}`).toBe(rowFingerprint(asBefore));
    }
    // The spread value is still the row's value for everything else.
    expect(cellText(rows.find((r) => r.n === 5)!.cells[3])).toBe('Талапкер');
  });

  it('is each row’s value in an .ods (table:number-rows-spanned, covered cells)', async () => {
    const s = (text: string, rows = 1) =>
      `<table:table-cell office:value-type="string"${rows > 1 ? ` table:number-rows-spanned="${rows}"` : ''}><text:p>${esc(text)}</text:p></table:table-cell>`;
    const date = (iso: string, rows: number) =>
      `<table:table-cell office:value-type="date" office:date-value="${iso}" table:number-rows-spanned="${rows}"><text:p>${iso}</text:p></table:table-cell>`;
    const covered = '<table:covered-table-cell/>';
    const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
    const content = [
      '<table:table table:name="Наурыз">',
      row(...HEADER.map((h) => s(h))),
      row(s('1'), date('2025-03-05', 3), s('Асанов Бекзат'), s('Қосшы', 2), s('Жол жөндеу')),
      row(s('2'), covered, s('Серікова Ая'), covered, s('Су жоқ')),
      row(s('3'), covered, s('Иванов Иван'), s('Талапкер', 2), s('Нет света')),
      row(s('4'), date('2025-03-06', 1), s('Ким Анна'), covered, s('Аулада балалар алаңы жоқ')),
      '</table:table>',
    ].join('');
    const bytes = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${content}</office:spreadsheet></office:body></office:document-content>`,
      ),
    });
    expect(await imported(bytes, 'журнал.ods')).toEqual(EXPECTED);
  });

  it('is each row’s value in a Word table (w:vMerge) and a Writer table', async () => {
    const cell = (text: string | null, merged: boolean) =>
      text === null
        ? tc('', { vMerge: 'continue' })
        : tc(text, merged ? { vMerge: 'restart' } : {});
    const word = docx(
      tbl(5, [
        row(...HEADER),
        ...BODY.map(([n, date, name, place, text], i) =>
          tr([tc(String(n)), cell(date, i === 0), tc(name), cell(place, place !== null), tc(text)]),
        ),
      ]),
    );
    expect(await imported(word, 'журнал.docx')).toEqual(EXPECTED);

    const c = (text: string, rows = 1) =>
      `<table:table-cell office:value-type="string"${rows > 1 ? ` table:number-rows-spanned="${rows}"` : ''}><text:p>${esc(text)}</text:p></table:table-cell>`;
    const covered = '<table:covered-table-cell/>';
    const row2 = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
    const table = [
      '<table:table table:name="Кесте1"><table:table-column table:number-columns-repeated="5"/>',
      row2(...HEADER.map((h) => c(h))),
      row2(c('1'), c('05.03.2025', 3), c('Асанов Бекзат'), c('Қосшы', 2), c('Жол жөндеу')),
      row2(c('2'), covered, c('Серікова Ая'), covered, c('Су жоқ')),
      row2(c('3'), covered, c('Иванов Иван'), c('Талапкер', 2), c('Нет света')),
      row2(c('4'), c('06.03.2025'), c('Ким Анна'), covered, c('Аулада балалар алаңы жоқ')),
      '</table:table>',
    ].join('');
    const writer = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${table}</office:text></office:body></office:document-content>`,
      ),
    });
    expect(await imported(writer, 'журнал.odt')).toEqual(EXPECTED);
  });

  it('spreads down only, into rows that hold values, and never over a value', () => {
    const sheet: Sheet = {
      name: 'x',
      rows: [
        { n: 1, cells: [{ t: 'text', v: 'Қаңтар' }] },
        {
          n: 2,
          cells: [
            { t: 'date', v: '2025-01-10T00:00:00' },
            { t: 'text', v: 'А' },
          ],
        },
        { n: 3, cells: [null, { t: 'text', v: 'Б' }] },
        // Row 4 holds nothing: it stays out.
        {
          n: 5,
          cells: [
            { t: 'text', v: 'свой' },
            { t: 'text', v: 'В' },
          ],
        },
      ],
      // A title across three columns; a date merged down over rows 2–5.
      merges: [
        { top: 1, bottom: 1, left: 1, right: 3 },
        { top: 2, bottom: 5, left: 1, right: 1 },
      ],
      columnCount: 2,
      date1904: false,
    };
    const out = spreadMergedDown(sheet);
    expect(out.rows.map((r) => [r.n, r.cells.map((c) => c?.v ?? null)])).toEqual([
      [1, ['Қаңтар']],
      [2, ['2025-01-10T00:00:00', 'А']],
      [3, ['2025-01-10T00:00:00', 'Б']],
      [5, ['свой', 'В']],
    ]);
    expect(out.merges).toEqual(sheet.merges);
    // The sheet given is not changed.
    expect(sheet.rows[2]!.cells[0]).toBeNull();
    const plain = { ...sheet, merges: [sheet.merges[0]!] };
    expect(spreadMergedDown(plain)).toBe(plain);
  });
});
