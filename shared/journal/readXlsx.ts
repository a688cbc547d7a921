import ExcelJS from 'exceljs';
import type { CellValue, Workbook as ExcelWorkbook, Worksheet } from 'exceljs';

import { countXlsxRows } from './detect';
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

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** exceljs gives dates as JS Dates whose UTC fields are the sheet's wall-clock value. */
function wallClock(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function richText(parts: readonly { text: string }[]): string {
  return parts.map((part) => part.text).join('');
}

/** One exceljs value in the neutral model: formulas by their cached result, links by their text. */
export function toSheetCell(value: CellValue, via?: CellSource): SheetCell | null {
  const tag = via === undefined ? {} : { via };
  if (value === null || value === undefined) return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? { t: 'number', v: value, ...tag } : null;
  if (typeof value === 'string')
    return value.trim() === '' ? null : { t: 'text', v: value, ...tag };
  if (typeof value === 'boolean') return { t: 'bool', v: value, ...tag };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { t: 'date', v: wallClock(value), ...tag };
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      const text = richText(value.richText);
      return text.trim() === '' ? null : { t: 'text', v: text, via: via ?? 'rich' };
    }
    if ('hyperlink' in value) {
      const inner = value.text as unknown;
      const text =
        typeof inner === 'string'
          ? inner
          : inner && typeof inner === 'object' && 'richText' in inner
            ? richText((inner as { richText: { text: string }[] }).richText)
            : String(value.hyperlink);
      return text.trim() === '' ? null : { t: 'text', v: text, via: 'hyperlink' };
    }
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result !== null && typeof result === 'object' && 'error' in result) {
        return { t: 'error', v: String((result as { error: unknown }).error), via: 'formula' };
      }
      return toSheetCell(result as CellValue, 'formula');
    }
    if ('error' in value) return { t: 'error', v: String(value.error), ...tag };
  }
  return null;
}

interface MergeHolder {
  _merges?: Record<string, { model?: MergeRange }>;
}

function sheetOf(ws: Worksheet, date1904: boolean): Sheet {
  const rows: SheetRow[] = [];
  let columnCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: (SheetCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A cell merged into another reads as the master's value in exceljs: keep it empty,
      // the merge ranges say where the master's value spreads.
      if (cell.isMerged && cell.master !== cell) return;
      const value = toSheetCell(cell.value);
      if (value === null) return;
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
    });
    if (cells.length === 0) return;
    columnCount = Math.max(columnCount, cells.length);
    rows.push({ n, cells });
  });
  const merges: MergeRange[] = [];
  for (const merge of Object.values((ws as unknown as MergeHolder)._merges ?? {})) {
    const m = merge.model;
    if (m) merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return { name: ws.name, rows, merges, columnCount, date1904 };
}

/**
 * An .xlsx journal (already recognised by `detectJournalFile`) in the neutral model. The rows
 * of every sheet are counted first, so an oversized sheet is refused before it is read.
 */
export async function readXlsxJournal(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  for (const { sheet, rows } of countXlsxRows(bytes)) {
    if (rows > MAX_JOURNAL_ROWS) throw new JournalFileError({ code: 'too_many_rows', sheet, rows });
  }
  // A static import: this module runs in the journal worker and in Node (the command line
  // loads it once through Vite's module runner, which cannot import later). The page itself
  // never imports it, so exceljs stays out of the main bundle.
  const workbook: ExcelWorkbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch (error) {
    throw new JournalFileError({
      code: 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets = workbook.worksheets
    .filter((ws) => ws.state !== 'veryHidden')
    .map((ws) => sheetOf(ws, date1904));
  if (sheets.length === 0) throw new JournalFileError({ code: 'no_sheets' });
  return { kind: 'xlsx', fileName, sheets, csv: null };
}
