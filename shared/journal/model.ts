/**
 * The neutral sheet model every journal reader produces (an .xlsx sheet, a CSV file, the
 * tables of a Word or Writer document, an .ods sheet) and everything after it reads: header detection, column
 * mapping, cell parsing, records. It is plain data (no Dates, no class instances), so it crosses from a Web Worker to the page by
 * structured clone and is the same in Node for the command line.
 */

/** Where a cell's value came from, when it was not typed as a plain value. */
export type CellSource = 'formula' | 'rich' | 'hyperlink';

/**
 * What every cell may carry besides its value. `mergedDown`: the value is a merged cell's,
 * given to this lower row of the merge (spreadMergedDown); the file holds no value here, so
 * the row's fingerprint leaves it out (a journal imported before merges were spread gives
 * its rows the same fingerprints again).
 */
interface CellMarks {
  via?: CellSource;
  mergedDown?: true;
}

export type SheetCell = CellMarks &
  (
    | { t: 'text'; v: string }
    | { t: 'number'; v: number }
    /**
     * A cell Excel stores as a date (a number with a date format), as the wall-clock value
     * `YYYY-MM-DDTHH:mm:ss`. A time-only cell has the date part of the serial epoch
     * (1899-12-30, or 1904-01-01 in the 1904 system).
     */
    | { t: 'date'; v: string }
    | { t: 'bool'; v: boolean }
    | { t: 'error'; v: string }
  );

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (1-based); CSV: the record's number. */
  n: number;
  /** Cells by column, index 0 = column A; null for an empty cell or one merged away. */
  cells: (SheetCell | null)[];
}

/** A merged range, 1-based and inclusive, as in the sheet. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Rows holding at least one value, in sheet order. */
  rows: SheetRow[];
  merges: MergeRange[];
  /** Widest row, in columns. */
  columnCount: number;
  /** The workbook counts serial dates from 1904-01-01 (old Mac Excel), not from 1900. */
  date1904: boolean;
}

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251' | 'utf-16le';

export interface CsvInfo {
  encoding: CsvEncoding;
  delimiter: string;
  /** Sheet rows where a «?» stands where a letter should be (Kazakh letters lost in Windows-1251). */
  lostLetterRows: number[];
}

export interface Workbook {
  kind: 'xlsx' | 'csv' | 'docx' | 'ods' | 'odt';
  fileName: string;
  sheets: Sheet[];
  csv: CsvInfo | null;
}

/** The most rows one import takes; a bigger sheet is refused with this number in the reason. */
export const MAX_JOURNAL_ROWS = 100_000;
/** Larger files are refused before they are read (a 100,000-row journal is far smaller). */
export const MAX_JOURNAL_BYTES = 60 * 1024 * 1024;

/** Why a file cannot be read as a journal; `describeFileProblem` words it in kk/ru. */
export type FileProblem =
  | { code: 'empty_file' }
  | { code: 'too_large'; bytes: number }
  | { code: 'old_excel' }
  /** A Word 97–2003 document (.doc, or an RTF file named .doc). */
  | { code: 'old_word' }
  /** A Word (or Writer) document without a table to read the journal from. */
  | { code: 'no_table' }
  | { code: 'xlsb' }
  | { code: 'encrypted' }
  /** A password-protected Word document. */
  | { code: 'encrypted_word' }
  | { code: 'not_spreadsheet' }
  | { code: 'unreadable'; detail: string }
  | { code: 'too_many_rows'; sheet: string; rows: number }
  | { code: 'no_sheets' };

export class JournalFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(`journal file refused: ${problem.code}`);
    this.name = 'JournalFileError';
  }
}

/** A cell as display text (samples, the problem-rows file, fingerprints). */
export function cellText(cell: SheetCell | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  switch (cell.t) {
    case 'text':
      return cell.v;
    case 'number':
      return String(cell.v);
    case 'date':
      return cell.v.endsWith('T00:00:00') ? cell.v.slice(0, 10) : cell.v.slice(0, 16);
    case 'bool':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.v;
  }
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
