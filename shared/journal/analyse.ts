import type { Topic } from '../domain/topics';
import { detectHeader, type HeaderInfo } from './header';
import { suggestMapping, type JournalMapping } from './mapping';
import type { Sheet, Workbook } from './model';

export type SheetAnalysis =
  | { ok: true; sheet: Sheet; header: HeaderInfo; mapping: JournalMapping }
  | { ok: false; sheet: Sheet; problem: 'empty_sheet' | 'no_header' };

/**
 * The sheet to offer first: the one with the most rows among those whose column headers are
 * found (journals keep the data on one sheet; a longer list of streets or staff beside it is
 * not the journal), else the one with the most rows.
 */
export function defaultSheetName(workbook: Workbook): string {
  const biggest = (sheets: readonly Sheet[]) =>
    sheets.reduce((best, sheet) => (sheet.rows.length > best.rows.length ? sheet : best));
  const withHeader = workbook.sheets.filter((s) => s.rows.length > 0 && detectHeader(s) !== null);
  return biggest(withHeader.length > 0 ? withHeader : workbook.sheets).name;
}

/** A sheet with its header found and the mapping suggested (from a remembered profile if given). */
export function analyseSheet(
  workbook: Workbook,
  sheetName: string | undefined,
  topics: readonly Topic[],
): SheetAnalysis {
  const sheet = workbook.sheets.find((s) => s.name === (sheetName ?? defaultSheetName(workbook)));
  if (!sheet) throw new RangeError(`No sheet named ${String(sheetName)}`);
  if (sheet.rows.length === 0) return { ok: false, sheet, problem: 'empty_sheet' };
  const header = detectHeader(sheet);
  if (header === null) return { ok: false, sheet, problem: 'no_header' };
  return { ok: true, sheet, header, mapping: suggestMapping(sheet, header, topics) };
}

/** The header at a row the user picked (when none was found, or the found one is wrong). */
export function headerAtRow(sheet: Sheet, rowNumber: number, twoRows = false): HeaderInfo | null {
  const index = sheet.rows.findIndex((r) => r.n === rowNumber);
  if (index < 0) return null;
  const width = sheet.columnCount;
  const top = sheet.rows[index]!;
  const sub = twoRows ? sheet.rows[index + 1] : undefined;
  const columns = Array.from({ length: width }, (_, i) => {
    const own = textAt(top, i);
    const below = sub ? textAt(sub, i) : '';
    if (below === '' || below === own) return { index: i, label: own, own, group: '' };
    if (own === '') return { index: i, label: below, own: below, group: '' };
    return { index: i, label: `${own} / ${below}`, own: below, group: own };
  });
  return { rows: sub ? [top.n, sub.n] : [top.n], columns, dataStart: index + (sub ? 2 : 1) };
}

function textAt(row: Sheet['rows'][number], i: number): string {
  const cell = row.cells[i];
  if (!cell) return '';
  return String(cell.v).replace(/\s+/g, ' ').trim();
}
