import { detectHeader, type HeaderInfo } from './header';
import {
  JournalFileError,
  MAX_JOURNAL_ROWS,
  type MergeRange,
  type Sheet,
  type SheetCell,
  type SheetRow,
  type Workbook,
} from './model';
import { readXmlPart, unzipOfficeParts } from './officeParts';
import { attr, prefixOf, walkXml, XmlError, type XmlHandler } from './xml';

const WORD_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

/** Paragraphs above a table taken in as its titles or, between tables, as section rows. */
const HEADINGS_PER_TABLE = 3;
/** A paragraph longer than this is prose (a letter, an explanation), not a heading. */
const HEADING_MAX_CHARS = 200;
/**
 * Between two tables of one journal a heading is kept only as short as a section row
 * («Наурыз 2025»), which the import skips as such; a longer one would read as an appeal.
 */
const SECTION_MAX_CHARS = 80;

export interface WordCell {
  /** 0-based grid column where the cell starts. */
  col: number;
  span: number;
  vMerge: 'restart' | 'continue' | null;
  text: string;
}

export interface WordRow {
  cells: WordCell[];
  /** Marked «repeat as header row at the top of each page». */
  repeatHeader: boolean;
  /** Deleted with tracked changes (still in the file until the change is accepted). */
  deleted: boolean;
}

export interface WordTable {
  rows: WordRow[];
  /** Short paragraphs between the previous table (or the document's start) and this one. */
  headings: string[];
}

function isOn(attrs: string, w: string): boolean {
  const v = attr(attrs, `${w}val`);
  return v === null || !['0', 'false', 'off'].includes(v);
}

