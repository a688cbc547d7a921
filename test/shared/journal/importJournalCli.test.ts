import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

import { parseExportFile } from '@shared/export';
import { russianTwoRowHeader, untunedLayout } from '@test/fixtures/journals/build';
import { docx, p, row, tbl } from './docx';

const dir = mkdtempSync(join(tmpdir(), 'import-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import-journal.mjs', ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stderr: result.stderr };
}

const NOW = ['--now', '2026-11-20T06:00:00Z'];

describe('npm run import-journal', { timeout: 240_000 }, () => {
  it('imports a journal into a new export, reports it, and adds nothing the second time', async () => {
    const journal = await russianTwoRowHeader();
    const file = join(dir, journal.fileName);
    writeFileSync(file, journal.bytes);
    const out = join(dir, 'out.json');
    const report = join(dir, 'report.json');
    const first = run('--file', file, '--out', out, '--report', report, '--lang', 'ru', ...NOW);
    expect(first.stderr).toContain('5 imported');
    expect(first.code).toBe(0);
    const parsed = parseExportFile(JSON.parse(readFileSync(out, 'utf8')), {
      now: new Date('2026-11-20T06:00:00Z'),
    });
    if (!parsed.ok) throw new Error('invalid export');
    expect(parsed.file.tables.appeals.map((a) => a.regNo)).toEqual([
      '2026-0001',
      '2026-0002',
      '2026-0003',
      '2026-0004',
      '2026-0005',
    ]);
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.header.rows).toEqual([4, 5]);
    expect(r.mapping.columns.receivedDate).toEqual({ column: 'B', label: 'Дата поступления' });
    expect(r.counts).toMatchObject({ imported: 5, skipped: 6 });
    expect(r.skipped.map((s: { row: number; code: string }) => [s.row, s.code])).toEqual([
      [1, 'title'],
      [2, 'title'],
      [6, 'column_numbers'],
      [7, 'section'],
      [11, 'empty'],
      [14, 'totals'],
    ]);
    expect(r.skipped[5].reason.ru).toContain('Итого');

    const out2 = join(dir, 'out2.json');
    const second = run('--file', file, '--data', out, '--out', out2, '--report', report, ...NOW);
    expect(second.code).toBe(0);
    const again = JSON.parse(readFileSync(out2, 'utf8'));
    expect(again.tables.appeals).toHaveLength(5);
    expect(JSON.parse(readFileSync(report, 'utf8')).counts).toMatchObject({
      imported: 0,
      alreadyImported: 5,
    });
  });

  it('takes a mapping file with columns by letter or header', async () => {
    const journal = await untunedLayout();
    const file = join(dir, journal.fileName);
    writeFileSync(file, journal.bytes);
    const mapping = join(dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        columns: { receivedDate: 'B', nameAddress: 'C', text: 'Суть вопроса', journalNo: 'A' },
      }),
    );
    const report = join(dir, 'r2.json');
    const result = run(
      '--file',
      file,
      '--sheet',
      'Реестр 2026',
      '--mapping',
      mapping,
      '--out',
      join(dir, 'o2.json'),
      '--report',
      report,
      ...NOW,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).mapping.columns.text.label).toBe(
      'Суть вопроса',
    );
  });

  it('names the other sheets under the same columns, takes each by --sheet into the same export, or all with --sheets all', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, dates] of [
      ['Январь', ['10.01.2025', '13.01.2025']],
      ['Февраль', ['03.02.2025', '04.02.2025', '05.02.2025']],
    ] as const) {
      const ws = wb.addWorksheet(name);
      ws.getRow(1).values = ['№ п/п', 'Дата пост.', 'Ф.И.О.', 'Тел.', 'Кр. содерж.'];
      dates.forEach((d, i) => {
        ws.getRow(i + 2).values = [i + 1, d, 'Ким Анна', 87011234567, `${name}: вопрос ${i + 1}`];
      });
    }
    const file = join(dir, 'месяцы.xlsx');
    writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const out = join(dir, 'months.json');
    const report = join(dir, 'months-report.json');
    const first = run('--file', file, '--out', out, '--report', report, ...NOW);
    expect(first.code).toBe(0);
    // The first month is offered first (not the longest sheet): months come in in order.
    expect(first.stderr).toContain('sheet «Январь»');
    expect(first.stderr).toContain('other sheets with the same columns');
    expect(JSON.parse(readFileSync(report, 'utf8')).otherSheets).toEqual([
      { name: 'Февраль', rows: 4 },
    ]);
    const out2 = join(dir, 'months2.json');
    const second = run(
      '--file',
      file,
      '--sheet',
      'Февраль',
      '--data',
      out,
      '--out',
      out2,
      '--report',
      report,
      ...NOW,
    );
    expect(second.code).toBe(0);
    const tables = JSON.parse(readFileSync(out2, 'utf8')).tables;
    expect(tables.appeals).toHaveLength(5);
    expect(tables.applicants).toHaveLength(1);

    // Every sheet under the same columns in one run.
    const out3 = join(dir, 'months3.json');
    const all = run('--file', file, '--sheets', 'all', '--out', out3, '--report', report, ...NOW);
    expect(all.code).toBe(0);
    expect(all.stderr).not.toContain('other sheets with the same columns');
    const both = JSON.parse(readFileSync(out3, 'utf8')).tables;
    // In the workbook's order: January's appeals first.
    expect(
      both.appeals.map((a: { regNo: string; receivedAt: string }) => [
        a.regNo,
        a.receivedAt.slice(0, 10),
      ]),
    ).toEqual([
      ['2025-0001', '2025-01-10'],
      ['2025-0002', '2025-01-13'],
      ['2025-0003', '2025-02-03'],
      ['2025-0004', '2025-02-04'],
      ['2025-0005', '2025-02-05'],
    ]);
    expect(both.applicants).toHaveLength(1);
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.sheets.map((x: { sheet: string }) => x.sheet)).toEqual(['Январь', 'Февраль']);
    expect(r.otherSheets).toEqual([]);
    expect(run('--file', file, '--sheets', 'some', '--out', out3, '--report', report).code).toBe(2);
  });

  it('exits 2 on bad arguments, 3 on an unreadable file, 4 when nothing is importable', async () => {
    expect(run('--file', 'x.xlsx').code).toBe(2);
    expect(run('--file', 'x.xlsx', '--out', 'o', '--report', 'r', '--colour', 'red').code).toBe(2);
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const refused = run(
      '--file',
      xls,
      '--out',
      join(dir, 'o.json'),
      '--report',
      join(dir, 'r.json'),
    );
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('.xlsx');
    const csv = join(dir, 'future.csv');
    writeFileSync(csv, 'Дата;ФИО;Содержание обращения\n01.01.2031;Иванов;Вопрос\n');
    const nothing = run(
      '--file',
      csv,
      '--out',
      join(dir, 'o3.json'),
      '--report',
      join(dir, 'r3.json'),
      ...NOW,
    );
    expect(nothing.code).toBe(4);
    expect(nothing.stderr).toContain(
      'Переносить нечего: все строки пропущены (причины в списке). Основная причина (строк: 1): Дата поступления в будущем: 01.01.2031.',
    );
    expect(nothing.stderr).toContain('Көшіретін жол жоқ');
  });

  it('imports a Word journal, and refuses a .doc and a document without a table', () => {
    const file = join(dir, 'журнал.docx');
    writeFileSync(
      file,
      docx(
        [
          p('Журнал регистрации обращений граждан'),
          p('Март 2025'),
          tbl(4, [
            row('№', 'Дата поступления', 'Ф.И.О. заявителя', 'Содержание обращения'),
            row('1', '05.03.2025', 'Иванов Иван', 'Яма во дворе'),
          ]),
          p('Апрель 2025'),
          tbl(4, [
            row('№', 'Дата поступления', 'Ф.И.О. заявителя', 'Содержание обращения'),
            row('2', '5 апреля 2025 г.', 'Петрова Ольга', 'Нет света в подъезде'),
          ]),
        ].join(''),
      ),
    );
    const out = join(dir, 'word.json');
    const report = join(dir, 'word-report.json');
    const result = run('--file', file, '--out', out, '--report', report, ...NOW);
    expect(result.stderr).toContain('2 imported');
    expect(result.code).toBe(0);
    const parsed = parseExportFile(JSON.parse(readFileSync(out, 'utf8')), {
      now: new Date('2026-11-20T06:00:00Z'),
    });
    if (!parsed.ok) throw new Error('invalid export');
    expect(parsed.file.tables.appeals.map((a) => [a.receivedAt.slice(0, 10), a.text])).toEqual([
      ['2025-03-05', 'Яма во дворе'],
      ['2025-04-05', 'Нет света в подъезде'],
    ]);
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.skipped.map((s: { row: number; code: string }) => [s.row, s.code])).toEqual([
      [1, 'title'],
      [2, 'title'],
      [5, 'section'],
    ]);

    const doc = join(dir, 'журнал.doc');
    writeFileSync(doc, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const old = run('--file', doc, '--out', join(dir, 'o4.json'), '--report', join(dir, 'r4.json'));
    expect(old.code).toBe(3);
    expect(old.stderr).toContain('Документ Word (.docx)');
    const letter = join(dir, 'хат.docx');
    writeFileSync(letter, docx(p('Құрметті депутат!')));
    const none = run(
      '--file',
      letter,
      '--out',
      join(dir, 'o5.json'),
      '--report',
      join(dir, 'r5.json'),
    );
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('В документе нет таблицы');
    expect(none.stderr).toContain('Құжатта кесте жоқ');
  });
});
