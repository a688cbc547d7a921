import { detectJournalFile } from './detect';
import type { Workbook } from './model';
import { readCsvJournal } from './readCsv';
import { readXlsxJournal } from './readXlsx';

/**
 * Any journal file to the neutral model, or a JournalFileError saying why not. The one entry
 * the Web Worker and the command line both call.
 */
export async function readJournalFile(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const kind = detectJournalFile(bytes, fileName);
  return kind === 'xlsx' ? readXlsxJournal(bytes, fileName) : readCsvJournal(bytes, fileName);
}
