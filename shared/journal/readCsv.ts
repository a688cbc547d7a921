import Papa from 'papaparse';

import { decodeCsvBytes, hasLostLetter } from './decode';
import { JournalFileError, MAX_JOURNAL_ROWS, type SheetRow, type Workbook } from './model';

/** The delimiters offices' CSV files use: «;» from Excel in kk/ru locales, «,» from Google Forms. */
const DELIMITERS = [';', ',', '\t', '|'];

/**
 * A CSV journal as a one-sheet workbook: the encoding detected (UTF-8 with or without BOM,
 * Windows-1251, UTF-16LE), the delimiter detected, every cell as text, each record numbered
 * as Excel would number its row. Rows where a «?» stands for a lost Kazakh letter are listed.
 */
export function readCsvJournal(bytes: Uint8Array, fileName: string): Workbook {
  const { text, encoding } = decodeCsvBytes(bytes);
  if (text.trim() === '') throw new JournalFileError({ code: 'empty_file' });
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: false,
  });
  const data = parsed.data;
  if (data.length > MAX_JOURNAL_ROWS) {
    throw new JournalFileError({ code: 'too_many_rows', sheet: fileName, rows: data.length });
  }
  const rows: SheetRow[] = [];
  const lostLetterRows: number[] = [];
  let columnCount = 0;
  data.forEach((record, i) => {
    if (!record.some((value) => value.trim() !== '')) return;
    const n = i + 1;
    rows.push({
      n,
      cells: record.map((value) => (value.trim() === '' ? null : { t: 'text', v: value })),
    });
    columnCount = Math.max(columnCount, record.length);
    if (record.some(hasLostLetter)) lostLetterRows.push(n);
  });
  const name = fileName.replace(/\.[^.]*$/, '') || 'CSV';
  return {
    kind: 'csv',
    fileName,
    sheets: [{ name, rows, merges: [], columnCount, date1904: false }],
    csv: { encoding, delimiter: parsed.meta.delimiter, lostLetterRows },
  };
}
