import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { DEFAULT_TOPICS } from '@shared/domain/topics';
import { analyseSheet } from '@shared/journal/analyse';
import { describeFileProblem, SHEET_MESSAGES } from '@shared/journal/messages';
import { MAX_JOURNAL_ROWS } from '@shared/journal/model';
import { readJournalFile } from '@shared/journal/read';
import { problemOf } from './helpers';

/** An OLE compound file header followed by directory names, as Excel writes them (UTF-16LE). */
function oleFile(...streams: string[]): Uint8Array {
  const parts = [
    Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    new Uint8Array(504),
  ];
  for (const name of streams) {
    const entry = new Uint8Array(128);
    for (let i = 0; i < name.length; i++) entry[i * 2] = name.charCodeAt(i);
    parts.push(entry);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A minimal .xlsx written by hand, with `rows` rows on its one sheet (fast even for 200,000). */
function bigXlsx(rows: number): Uint8Array {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++)
    body.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Жол ${r}</t></is></c></row>`);
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Журнал" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`,
    ),
  });
}

describe('files that are not a journal get a clear reason', () => {
  it.each([
    [
      'an old .xls',
      oleFile('Root Entry', 'Workbook', 'SummaryInformation'),
      'журнал.xls',
      'old_excel',
    ],
    [
      'a password-protected .xlsx',
      oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage'),
      'журнал.xlsx',
      'encrypted',
    ],
    ['a PDF', strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'есеп.pdf', 'not_spreadsheet'],
    [
      'a Word document without a table',
      zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'word/document.xml': strToU8('<w/>') }),
      'хат.docx',
      'no_table',
    ],
    [
      'an .ods table without a sheet',
      zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
        'content.xml': strToU8('<x/>'),
      }),
      'журнал.ods',
      'no_sheets',
    ],
    [
      'an OpenDocument text (.odt) without a table',
      zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.text'),
        'content.xml': strToU8('<x/>'),
      }),
      'хат.odt',
      'no_table',
    ],
    [
      'an OpenDocument drawing',
      zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.graphics'),
        'content.xml': strToU8('<x/>'),
      }),
      'сурет.odg',
      'not_spreadsheet',
    ],
    [
      'an .xlsb workbook',
      zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'xl/workbook.bin': new Uint8Array(8) }),
      'журнал.xlsb',
      'xlsb',
    ],
    [
      'a photo',
      Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]),
      'scan.jpg',
      'not_spreadsheet',
    ],
    ['an empty file', new Uint8Array(0), 'журнал.xlsx', 'empty_file'],
    [
      'a damaged .xlsx',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      'журнал.xlsx',
      'unreadable',
    ],
  ])('%s', async (_what, bytes, fileName, code) => {
    const problem = await problemOf(bytes, fileName);
    expect(problem.code).toBe(code);
    const kk = describeFileProblem(problem, 'kk');
    const ru = describeFileProblem(problem, 'ru');
    expect(kk).not.toBe(ru);
    expect(kk.length).toBeGreaterThan(5);
    expect(ru.length).toBeGreaterThan(5);
  });

  it('refuses an .xlsx with a part lost, rather than reading its sheets as empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Анықтама').getCell('A1').value = 'Журналды көмекші жүргізеді';
    const ws = wb.addWorksheet('Журнал');
    ws.addRow(['№', 'Дата поступления', 'ФИО', 'Содержание']);
    ws.addRow([1, '05.03.2025', 'Иванов Иван', 'Яма во дворе']);
    const whole = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const without = (part: string) => {
      const files = { ...whole };
      expect(files[part], part).toBeDefined();
      delete files[part];
      return zipSync(files);
    };
    for (const part of ['xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml']) {
      const problem = await problemOf(without(part), 'журнал.xlsx');
      expect(problem.code, part).toBe('unreadable');
      expect(describeFileProblem(problem, 'ru')).toContain('повреждён');
      expect(describeFileProblem(problem, 'kk')).toContain('зақымдалған');
    }
  });

  it('tells to save an .xls as .xlsx, a .doc as .docx, and how to remove a password', async () => {
    expect(describeFileProblem({ code: 'old_excel' }, 'ru')).toContain('.xlsx');
    expect(describeFileProblem({ code: 'old_word' }, 'kk')).toContain('.docx');
    expect(describeFileProblem({ code: 'encrypted' }, 'ru')).toContain('пароль');
  });

  it('refuses a sheet of 200,000 rows with the number and the limit, before reading it', async () => {
    const problem = await problemOf(bigXlsx(200_000), 'журнал.xlsx');
    expect(problem).toEqual({ code: 'too_many_rows', sheet: 'Журнал', rows: 200_000 });
    expect(describeFileProblem(problem, 'ru')).toContain((200_000).toLocaleString('ru-RU'));
    expect(describeFileProblem(problem, 'ru')).toContain(MAX_JOURNAL_ROWS.toLocaleString('ru-RU'));
  }, 60_000);

  it('refuses a CSV of 200,000 rows too', async () => {
    const lines = ['Дата;ФИО;Содержание'];
    for (let i = 0; i < 200_000; i++) lines.push(`05.03.2026;Иванов ${i};Вопрос ${i}`);
    const problem = await problemOf(strToU8(lines.join('\n')), 'журнал.csv');
    expect(problem.code).toBe('too_many_rows');
  }, 60_000);

  it('reads a sheet of exactly 100,000 rows', async () => {
    const workbook = await readJournalFile(bigXlsx(MAX_JOURNAL_ROWS), 'журнал.xlsx');
    expect(workbook.sheets[0]!.rows).toHaveLength(MAX_JOURNAL_ROWS);
  }, 120_000);

  it('says a sheet is empty, and that no header was found', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Бос');
    wb.addWorksheet('Сандар').addRow([1, 2, 3]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const workbook = await readJournalFile(bytes, 'журнал.xlsx');
    expect(analyseSheet(workbook, 'Бос', DEFAULT_TOPICS)).toMatchObject({
      ok: false,
      problem: 'empty_sheet',
    });
    expect(analyseSheet(workbook, 'Сандар', DEFAULT_TOPICS)).toMatchObject({
      ok: false,
      problem: 'no_header',
    });
    expect(SHEET_MESSAGES.empty_sheet.kk).not.toBe(SHEET_MESSAGES.empty_sheet.ru);
  });
});
