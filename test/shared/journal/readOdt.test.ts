import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { detectJournalFile } from '@shared/journal/detect';
import { esc } from './docx';
import { planFile } from './helpers';

/** A Writer document as LibreOffice saves it: the mimetype first and stored, content.xml. */
function odt(body: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
  });
}

const p = (text: string) => `<text:p text:style-name="P1">${esc(text)}</text:p>`;
const c = (content: string, attrs = '') =>
  `<table:table-cell table:style-name="A1" office:value-type="string"${attrs}>${content.startsWith('<') ? content : p(content)}</table:table-cell>`;
const covered = '<table:covered-table-cell/>';
const tr = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;

/** «Заявитель» over «Ф.И.О. / Адрес / Телефон»; «№», «Дата», «Содержание» span two rows. */
const header = `<table:table-header-rows>${tr(
  c('№ п/п', ' table:number-rows-spanned="2"'),
  c('Дата поступления', ' table:number-rows-spanned="2"'),
  c('Заявитель', ' table:number-columns-spanned="3"'),
  covered,
  covered,
  c('Краткое содержание обращения', ' table:number-rows-spanned="2"'),
)}${tr(covered, covered, c('Ф.И.О.'), c('Адрес'), c('Телефон'), covered)}</table:table-header-rows>`;

const table = (name: string, ...rows: string[]) =>
  `<table:table table:name="${name}"><table:table-column table:number-columns-repeated="6"/>${header}${rows.join('')}</table:table>`;

describe('a LibreOffice Writer (.odt) journal', () => {
  it('is read as a Word journal: monthly tables one sheet, spans, tracked changes', async () => {
    const bytes = odt(
      [
        '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Секретарь</dc:creator></office:change-info><text:p>Сидоров</text:p></text:deletion></text:changed-region></text:tracked-changes>',
        '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>',
        p('ЖУРНАЛ регистрации обращений граждан'),
        '<text:h text:outline-level="2">Март 2025</text:h>',
        table(
          'Таблица1',
          tr(
            c('1'),
            c('05.03.2025'),
            c('<text:p><text:change text:change-id="ct1"/>Иванов<text:s/>Иван</text:p>'),
            c(`${p('г. Астана')}${p('ул. Мира 7, кв. 3')}`),
            c('8 701 123 45 67'),
            c(
              '<text:p>Крыша течёт<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>сноска</text:p></text:note-body></text:note><text:line-break/>в двух подъездах</text:p>',
            ),
          ),
        ),
        '<text:h text:outline-level="2">Апрель 2025</text:h>',
        table(
          'Таблица2',
          tr(c('2'), c('07.04.25'), c('Петрова Ольга'), c('г. Косшы'), c(''), c('Нет скамеек')),
        ),
        p('Депутат ____________'),
      ].join(''),
    );
    expect(detectJournalFile(bytes, 'журнал.odt')).toBe('odt');
    const { workbook, analysis, plan } = await planFile(bytes, 'журнал.odt');
    expect(workbook.kind).toBe('odt');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['журнал']);
    if (!analysis.ok) throw new Error('no header');
    expect(analysis.header.rows).toEqual([3, 4]);
    expect(analysis.header.columns.map((x) => x.label)).toEqual([
      '№ п/п',
      'Дата поступления',
      'Заявитель / Ф.И.О.',
      'Заявитель / Адрес',
      'Заявитель / Телефон',
      'Краткое содержание обращения',
    ]);
    expect(plan.rows.map((x) => [x.n, x.status, x.reason?.code ?? null])).toEqual([
      [1, 'skipped', 'title'],
      [2, 'skipped', 'title'],
      [5, 'imported', null],
      [6, 'skipped', 'section'],
      [7, 'imported', null],
    ]);
    const applicants = new Map(plan.applicants.map((a) => [a.id, a]));
    expect(
      plan.appeals.map((a) => {
        const who = applicants.get(a.applicantId!)!;
        return [a.receivedAt.slice(0, 10), who.fullName, who.phones, who.address, a.text];
      }),
    ).toEqual([
      [
        '2025-03-05',
        'Иванов Иван',
        ['+77011234567'],
        { locality: 'Астана', district: '', street: 'Мира', building: '7', flat: '3' },
        'Крыша течёт\nв двух подъездах',
      ],
      [
        '2025-04-07',
        'Петрова Ольга',
        [],
        { locality: 'Косшы', district: '', street: '', building: '', flat: '' },
        'Нет скамеек',
      ],
    ]);
  });
});
