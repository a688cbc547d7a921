import type { JournalField } from './fields';
import { fold } from './fold';
import type { HeaderInfo } from './header';
import type { SkipReason } from './issues';
import type { JournalMapping } from './mapping';
import { cellText, type Sheet, type SheetCell, type SheetRow } from './model';

export type RowClass =
  | { row: SheetRow; kind: 'data' }
  | { row: SheetRow | null; n: number; kind: 'skip'; reason: SkipReason };

/** Totals words, folded; «барлы ы» is «Барлығы» saved as Windows-1251 («Барлы?ы»). */
const TOTALS =
  /^(итого|всего|итог|барлығы|барлыгы|барлы ы|жиыны|жиынтығы|жиынтыгы|жиынты ы|total|сумма)(?![\p{L}])/u;

/** A totals word after a few words naming the period (folded text). */
const TOTALS_AFTER = /^(?:\p{L}+ ){1,3}(итого|всего|барлығы|барлыгы|барлы ы|жиыны)(?: \d+)?$/u;

function values(row: SheetRow): string[] {
  return row.cells.map((c) => cellText(c).trim()).filter((v) => v !== '');
}

/**
 * A value beside the totals word that a totals row can hold: a number, a count («45 / 12»,
 * «12 өтініш»), a date («на 31.03.2025») — anything but a name or an appeal's text. A row
 * with a date and no name stays a totals row: an anonymous appeal whose text begins with
 * «Всего» is then reported as skipped, where the other way a totals row would be imported.
 */
function isCount(cell: SheetCell): boolean {
  if (cell.t !== 'text') return cell.t === 'number' || cell.t === 'date';
  const v = cell.v.trim();
  return !/\p{L}/u.test(v) || (v.length <= 30 && /\d/.test(v));
}

/**
 * The text of a totals row («Итого: 5 обращений», «Барлығы» beside a count), or null. A row
 * whose text only starts with such a word («Всего лишь просим…», «Сумма пособия…») beside a
 * date or a name is an appeal.
 */
function totalsText(row: SheetRow): string | null {
  const at = row.cells.findIndex((c) => {
    const v = cellText(c).trim();
    if (!/^\p{L}/u.test(v)) return false;
    if (TOTALS.test(fold(v.slice(0, 24)))) return true;
    // The word after the period it sums: «За январь итого: 12», «Қаңтар бойынша барлығы: 2».
    return v.length <= 40 && TOTALS_AFTER.test(fold(v));
  });
  if (at < 0) return null;
  const others = row.cells.filter((c, i): c is SheetCell => i !== at && c !== null);
  if (!others.every(isCount)) return null;
  return cellText(row.cells[at]).trim();
}

/** «1 2 3 4 5 6»: the column numbers official journals print under the header. */
function isColumnNumbers(row: SheetRow): boolean {
  const vs = values(row);
  if (vs.length < 3) return false;
  return (
    vs.every((v, i) => v === String(i + 1)) ||
    (vs.every((v) => /^\d{1,2}$/.test(v) && Number(v) <= 40) &&
      vs.length === new Set(vs).size &&
      isIncreasing(vs.map(Number)))
  );
}

function isIncreasing(ns: number[]): boolean {
  return ns.every((n, i) => i === 0 || n > ns[i - 1]!);
}

const headerLabels = new WeakMap<HeaderInfo, Set<string>>();

function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A repeat of the header (printed on every page of a long journal): its cells copied. */
function isHeaderRepeat(row: SheetRow, header: HeaderInfo): boolean {
  let labels = headerLabels.get(header);
  if (labels === undefined) {
    labels = new Set(header.columns.map((c) => plain(c.own)).filter((l) => l !== ''));
    headerLabels.set(header, labels);
  }
  if (labels.size < 2) return false;
  let hits = 0;
  for (const cell of row.cells) {
    if (cell?.t === 'text' && labels.has(plain(cell.v))) hits++;
  }
  return hits >= Math.max(2, Math.ceil(labels.size * 0.6));
}

/**
 * Sorts every row of the sheet into data and skipped-with-a-reason: title rows above the
 * header, empty rows between data rows, section rows («2026 жыл», «Наурыз»), totals rows
 * («Итого:», «Барлығы:»), the column numbers row, repeated headers and rows that hold
 * nothing the mapping reads.
 */
export function classifyRows(
  sheet: Sheet,
  header: HeaderInfo,
  mapping: JournalMapping,
): RowClass[] {
  const out: RowClass[] = [];
  const headerRows = new Set(header.rows);
  const mapped = new Set(Object.values(mapping.columns));
  const firstHeader = Math.min(...header.rows);
  for (let i = 0; i < header.dataStart && i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!;
    if (headerRows.has(row.n)) continue;
    if (row.n < firstHeader) out.push({ row, n: row.n, kind: 'skip', reason: { code: 'title' } });
  }
  let previous = Math.max(...header.rows);
  for (let i = header.dataStart; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!;
    for (let n = previous + 1; n < row.n; n++) {
      out.push({ row: null, n, kind: 'skip', reason: { code: 'empty' } });
    }
    previous = row.n;
    out.push(classifyRow(row, header, mapped));
  }
  return out;
}

function classifyRow(row: SheetRow, header: HeaderInfo, mapped: Set<number>): RowClass {
  const vs = values(row);
  const skip = (reason: SkipReason): RowClass => ({ row, n: row.n, kind: 'skip', reason });
  if (vs.length === 0) return skip({ code: 'empty' });
  const totals = totalsText(row);
  if (totals !== null) return skip({ code: 'totals', text: totals });
  if (isColumnNumbers(row)) return skip({ code: 'column_numbers' });
  if (isHeaderRepeat(row, header)) return skip({ code: 'header_repeat' });
  if (vs.length === 1 && vs[0]!.length <= 80 && !row.cells.some((c) => c?.t === 'date')) {
    return skip({ code: 'section', text: vs[0]! });
  }
  const hasMapped = row.cells.some(
    (c, i) => c !== null && mapped.has(i) && cellText(c).trim() !== '',
  );
  if (!hasMapped) return skip({ code: 'no_data' });
  return { row, kind: 'data' };
}

/**
 * Whether a row below the header looks like an appeal (not a section, totals, column numbers
 * or a repeated header) — for samples and value lists before the mapping is settled.
 */
export function isDataLike(row: SheetRow, header: HeaderInfo): boolean {
  let known = dataLike.get(header);
  if (known === undefined) {
    known = new WeakMap();
    dataLike.set(header, known);
  }
  let answer = known.get(row);
  if (answer === undefined) {
    const all = new Set(header.columns.map((c) => c.index));
    answer = classifyRow(row, header, all).kind === 'data';
    known.set(row, answer);
  }
  return answer;
}

const dataLike = new WeakMap<HeaderInfo, WeakMap<SheetRow, boolean>>();

export function cellOf(row: SheetRow, mapping: JournalMapping, field: JournalField) {
  const column = mapping.columns[field];
  return column === undefined ? null : (row.cells[column] ?? null);
}

export function textOf(row: SheetRow, mapping: JournalMapping, field: JournalField): string {
  return cellText(cellOf(row, mapping, field))
    .replace(/\r\n?/g, '\n')
    .trim();
}
