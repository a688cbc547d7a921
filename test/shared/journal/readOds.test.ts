import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { detectJournalFile } from '@shared/journal/detect';
import { describeFileProblem } from '@shared/journal/messages';
import { MAX_JOURNAL_ROWS } from '@shared/journal/model';
import { readJournalFile } from '@shared/journal/read';
import { esc } from './docx';
import { planFile, problemOf } from './helpers';

/** An .ods as LibreOffice writes it: the mimetype first and stored, content.xml, a manifest. */
function ods(tables: string, manifest = ''): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifest}</manifest:file-entry></manifest:manifest>`,
    ),
  });
}

const s = (text: string, attrs = '') =>
  `<table:table-cell office:value-type="string" calcext:value-type="string"${attrs}><text:p>${esc(text)}</text:p></table:table-cell>`;
const d = (date: string, shown: string) =>
  `<table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="${date}"><text:p>${shown}</text:p></table:table-cell>`;
const f = (n: number) =>
  `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`;
const covered = (n = 1) =>
  n === 1
    ? '<table:covered-table-cell/>'
    : `<table:covered-table-cell table:number-columns-repeated="${n}"/>`;
const pad = '<table:table-cell table:number-columns-repeated="1018"/>';
const tr = (...cells: string[]) => `<table:table-row>${cells.join('')}${pad}</table:table-row>`;

function kazakhJournal(): Uint8Array {
  const journal = [
    '<table:table table:name="Журнал 2025" table:style-name="ta1">',
    '<table:table-column table:number-columns-repeated="1024"/>',
    tr(
      s('Азаматтардың өтініштерін тіркеу журналы', ' table:number-columns-spanned="6"'),
      covered(5),
    ),
    '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>',
    '<table:table-header-rows>',
    tr(
      s('№', ' table:number-rows-spanned="2"'),
      s('Түскен күні', ' table:number-rows-spanned="2"'),
      s('Өтініш беруші', ' table:number-columns-spanned="3"'),
      covered(2),
      s('Өтініштің қысқаша мазмұны', ' table:number-rows-spanned="2"'),
    ),
    tr(covered(2), s('аты-жөні'), s('мекенжайы'), s('телефоны'), covered()),
    '</table:table-header-rows>',
    tr(
      f(1),
      d('2025-03-05', '05.03.2025'),
      '<table:table-cell office:value-type="string"><office:annotation><dc:creator>Хатшы</dc:creator><text:p>тексеру керек</text:p></office:annotation><text:p>Сейтқалиева<text:s/>Гүлнар</text:p></table:table-cell>',
      '<table:table-cell office:value-type="string"><text:p>Астана қ.</text:p><text:p>Абай көшесі, 10-үй,<text:s text:c="2"/>5-пәтер</text:p></table:table-cell>',
      s('8 701 123 45 67'),
      '<table:table-cell office:value-type="string"><text:p><text:span text:style-name="T1">Аулада</text:span> жарық<text:line-break/>жоқ<text:tab/>екі апта</text:p></table:table-cell>',
    ),
    tr(
      f(2),
      d('2025-03-06T10:30:00', '06.03.2025 10:30'),
      s('Иванов Пётр'),
      s('Астана қ., Кенесары к-сі, 3'),
      '<table:table-cell office:value-type="string"><text:p><text:a xlink:href="tel:+77025556677">+7 702 555 66 77</text:a></text:p></table:table-cell>',
      s('Жылу жоқ'),
    ),
    // The same appeal text in two rows is still two appeals; equal cells side by side are
    // written once, repeated.
    tr(f(3), s('07.04.25'), s('Оспанова Айгүл'), s('Қосшы қ.'), s('87015554433'), s('Жол жөндеу')),
    tr(
      f(4),
      d('2025-04-10', '10.04.2025'),
      s('Серікбаев Қанат'),
      s('Астана қ.', ' table:number-columns-repeated="2"'),
      s('Балалар алаңы жоқ'),
    ),
    '<table:table-row table:number-rows-repeated="1048566"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>',
    '</table:table>',
  ].join('');
  const staff = [
    '<table:table table:name="Қызметкерлер">',
    tr(s('Аты-жөні'), s('Лауазымы')),
    tr(
      s('Омаров Б.'),
      s('көмекші'),
      '<table:table-cell table:formula="of:=[.A1]/0" office:value-type="float"><text:p>#DIV/0!</text:p></table:table-cell>',
    ),
    '</table:table>',
  ].join('');
  return ods(journal + staff);
}

describe('an OpenDocument (.ods) journal', () => {
  it('is recognised by its mimetype, whatever its name', () => {
    expect(detectJournalFile(kazakhJournal(), 'журнал.ods')).toBe('ods');
    expect(detectJournalFile(kazakhJournal(), 'журнал.zip')).toBe('ods');
  });

  it('reads typed values, repeated and spanned cells, the sheet’s million empty rows', async () => {
    const workbook = await readJournalFile(kazakhJournal(), 'журнал.ods');
    expect(workbook.kind).toBe('ods');
    expect(workbook.sheets.map((x) => [x.name, x.rows.length])).toEqual([
      ['Журнал 2025', 7],
      ['Қызметкерлер', 2],
    ]);
    // A formula's error has no value: its text, not a zero.
    expect(workbook.sheets[1]!.rows[1]!.cells[2]).toEqual({
      t: 'text',
      v: '#DIV/0!',
      via: 'formula',
    });
    const sheet = workbook.sheets[0]!;
    expect(sheet.columnCount).toBe(6);
    expect(sheet.merges).toEqual([
      { top: 1, bottom: 1, left: 1, right: 6 },
      { top: 4, bottom: 5, left: 1, right: 1 },
      { top: 4, bottom: 5, left: 2, right: 2 },
      { top: 4, bottom: 4, left: 3, right: 5 },
      { top: 4, bottom: 5, left: 6, right: 6 },
    ]);
    const at = (n: number) => sheet.rows.find((x) => x.n === n)!.cells;
    expect(at(6)).toEqual([
      { t: 'number', v: 1 },
      { t: 'date', v: '2025-03-05T00:00:00' },
      { t: 'text', v: 'Сейтқалиева Гүлнар' },
      { t: 'text', v: 'Астана қ.\nАбай көшесі, 10-үй,  5-пәтер' },
      { t: 'text', v: '8 701 123 45 67' },
      { t: 'text', v: 'Аулада жарық\nжоқ екі апта' },
    ]);
    expect(at(7)[1]).toEqual({ t: 'date', v: '2025-03-06T10:30:00' });
    expect(at(7)[4]).toEqual({ t: 'text', v: '+7 702 555 66 77', via: 'hyperlink' });
    expect(at(9).map((c) => c?.v)).toEqual([
      4,
      '2025-04-10T00:00:00',
      'Серікбаев Қанат',
      'Астана қ.',
      'Астана қ.',
      'Балалар алаңы жоқ',
    ]);
  });

  it('imports its appeals through the whole import, as the command line does', async () => {
    const { analysis, plan } = await planFile(kazakhJournal(), 'журнал.ods');
    if (!analysis.ok) throw new Error('no header');
    expect(analysis.sheet.name).toBe('Журнал 2025');
    expect(analysis.header.rows).toEqual([4, 5]);
    expect(plan.rows.map((x) => [x.n, x.status, x.reason?.code ?? null])).toEqual([
      [1, 'skipped', 'title'],
      [6, 'imported', null],
      [7, 'imported', null],
      [8, 'imported', null],
      [9, 'imported', null],
    ]);
    const applicants = new Map(plan.applicants.map((a) => [a.id, a]));
    expect(
      plan.appeals.map((a) => {
        const who = applicants.get(a.applicantId!)!;
        return [a.receivedAt.slice(0, 16), who.fullName, who.phones, who.address.locality, a.text];
      }),
    ).toEqual([
      [
        '2025-03-05T09:00',
        'Сейтқалиева Гүлнар',
        ['+77011234567'],
        'Астана',
        'Аулада жарық\nжоқ екі апта',
      ],
      ['2025-03-06T10:30', 'Иванов Пётр', ['+77025556677'], 'Астана', 'Жылу жоқ'],
      ['2025-04-07T09:00', 'Оспанова Айгүл', ['+77015554433'], 'Қосшы', 'Жол жөндеу'],
      ['2025-04-10T09:00', 'Серікбаев Қанат', [], 'Астана', 'Балалар алаңы жоқ'],
    ]);
  });

  it('refuses a sheet of more than 100,000 rows with their number, a password, a damaged file', async () => {
    const rows = `<table:table-row table:number-rows-repeated="${MAX_JOURNAL_ROWS + 5}">${s('Жол')}</table:table-row>`;
    const big = await problemOf(
      ods(`<table:table table:name="Үлкен">${rows}</table:table>`),
      'ж.ods',
    );
    expect(big).toEqual({ code: 'too_many_rows', sheet: 'Үлкен', rows: MAX_JOURNAL_ROWS + 5 });
    const locked = await problemOf(
      ods('', '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>'),
      'ж.ods',
    );
    expect(locked.code).toBe('encrypted');
    const cut = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8(
        '<office:document-content><office:body><office:spreadsheet><table:table table:name="А"><table:table-row><table:table-cell office:value-type="str',
      ),
    });
    const damaged = await problemOf(cut, 'ж.ods');
    expect(damaged.code).toBe('unreadable');
    expect(describeFileProblem(damaged, 'kk')).toContain('зақымдалған');
  });
});
