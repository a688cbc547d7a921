import { detectJournalFile } from './detect';
import { spreadMergedDown } from './merges';
import type { Workbook } from './model';
import { readCsvJournal } from './readCsv';
import { readDocxJournal } from './readDocx';
import { readOdsJournal } from './readOds';
import { readOdtJournal } from './readOdt';
import { readXlsxJournal } from './readXlsx';

/**
 * Any journal file to the neutral model, or a JournalFileError saying why not. The one entry
 * the Web Worker and the command line both call. Whatever the format, a value merged down
 * over several rows is given to each of them here (`spreadMergedDown`).
 */
export async function readJournalFile(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const workbook = await readAnyJournal(bytes, fileName);
  return { ...workbook, sheets: workbook.sheets.map(spreadMergedDown) };
}

function readAnyJournal(bytes: Uint8Array, fileName: string): Promise<Workbook> | Workbook {
  const kind = detectJournalFile(bytes, fileName);
  if (kind === 'xlsx') return readXlsxJournal(bytes, fileName);
  if (kind === 'docx') return readDocxJournal(bytes, fileName);
  if (kind === 'ods') return readOdsJournal(bytes, fileName);
  if (kind === 'odt') return readOdtJournal(bytes, fileName);
  return readCsvJournal(bytes, fileName);
}
