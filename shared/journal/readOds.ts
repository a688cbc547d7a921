import {
  JournalFileError,
  MAX_JOURNAL_ROWS,
  type CellSource,
  type MergeRange,
  type Sheet,
  type SheetCell,
  type SheetRow,
  type Workbook,
} from './model';
import { isEncryptedOpenDocument, readXmlPart, unzipOfficeParts } from './officeParts';
import { attr, prefixOf, walkXml, XmlError, type XmlHandler } from './xml';

const NS = {
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
};

/**
 * The widest row read: LibreOffice pads rows with one empty cell repeated to the sheet's last
 * column (1024 or 16384); a value repeated that far is cut here.
 */
const MAX_COLUMNS = 1024;

/** `PT10H30M00S` (a time cell) as HH:mm:ss, or null. */
function isoDuration(value: string): string | null {
  const m = /^-?P(?:\d+D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,]\d+)?S)?$/.exec(value);
  if (!m) return null;
  const pad = (n: string | undefined) => String(Number(n ?? 0)).padStart(2, '0');
  return Number(m[1] ?? 0) > 23 ? null : `${pad(m[1])}:${pad(m[2])}:${pad(m[3])}`;
}

/** `2025-03-05` or `2025-03-05T10:30:00.123` as the model's wall-clock value, or null. */
function dateValue(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(value);
  return m ? `${m[1]}T${m[2] ?? '00:00:00'}` : null;
}

interface OpenCell {
  type: string | null;
  attrs: string;
  lines: string[];
  repeat: number;
  span: number;
  rowSpan: number;
  covered: boolean;
  link: boolean;
}

/**
 * The typed value of a cell: numbers, dates and booleans from their office:value attributes
 * (what LibreOffice stores, whatever the cell's format shows), text from its paragraphs.
 */
function cellValue(cell: OpenCell, office: string, table: string): SheetCell | null {
  const via: CellSource | undefined =
    attr(cell.attrs, `${table}formula`) !== null ? 'formula' : cell.link ? 'hyperlink' : undefined;
  const tag = via === undefined ? {} : { via };
  const text = cell.lines.join('\n');
  switch (cell.type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const raw = attr(cell.attrs, `${office}value`);
      const v = raw === null || raw.trim() === '' ? NaN : Number(raw);
      if (Number.isFinite(v)) return { t: 'number', v, ...tag };
      break;
    }
    case 'date': {
      const v = dateValue(attr(cell.attrs, `${office}date-value`) ?? '');
      if (v !== null) return { t: 'date', v, ...tag };
      break;
    }
    case 'time': {
      const v = isoDuration(attr(cell.attrs, `${office}time-value`) ?? '');
      if (v !== null) return { t: 'date', v: `1899-12-30T${v}`, ...tag };
      break;
    }
    case 'boolean': {
      const v = attr(cell.attrs, `${office}boolean-value`);
      if (v === 'true' || v === 'false') return { t: 'bool', v: v === 'true', ...tag };
      break;
    }
    default:
      break;
  }
  const value = text.trim() === '' ? (attr(cell.attrs, `${office}string-value`) ?? text) : text;
  return value.trim() === '' ? null : { t: 'text', v: value, ...tag };
}

/**
 * The sheets of an OpenDocument spreadsheet's content.xml. Repeated columns and rows are
 * expanded when they hold a value (LibreOffice writes equal neighbours once, repeated) and
 * only counted when empty (the million empty rows to the sheet's end cost nothing); merged
 * cells (spanned) become merge ranges, the cells they cover are empty; comments are left out.
 */
