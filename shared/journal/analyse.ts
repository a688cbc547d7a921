import type { Topic } from '../domain/topics';
import { detectHeader, type HeaderInfo } from './header';
import { suggestColumns, suggestMapping, type JournalMapping } from './mapping';
import type { Sheet, Workbook } from './model';

export type SheetAnalysis =
  | { ok: true; sheet: Sheet; header: HeaderInfo; mapping: JournalMapping }
  | { ok: false; sheet: Sheet; problem: 'empty_sheet' | 'no_header' };

/** What choosing a sheet needs to know of it, without its rows. */
export interface SheetOutline {
  name: string;
  /** Rows holding a value. */
  rows: number;
  /** The fields its header's columns name («0:journalNo|1:receivedDate|…»), or null when no header is found. */
  layout: string | null;
}

/**
 * The fields a header's columns name, column by column: sheets whose headers are spelt
 * differently («Дата поступления», «Дата пост.») but fill the same fields are laid out alike.
 */
function layoutOf(header: HeaderInfo): string {
  return suggestColumns(header)
    .map((s) => `${s.column}:${s.field}`)
    .sort()
    .join('|');
}

/** Each sheet's name, size and column layout (what the wizard's worker hands the page). */
export function outlineSheets(workbook: Workbook): SheetOutline[] {
  return workbook.sheets.map((sheet) => {
    const header = sheet.rows.length > 0 ? detectHeader(sheet) : null;
    return {
      name: sheet.name,
      rows: sheet.rows.length,
      layout: header === null ? null : layoutOf(header),
    };
  });
}

/**
 * The sheet to offer first: the journal is the sheet with the most rows among those whose
 * column headers are found (a longer list of streets or staff beside it is not the journal),
 * else the one with the most rows. A journal kept one sheet a month or a quarter has several
 * under the same columns: the first of them in the workbook is offered (January before
 * March), so the months come in in their order and are numbered so.
 */
export function defaultSheetOf(sheets: readonly SheetOutline[]): string {
  const withHeader = sheets.filter((s) => s.rows > 0 && s.layout !== null);
  const pool = withHeader.length > 0 ? withHeader : sheets;
  const journal = pool.reduce((best, sheet) => (sheet.rows > best.rows ? sheet : best));
  if (journal.layout === null) return journal.name;
  return pool.find((s) => s.layout === journal.layout)!.name;
}

export function defaultSheetName(workbook: Workbook): string {
  return defaultSheetOf(outlineSheets(workbook));
}

/**
 * The other sheets with the same columns as `chosen`: a journal kept one sheet a month or a
 * quarter. One import takes one sheet; these are named to the office so none is forgotten.
 */
export function sameLayoutSheets(sheets: readonly SheetOutline[], chosen: string): SheetOutline[] {
  const layout = sheets.find((s) => s.name === chosen)?.layout ?? null;
  if (layout === null) return [];
  return sheets.filter((s) => s.name !== chosen && s.layout === layout && s.rows > 0);
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
