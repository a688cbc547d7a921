import type { Sheet, SheetCell, SheetRow } from './model';

/**
 * The sheet with each vertically merged cell's value in every row the merge spans: one date
 * written for a day's appeals, merged down over their rows (in Excel, LibreOffice or a Word
 * table), is the date of each of them; so is a deputy's name or a place merged down. The
 * value goes to the merge's first column of each lower row that has values of its own (a row
 * holding nothing but the merged cell stays out, as empty rows are); a horizontal merge is
 * left as it is (a title or a month across the table is one value, not one per column). The
 * merge ranges stay, so header detection still sees which header cells span two rows.
 */
export function spreadMergedDown(sheet: Sheet): Sheet {
  const down = sheet.merges.filter((m) => m.bottom > m.top);
  if (down.length === 0) return sheet;
  const index = new Map<number, number>(sheet.rows.map((r, i) => [r.n, i]));
  let rows: SheetRow[] | null = null;
  for (const m of down) {
    const master = sheet.rows[index.get(m.top) ?? -1]?.cells[m.left - 1] ?? null;
    if (master === null) continue;
    for (let n = m.top + 1; n <= m.bottom; n++) {
      const at = index.get(n);
      if (at === undefined) continue;
      const row = (rows ?? sheet.rows)[at]!;
      if ((row.cells[m.left - 1] ?? null) !== null) continue;
      rows ??= [...sheet.rows];
      const cells: (SheetCell | null)[] = [...row.cells];
      while (cells.length < m.left - 1) cells.push(null);
      cells[m.left - 1] = { ...master, mergedDown: true };
      rows[at] = { n: row.n, cells };
    }
  }
  if (rows === null) return sheet;
  const columnCount = rows.reduce((w, r) => Math.max(w, r.cells.length), sheet.columnCount);
  return { ...sheet, rows, columnCount };
}