/** A cell's paragraphs as lines: trailing spaces and empty first and last lines dropped. */
function cellText(lines: readonly string[]): string {
  const out = lines.map((l) => l.replace(/[ \t\u00a0]+$/u, ''));
  while (out.length > 0 && out[0]!.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out.join('\n');
}

/**
 * The top-level tables of word/document.xml with their cells' text, and the short paragraphs
 * before each. What Word shows is what is read: deleted tracked changes and moved-away text
 * are left out, insertions kept; content controls and hyperlinks give their text (a control
 * still showing its placeholder gives none); field codes are left out, their results kept;
 * hidden text is left out. A table inside a cell gives its text as lines of that cell.
 */
function readTables(xml: string): WordTable[] {
  const w = prefixOf(xml, WORD_NS, 'w:');
  const local = (name: string): string | null =>
    name.startsWith(w) && (w === '' || name.length > w.length) ? name.slice(w.length) : null;

  const tables: WordTable[] = [];
  let headings: string[] = [];
  let tableDepth = 0;
  let table: WordTable | null = null;
  let row: WordRow | null = null;
  let cell: { lines: string[]; span: number; vMerge: WordCell['vMerge']; col: number } | null =
    null;
  let gridCol = 0;
  /** Open elements whose content is left out (w:del, mc:Fallback…); depth while inside. */
  let skip = 0;
  /** Text of the paragraphs being read, innermost last (a text box's paragraph nests). */
  const paragraphs: string[][] = [];
  let inRun = 0;
  let inRunProps = false;
  let runHidden = false;
  let inText = false;
  let preserve = false;
  let inCellProps = false;
  let inRowProps = false;
  /** Per open w:sdt: whether it still shows its placeholder. */
  const sdts: boolean[] = [];

  const push = (s: string) => {
    const p = paragraphs[paragraphs.length - 1];
    if (p !== undefined && !runHidden) p.push(s);
  };

  const handler: XmlHandler = {
    open(name, attrs, empty) {
      if (skip > 0) {
        if (!empty) skip++;
        return;
      }
      const tag = local(name);
      if (tag === null) {
        // Another namespace: of mc:AlternateContent only mc:Choice is read.
        if (name.endsWith(':Fallback') && !empty) skip = 1;
        return;
      }
      switch (tag) {
        case 'del':
          // A row deleted with tracked changes: marked in its properties, left out whole.
          if (empty && inRowProps && row) row.deleted = true;
          if (!empty) skip = 1;
          return;
        // Moved-away text, field codes, and the properties before a tracked formatting
        // change (an old gridSpan, vMerge or hidden mark): not what the document shows.
        case 'moveFrom':
        case 'delText':
        case 'instrText':
        case 'delInstrText':
        case 'rPrChange':
        case 'pPrChange':
        case 'tcPrChange':
        case 'trPrChange':
        case 'tblPrChange':
        case 'tblGridChange':
          if (!empty) skip = 1;
          return;
        case 'sdt':
          if (!empty) sdts.push(false);
          return;
        case 'showingPlcHdr':
          if (sdts.length > 0 && isOn(attrs, w)) sdts[sdts.length - 1] = true;
          return;
        case 'sdtContent':
          if (!empty && sdts[sdts.length - 1] === true) skip = 1;
          return;
        case 'tbl':
          if (empty) return;
          tableDepth++;
          if (tableDepth === 1) {
            table = { rows: [], headings };
            headings = [];
          }
          return;
        case 'tr':
          if (tableDepth === 1 && !empty) {
            row = { cells: [], repeatHeader: false, deleted: false };
            gridCol = 0;
          }
          return;
        case 'trPr':
          if (tableDepth === 1 && !empty) inRowProps = true;
          return;
        case 'tblHeader':
          if (inRowProps && row) row.repeatHeader = isOn(attrs, w);
          return;
        case 'gridBefore':
          if (inRowProps && row) gridCol += Math.max(0, Number(attr(attrs, `${w}val`)) || 0);
          return;
        case 'tc':
          if (tableDepth === 1) {
            cell = { lines: [], span: 1, vMerge: null, col: gridCol };
            if (empty) handler.close(name);
          }
          return;
        case 'tcPr':
          if (tableDepth === 1 && cell && !empty) inCellProps = true;
          return;
        case 'gridSpan':
          if (inCellProps && cell) {
            cell.span = Math.min(1000, Math.max(1, Number(attr(attrs, `${w}val`)) || 1));
          }
          return;
        case 'vMerge':
          if (inCellProps && cell) {
            cell.vMerge = attr(attrs, `${w}val`) === 'restart' ? 'restart' : 'continue';
          }
          return;
        case 'hMerge':
          // Old Word's horizontal merge: a «continue» cell widens the one before it.
          if (inCellProps && cell && attr(attrs, `${w}val`) !== 'restart') cell.span = 0;
          return;
        case 'p':
          if (!empty) paragraphs.push([]);
          else if (tableDepth === 0 && paragraphs.length === 0) headings.push('');
          else if (cell && paragraphs.length === 0) cell.lines.push('');
          return;
        case 'r':
          if (!empty) {
            inRun++;
            runHidden = false;
          }
          return;
        case 'rPr':
          if (inRun > 0 && !empty) inRunProps = true;
          return;
        case 'vanish':
          if (inRunProps && isOn(attrs, w)) runHidden = true;
          return;
        case 't':
          if (inRun > 0 && !empty) {
            inText = true;
            preserve = attr(attrs, 'xml:space') === 'preserve';
          }
          return;
        case 'tab':
          if (inRun > 0 && !inRunProps) push('\t');
          return;
        case 'br':
        case 'cr':
          if (inRun > 0 && !inRunProps) push('\n');
          return;
        case 'noBreakHyphen':
          if (inRun > 0 && !inRunProps) push('-');
          return;
        default:
          return;
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      const tag = local(name);
      if (tag === null) return;
      switch (tag) {
        case 'sdt':
          sdts.pop();
          return;
        case 'tbl':
          if (tableDepth === 1 && table) tables.push(table);
          tableDepth = Math.max(0, tableDepth - 1);
          if (tableDepth === 0) table = null;
          return;
        case 'tr':
          if (tableDepth === 1 && row && table && !row.deleted) table.rows.push(row);
          if (tableDepth === 1) row = null;
          return;
        case 'trPr':
          if (tableDepth === 1) inRowProps = false;
          return;
        case 'tcPr':
          if (tableDepth === 1) inCellProps = false;
          return;
        case 'tc':
          if (tableDepth === 1 && cell && row) {
            const text = cellText(cell.lines);
            if (cell.span === 0) {
              // An hMerge «continue» cell: the cell before it spans one column more.
              const before = row.cells[row.cells.length - 1];
              if (before) before.span++;
              gridCol++;
            } else {
              row.cells.push({ col: cell.col, span: cell.span, vMerge: cell.vMerge, text });
              gridCol = cell.col + cell.span;
            }
            cell = null;
          }
          return;
        case 'p': {
          const parts = paragraphs.pop();
          if (parts === undefined) return;
          const text = parts.join('').replace(/\t/g, ' ');
          const outer = paragraphs[paragraphs.length - 1];
          if (outer !== undefined) {
            // A text box's paragraph inside another paragraph: its text as a line of it.
            outer.push(text === '' ? '' : `\n${text}\n`);
          } else if (tableDepth >= 1 && cell) {
            cell.lines.push(...text.split('\n'));
          } else if (tableDepth === 0) {
            headings.push(text);
          }
          return;
        }
        case 'r':
          inRun = Math.max(0, inRun - 1);
          runHidden = false;
          return;
        case 'rPr':
          inRunProps = false;
          return;
        case 't':
          inText = false;
          return;
        default:
          return;
      }
    },
    text(text) {
      if (skip > 0 || !inText) return;
      // Without xml:space="preserve" the layout whitespace of pretty-printed XML is not text.
      push(preserve ? text : text.replace(/^\s*\n\s*|\s*\n\s*$/g, ''));
    },
  };
  walkXml(xml, handler);
  // A table still open at the end: the part was cut short (a copy or a save broken off).
  if (tableDepth > 0) throw new XmlError('table not closed');
  return tables;
}

/** A table's own rows in the sheet model, numbered from `first`, with its merges. */
interface PlacedRows {
  rows: { n: number; cells: (SheetCell | null)[]; repeatHeader: boolean }[];
  merges: MergeRange[];
  /** Numbers given, including those of empty rows. */
  count: number;
}

function placeRows(table: WordTable, first: number): PlacedRows {
  const rows: PlacedRows['rows'] = [];
  const merges: MergeRange[] = [];
  /** Vertical merges still open, by starting grid column. */
  const open = new Map<number, MergeRange>();
  table.rows.forEach((wordRow, i) => {
    const n = first + i;
    const cells: (SheetCell | null)[] = [];
    const seen = new Set<number>();
    for (const c of wordRow.cells) {
      seen.add(c.col);
      while (cells.length < c.col + c.span) cells.push(null);
      if (c.vMerge === 'continue' && open.has(c.col)) {
        open.get(c.col)!.bottom = n;
        continue;
      }
      open.delete(c.col);
      if (c.text.trim() !== '') cells[c.col] = { t: 'text', v: c.text };
      const range = { top: n, bottom: n, left: c.col + 1, right: c.col + c.span };
      if (c.vMerge === 'restart') {
        open.set(c.col, range);
        merges.push(range);
      } else if (c.span > 1) {
        merges.push(range);
      }
    }
    // A row too short to reach a merged column ends that merge.
    for (const col of [...open.keys()]) if (!seen.has(col)) open.delete(col);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    rows.push({ n, cells, repeatHeader: wordRow.repeatHeader });
  });
  return {
    rows,
    merges: merges.filter((m) => m.bottom > m.top || m.right > m.left),
    count: table.rows.length,
  };
}

function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A table on its own, as a sheet: for finding its header. */
function tableSheet(placed: PlacedRows): Sheet {
  const rows = placed.rows.filter((r) => r.cells.length > 0);
  return {
    name: '',
    rows: rows.map(({ n, cells }) => ({ n, cells })),
    merges: placed.merges,
    columnCount: rows.reduce((w, r) => Math.max(w, r.cells.length), 0),
    date1904: false,
  };
}

function headerKey(header: HeaderInfo): string {
  return header.columns.map((c) => plain(c.label)).join('|');
}

interface Group {
  headings: string[];
  /** The header's labels, as found in the group's first table. */
  key: string | null;
  /** The header rows' cells (rowKey), to know the header where a later table repeats it. */
  headerKeys: string[];
  width: number;
  rows: SheetRow[];
  merges: MergeRange[];
  next: number;
}

function headingRows(headings: readonly string[], group: Group, maxChars: number): void {
  const short = headings
    .map((h) => h.replace(/\s+/g, ' ').trim())
    .filter((h) => h !== '' && h.length <= maxChars)
    .slice(-HEADINGS_PER_TABLE);
  for (const text of short) {
    group.rows.push({ n: group.next, cells: [{ t: 'text', v: text }] });
    group.next++;
  }
}

/** Appends a table's rows but `skipRows` (as numbered in `placed`) to the group, renumbered. */
function appendRows(group: Group, placed: PlacedRows, skipRows: ReadonlySet<number>): void {
  const renumber = new Map<number, number>();
  for (const row of placed.rows) {
    if (skipRows.has(row.n)) continue;
    renumber.set(row.n, group.next);
    if (row.cells.length > 0) group.rows.push({ n: group.next, cells: row.cells });
    group.next++;
  }
  for (const m of placed.merges) {
    const top = renumber.get(m.top);
    if (top === undefined) continue;
    let bottom = top;
    for (let r = m.top; r <= m.bottom; r++) bottom = renumber.get(r) ?? bottom;
    group.merges.push({ top, bottom, left: m.left, right: m.right });
  }
}

/**
 * Word's tables as sheets. Tables under the same column headers — a journal kept as one
 * table per month, a heading above each — are one sheet: the first table whole, each later
 * one without its header rows (they are the header again, left out as the header is), its
 * headings as rows of their own (which the import then skips as section rows: «Наурыз
 * 2025»). A table without a header of its own continues the sheet before it when it is as
 * wide. A table under other headers is a sheet of its own, named by the heading above it.
 */
export function tablesToSheets(tables: readonly WordTable[], fileName: string): Sheet[] {
  const groups: Group[] = [];
  for (const table of tables) {
    const placed = placeRows(table, 1);
    // A table under a header already seen starts with copies of its rows: found by comparing
    // them, the header search (the costly part) runs only for tables that do not.
    let same: Group | undefined;
    let headerRows: number[] | null = null;
    for (const g of groups) {
      headerRows = copiedHeaderAt(placed, g.headerKeys);
      if (headerRows !== null) {
        same = g;
        break;
      }
    }
    const own = tableSheet(placed);
    let key: string | null = null;
    if (same === undefined) {
      const header = own.rows.length > 0 ? detectHeader(own) : null;
      headerRows = header?.rows ?? null;
      key = header === null ? null : headerKey(header);
      const last = groups[groups.length - 1];
      same =
        key !== null
          ? groups.find((g) => g.key === key)
          : last !== undefined && last.width === own.columnCount
            ? last
            : undefined;
    }
    if (same === undefined) {
      const group: Group = {
        headings: table.headings,
        key,
        headerKeys: (headerRows ?? []).map((n) => rowKey(rowCells(placed, n))),
        width: own.columnCount,
        rows: [],
        merges: [],
        next: 1,
      };
      groups.push(group);
      headingRows(table.headings, group, HEADING_MAX_CHARS);
      appendRows(group, placed, repeatedHeaderRows(placed, headerRows));
      continue;
    }
    headingRows(table.headings, same, SECTION_MAX_CHARS);
    // This table's header rows (and those above them marked to repeat on each page).
    const skipRows = repeatedHeaderRows(placed, headerRows);
    for (const n of headerRows ?? []) skipRows.add(n);
    const headerEnd = headerRows?.at(-1) ?? 0;
    for (const r of placed.rows) if (r.repeatHeader && r.n <= headerEnd) skipRows.add(r.n);
    appendRows(same, placed, skipRows);
  }
  const base = fileName.replace(/\.[^.]*$/, '') || 'Word';
  const used = new Set<string>();
  return groups.map((group, i) => {
    let name = base;
    if (groups.length > 1) {
      // The heading above the table («ЖУРНАЛ» / «регистрации обращений граждан»: both).
      const heading = group.headings
        .map((h) => h.replace(/\s+/g, ' ').trim())
        .filter((h) => h !== '' && h.length <= HEADING_MAX_CHARS)
        .slice(-HEADINGS_PER_TABLE)
        .join(' ');
      name = heading
        ? heading.length > 60
          ? `${heading.slice(0, 59)}…`
          : heading
        : `${base} (${i + 1})`;
    }
    let unique = name;
    for (let k = 2; used.has(unique); k++) unique = `${name} (${k})`;
    used.add(unique);
    if (group.next - 1 > MAX_JOURNAL_ROWS) {
      throw new JournalFileError({ code: 'too_many_rows', sheet: unique, rows: group.next - 1 });
    }
    return {
      name: unique,
      rows: group.rows,
      merges: group.merges,
      columnCount: group.rows.reduce((w, r) => Math.max(w, r.cells.length), 0),
      date1904: false,
    };
  });
}

function rowKey(cells: readonly (SheetCell | null)[]): string {
  return cells.map((c) => (c === null ? '' : plain(String(c.v)))).join('|');
}

function rowCells(placed: PlacedRows, n: number): (SheetCell | null)[] {
  return placed.rows.find((r) => r.n === n)?.cells ?? [];
}

/** Rows looked at for a copied header: a month's title row may stand above it. */
const COPIED_HEADER_SEARCH = 4;

/** Numbers of the rows near a table's top that copy `keys` in order, or null. */
function copiedHeaderAt(placed: PlacedRows, keys: readonly string[]): number[] | null {
  if (keys.length === 0) return null;
  const top = placed.rows
    .filter((r) => r.cells.length > 0)
    .slice(0, COPIED_HEADER_SEARCH + keys.length);
  const own = top.map((r) => rowKey(r.cells));
  for (let i = 0; i + keys.length <= top.length && i <= COPIED_HEADER_SEARCH; i++) {
    if (keys.every((k, j) => own[i + j] === k))
      return top.slice(i, i + keys.length).map((r) => r.n);
  }
  return null;
}

/**
 * Rows below the header that copy one of its rows cell for cell (a header typed again at the
 * top of each printed page, both rows of a two-row header too).
 */
function repeatedHeaderRows(placed: PlacedRows, headerRows: readonly number[] | null): Set<number> {
  const out = new Set<number>();
  if (headerRows === null || headerRows.length === 0) return out;
  const last = headerRows[headerRows.length - 1]!;
  const keys = new Set(headerRows.map((n) => rowKey(rowCells(placed, n))));
  // The whole row is compared only when its first cell is a header row's first cell.
  const firsts = new Set([...keys].map((k) => k.slice(0, k.indexOf('|') >>> 0)));
  for (const r of placed.rows) {
    if (r.n <= last || r.cells.length === 0) continue;
    const first = r.cells[0];
    if (!firsts.has(first ? plain(String(first.v)) : '')) continue;
    if (keys.has(rowKey(r.cells))) out.add(r.n);
  }
  return out;
}

/**
 * A Word journal (.docx, already recognised by `detectJournalFile`): its tables in the
 * neutral model, every cell as text (the import reads dates written as text). A document
 * without a table is refused with `no_table`.
 */
export function readDocxJournal(bytes: Uint8Array, fileName: string): Workbook {
  const parts = unzipOfficeParts(bytes, ['word/document.xml']);
  const tables = readXmlPart(parts, 'word/document.xml', readTables);
  if (tables.length === 0) throw new JournalFileError({ code: 'no_table' });
  return { kind: 'docx', fileName, sheets: tablesToSheets(tables, fileName), csv: null };
}