function readSheets(xml: string): Sheet[] {
  const t = prefixOf(xml, [NS.table], 'table:');
  const o = prefixOf(xml, [NS.office], 'office:');
  const x = prefixOf(xml, [NS.text], 'text:');
  const sheets: Sheet[] = [];
  let sheet: Sheet | null = null;
  let tableDepth = 0;
  let rowN = 0;
  let rowRepeat = 1;
  let cells: (SheetCell | null)[] = [];
  let col = 0;
  let cell: OpenCell | null = null;
  /** Text of the paragraph being read; null outside one. */
  let para: string[] | null = null;
  let skip = 0;
  let valueRows = 0;

  const push = (s: string) => {
    if (para !== null) para.push(s);
  };

  const endCell = () => {
    if (!cell || !sheet) return;
    const value = cell.covered ? null : cellValue(cell, o, t);
    const start = col;
    const repeat = value === null ? cell.repeat : Math.min(cell.repeat, MAX_COLUMNS - col);
    if (value !== null) {
      for (let k = 0; k < repeat; k++) {
        while (cells.length < col + k) cells.push(null);
        cells[col + k] = k === 0 ? value : { ...value };
      }
    }
    if (!cell.covered && (cell.span > 1 || cell.rowSpan > 1)) {
      for (let k = 0; k < repeat && start + k < MAX_COLUMNS; k++) {
        const left = start + k * cell.span + 1;
        sheet.merges.push({
          top: rowN,
          bottom: rowN + cell.rowSpan - 1,
          left,
          right: left + cell.span - 1,
        } satisfies MergeRange);
      }
    }
    col += cell.repeat;
    cell = null;
  };

  const handler: XmlHandler = {
    open(name, attrs, empty) {
      if (skip > 0) {
        if (!empty) skip++;
        return;
      }
      if (name === `${o}annotation`) {
        if (!empty) skip = 1;
        return;
      }
      if (name === `${t}table`) {
        if (empty) return;
        tableDepth++;
        if (tableDepth === 1) {
          sheet = {
            name: attr(attrs, `${t}name`) ?? `Sheet${sheets.length + 1}`,
            rows: [],
            merges: [],
            columnCount: 0,
            date1904: false,
          };
          rowN = 0;
          valueRows = 0;
        }
        return;
      }
      if (tableDepth !== 1 || !sheet) return;
      if (name === `${t}table-row`) {
        rowRepeat = Math.max(1, Number(attr(attrs, `${t}number-rows-repeated`)) || 1);
        cells = [];
        col = 0;
        rowN++;
        if (empty) handler.close(name);
        return;
      }
      if (name === `${t}table-cell` || name === `${t}covered-table-cell`) {
        cell = {
          type: attr(attrs, `${o}value-type`),
          attrs,
          lines: [],
          repeat: Math.max(1, Number(attr(attrs, `${t}number-columns-repeated`)) || 1),
          span: Math.max(1, Number(attr(attrs, `${t}number-columns-spanned`)) || 1),
          rowSpan: Math.max(1, Number(attr(attrs, `${t}number-rows-spanned`)) || 1),
          covered: name === `${t}covered-table-cell`,
          link: false,
        };
        if (empty) endCell();
        return;
      }
      if (!cell) return;
      if (name === `${x}p` || name === `${x}h`) {
        if (!empty) para = [];
        else cell.lines.push('');
      } else if (name === `${x}s`) {
        push(' '.repeat(Math.min(1000, Math.max(1, Number(attr(attrs, `${x}c`)) || 1))));
      } else if (name === `${x}tab`) {
        push(' ');
      } else if (name === `${x}line-break`) {
        push('\n');
      } else if (name === `${x}a`) {
        cell.link = true;
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (name === `${t}table`) {
        if (tableDepth === 1 && sheet) {
          if (valueRows > MAX_JOURNAL_ROWS) {
            throw new JournalFileError({
              code: 'too_many_rows',
              sheet: sheet.name,
              rows: valueRows,
            });
          }
          sheet.columnCount = sheet.rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
          sheets.push(sheet);
          sheet = null;
        }
        tableDepth = Math.max(0, tableDepth - 1);
        return;
      }
      if (tableDepth !== 1 || !sheet) return;
      if (name === `${t}table-row`) {
        if (cells.length > 0) {
          // Past the limit rows are only counted, for the number the refusal gives.
          if (valueRows + rowRepeat <= MAX_JOURNAL_ROWS) {
            for (let k = 0; k < rowRepeat; k++) {
              const row: SheetRow = { n: rowN + k, cells: k === 0 ? cells : [...cells] };
              sheet.rows.push(row);
            }
          }
          valueRows += rowRepeat;
        }
        rowN += rowRepeat - 1;
        return;
      }
      if (name === `${t}table-cell` || name === `${t}covered-table-cell`) {
        endCell();
        return;
      }
      if (cell && (name === `${x}p` || name === `${x}h`) && para !== null) {
        cell.lines.push(para.join(''));
        para = null;
      }
    },
    text(text) {
      if (skip > 0 || para === null) return;
      // As OpenDocument says: white space in a paragraph counts as one space (more spaces
      // are written as text:s, tabs as text:tab, line breaks as text:line-break).
      push(text.replace(/[\t\r\n ]+/g, ' '));
    },
  };
  walkXml(xml, handler);
  // A table still open at the end: the part was cut short (a copy or a save broken off).
  if (tableDepth > 0) throw new XmlError('table not closed');
  return sheets;
}

/**
 * An OpenDocument spreadsheet (.ods, from LibreOffice or Excel) in the neutral model. A file
 * saved with a password is refused as encrypted.
 */
export function readOdsJournal(bytes: Uint8Array, fileName: string): Workbook {
  const parts = unzipOfficeParts(bytes, ['content.xml', 'META-INF/manifest.xml']);
  if (isEncryptedOpenDocument(parts)) throw new JournalFileError({ code: 'encrypted' });
  const sheets = readXmlPart(parts, 'content.xml', readSheets);
  if (sheets.length === 0) throw new JournalFileError({ code: 'no_sheets' });
  return { kind: 'ods', fileName, sheets, csv: null };
}
