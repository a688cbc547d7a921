/**
 * Word documents written by hand for the tests: the XML parts Word writes (a main part with
 * the `w:` namespace, content types, the package relationship), zipped with fflate.
 */
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run of text (spaces kept, as Word writes it). */
export function r(text: string, props = ''): string {
  return `<w:r w:rsidR="00A1B2C3">${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph of runs or plain text. */
export function p(...content: string[]): string {
  const body = content.map((c) => (c.startsWith('<') ? c : r(c))).join('');
  return `<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6"><w:pPr><w:spacing w:after="0"/><w:rPr><w:lang w:val="kk-KZ"/></w:rPr></w:pPr>${body}</w:p>`;
}

export interface CellOptions {
  span?: number;
  vMerge?: 'restart' | 'continue';
}

/** A cell: its paragraphs (plain strings are paragraphs of their own). */
export function tc(content: string | string[], options: CellOptions = {}): string {
  const paragraphs = (Array.isArray(content) ? content : [content]).map((c) =>
    c.startsWith('<') ? c : p(c),
  );
  const props = [
    '<w:tcW w:w="1800" w:type="dxa"/>',
    options.span ? `<w:gridSpan w:val="${options.span}"/>` : '',
    options.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '',
    options.vMerge === 'continue' ? '<w:vMerge/>' : '',
  ].join('');
  // Word writes an empty paragraph in every cell, even a merged-away one.
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs.join('') || p()}</w:tc>`;
}

export function tr(cells: string[], options: { header?: boolean } = {}): string {
  const props = options.header ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
  return `<w:tr w:rsidR="00112233">${props}${cells.join('')}</w:tr>`;
}

/** A row of plain-text cells. */
export function row(...texts: string[]): string {
  return tr(texts.map((t) => tc(t)));
}

export function tbl(columns: number, rows: string[]): string {
  const grid = Array.from({ length: columns }, () => '<w:gridCol w:w="1800"/>').join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>${body}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>`;
}

/** A .docx whose body is `body`; `parts` replaces or drops (null) parts of the package. */
export function docx(body: string, parts: Record<string, string | null> = {}): Uint8Array {
  const files: Record<string, string | null> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': documentXml(body),
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"/>`,
    ...parts,
  };
  const zip: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) if (text !== null) zip[name] = strToU8(text);
  return zipSync(zip);
}

/** «Өтініш беруші» over «аты-жөні / мекенжайы / телефоны»; the others merged down. */
export const kazakhHeader = [
  tr(
    [
      tc('№ р/с', { vMerge: 'restart' }),
      tc('Түскен күні', { vMerge: 'restart' }),
      tc('Өтініш беруші', { span: 3 }),
      tc('Өтініштің қысқаша мазмұны', { vMerge: 'restart' }),
    ],
    { header: true },
  ),
  tr(
    [
      tc('', { vMerge: 'continue' }),
      tc('', { vMerge: 'continue' }),
      tc('аты-жөні'),
      tc('мекенжайы'),
      tc('телефоны'),
      tc('', { vMerge: 'continue' }),
    ],
    { header: true },
  ),
];

/** A Kazakh office's journal: one table a month, the month's name above each. */
/** The journal of March and April; `more` adds tables (a later month) before the signature. */
export function kazakhJournal(more = ''): Uint8Array {
  const deleted =
    '<w:del w:id="1" w:author="Хатшы" w:date="2025-03-05T10:00:00Z"><w:r><w:delText xml:space="preserve">Ахметова </w:delText></w:r></w:del>';
  const inserted =
    '<w:ins w:id="2" w:author="Хатшы" w:date="2025-03-05T10:00:00Z"><w:r><w:t>Гүлнар</w:t></w:r></w:ins>';
  const control = (text: string) =>
    `<w:sdt><w:sdtPr><w:alias w:val="Аты-жөні"/><w:tag w:val="name"/></w:sdtPr><w:sdtContent>${p(text)}</w:sdtContent></w:sdt>`;
  return docx(
    [
      p('Азаматтардың өтініштерін тіркеу журналы'),
      p(''),
      p('Наурыз 2025'),
      tbl(6, [
        ...kazakhHeader,
        tr([
          tc('1'),
          tc('05.03.2025'),
          tc(p(r('Сейтқалиева '), deleted, inserted)),
          tc(['Астана қ.', 'Абай көшесі, 10-үй, 5-пәтер']),
          tc('8 701 123 45 67'),
          tc(['Аулада жарық жоқ.', 'Бағаналар сынған.']),
        ]),
        tr([
          tc('2'),
          tc('5 наурыз 2025 ж.'),
          tc(control('Нұрланов Дәурен')),
          tc('Астана қ., Кенесары к-сі, 3'),
          tc('+7 702 555 66 77'),
          tc(
            p(
              r('«Жылу» & су'),
              '<w:r><w:br/></w:r>',
              r('жоқ,'),
              '<w:r><w:tab/></w:r>',
              r('екі апта'),
            ),
          ),
        ]),
        // An empty row Word keeps at the end of a month's table.
        row('', '', '', '', '', ''),
      ]),
      p('Сәуір 2025'),
      tbl(6, [
        ...kazakhHeader,
        row('3', '07.04.25', 'Оспанова Айгүл', 'Қосшы қ.', '87015554433', 'Жол жөндеу керек'),
        row('4', '10.04.2025', 'Серікбаев Қанат', 'Астана қ.', '', 'Балалар алаңы жоқ'),
      ]),
      more,
      p('Депутат __________ Омаров Б.'),
    ].join(''),
  );
}
