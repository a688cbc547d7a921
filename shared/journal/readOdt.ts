import { JournalFileError, type Workbook } from './model';
import { isEncryptedOpenDocument, readXmlPart, unzipOfficeParts } from './officeParts';
import { tablesToSheets, type WordCell, type WordRow, type WordTable } from './readDocx';
import { attr, prefixOf, walkXml, XmlError, type XmlHandler } from './xml';

const NS = {
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
};

/** A row repeated more often than this is a layout artefact: it is read once. */
const MAX_ROW_REPEAT = 1000;

function count(attrs: string, name: string): number {
  return Math.max(1, Math.min(100_000, Number(attr(attrs, name)) || 1));
}

/**
 * The top-level tables of an OpenDocument text's content.xml (LibreOffice Writer), in the
 * shape the Word reader gives, and the paragraphs before each. What the document shows is
 * read: the record of tracked changes (deleted text lives there) and comments and footnotes
 * are left out; a table inside a cell gives its text as lines of that cell. Spanned cells
 * become the Word reader's spans and vertical merges (a covered cell under a cell spanning
 * rows continues it).
 */
function readOdtTables(xml: string): WordTable[] {
  const t = prefixOf(xml, [NS.table], 'table:');
  const o = prefixOf(xml, [NS.office], 'office:');
  const x = prefixOf(xml, [NS.text], 'text:');
  const tables: WordTable[] = [];
  let headings: string[] = [];
  let tableDepth = 0;
  let table: WordTable | null = null;
  let row: (WordRow & { repeat: number }) | null = null;
  let inHeaderRows = false;
  let col = 0;
  let hspanEnd = 0;
  let cell: (WordCell & { lines: string[]; repeat: number }) | null = null;
  const paragraphs: string[][] = [];
  let skip = 0;

  const push = (s: string) => {
    const p = paragraphs[paragraphs.length - 1];
    if (p !== undefined) p.push(s);
  };

  const handler: XmlHandler = {
    open(name, attrs, empty) {
      if (skip > 0) {
        if (!empty) skip++;
        return;
      }
      if (
        name === `${x}tracked-changes` ||
        name === `${x}note` ||
        name === `${o}annotation` ||
        name === `${x}sequence-decls`
      ) {
        if (!empty) skip = 1;
        return;
      }
      if (name === `${t}table`) {
        if (empty) return;
        tableDepth++;
        if (tableDepth === 1) {
          table = { rows: [], headings };
          headings = [];
        }
        return;
      }
      if (tableDepth === 1 && name === `${t}table-header-rows`) {
        inHeaderRows = !empty;
        return;
      }
      if (tableDepth === 1 && name === `${t}table-row`) {
        row = {
          cells: [],
          repeatHeader: inHeaderRows,
          deleted: false,
          repeat: Math.min(MAX_ROW_REPEAT, count(attrs, `${t}number-rows-repeated`)),
        };
        col = 0;
        hspanEnd = 0;
        if (empty) handler.close(name);
        return;
      }
      if (tableDepth === 1 && row && name === `${t}table-cell`) {
        const rowSpan = count(attrs, `${t}number-rows-spanned`);
        const span = count(attrs, `${t}number-columns-spanned`);
        cell = {
          col,
          span,
          vMerge: rowSpan > 1 ? 'restart' : null,
          text: '',
          lines: [],
          repeat: Math.min(1024, count(attrs, `${t}number-columns-repeated`)),
        };
        hspanEnd = col + span;
        if (empty) handler.close(name);
        return;
      }
      if (tableDepth === 1 && row && name === `${t}covered-table-cell`) {
        const repeat = Math.min(1024, count(attrs, `${t}number-columns-repeated`));
        for (let k = 0; k < repeat; k++, col++) {
          // Covered from the left (a cell spanning columns) or from above (spanning rows).
          if (col >= hspanEnd) row.cells.push({ col, span: 1, vMerge: 'continue', text: '' });
        }
        return;
      }
      if (name === `${x}p` || name === `${x}h`) {
        if (!empty) paragraphs.push([]);
        else if (tableDepth === 0 && paragraphs.length === 0) headings.push('');
        else if (cell && paragraphs.length === 0) cell.lines.push('');
        return;
      }
      if (name === `${x}s`) push(' '.repeat(Math.min(1000, count(attrs, `${x}c`))));
      else if (name === `${x}tab`) push(' ');
      else if (name === `${x}line-break`) push('\n');
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (name === `${t}table`) {
        if (tableDepth === 1 && table) tables.push(table);
        tableDepth = Math.max(0, tableDepth - 1);
        if (tableDepth === 0) table = null;
        return;
      }
      if (tableDepth !== 1 && !(name === `${x}p` || name === `${x}h`)) return;
      if (name === `${t}table-header-rows`) {
        inHeaderRows = false;
      } else if (name === `${t}table-row` && row && table) {
        const { repeat, ...one } = row;
        for (let k = 0; k < repeat; k++) table.rows.push(k === 0 ? one : { ...one });
        row = null;
      } else if (name === `${t}table-cell` && cell && row) {
        const lines = cell.lines.map((l) => l.replace(/[ \u00a0]+$/u, ''));
        while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
        while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
        const text = lines.join('\n');
        for (let k = 0; k < cell.repeat; k++) {
          row.cells.push({ col: col + k, span: cell.span, vMerge: cell.vMerge, text });
        }
        col += cell.repeat;
        cell = null;
      } else if (name === `${x}p` || name === `${x}h`) {
        const parts = paragraphs.pop();
        if (parts === undefined) return;
        const text = parts.join('');
        const outer = paragraphs[paragraphs.length - 1];
        if (outer !== undefined) outer.push(text === '' ? '' : `\n${text}\n`);
        else if (tableDepth >= 1 && cell) cell.lines.push(...text.split('\n'));
        else if (tableDepth === 0) headings.push(text);
      }
    },
    text(text) {
      if (skip > 0) return;
      // White space in a paragraph counts as one space (more are written as text:s).
      push(text.replace(/[\t\r\n ]+/g, ' '));
    },
  };
  walkXml(xml, handler);
  if (tableDepth > 0) throw new XmlError('table not closed');
  return tables;
}

/**
 * A LibreOffice Writer journal (.odt): its tables read as the Word reader reads a .docx's —
 * tables under one header one sheet, a document without a table refused with `no_table`.
 */
export function readOdtJournal(bytes: Uint8Array, fileName: string): Workbook {
  const parts = unzipOfficeParts(bytes, ['content.xml', 'META-INF/manifest.xml']);
  if (isEncryptedOpenDocument(parts)) throw new JournalFileError({ code: 'encrypted_word' });
  const tables = readXmlPart(parts, 'content.xml', readOdtTables);
  if (tables.length === 0) throw new JournalFileError({ code: 'no_table' });
  return { kind: 'odt', fileName, sheets: tablesToSheets(tables, fileName), csv: null };
}
