import type { Workbook } from 'exceljs';
import type { ReportTable } from './tables';

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(name: string, taken: Set<string>): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet';
  let base = clean.slice(0, 31);
  let n = 2;
  while (taken.has(base.toLocaleLowerCase())) {
    const suffix = ` (${String(n)})`;
    base = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    n += 1;
  }
  taken.add(base.toLocaleLowerCase());
  return base;
}

/**
 * Every table of the report as one sheet each, headers in the report's language. Counts
 * stay numbers (so the office can sum them) except a suppressed "<3", which stays text:
 * the spreadsheet is published data too, and must not reveal what the PDF hides.
 */
export async function buildReportWorkbook(
  tables: ReportTable[],
  meta: { title: string; subtitle: string; creator: string; created: Date },
): Promise<Uint8Array<ArrayBuffer>> {
  // exceljs is large: load it only when the office actually exports a spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.title = meta.title;
  workbook.created = meta.created;
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.sheet, taken), {
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    sheet.getCell('A1').value = table.title;
    sheet.getCell('A1').font = { bold: true, size: 13 };
    sheet.getCell('A2').value = meta.subtitle;
    sheet.getCell('A2').font = { italic: true, color: { argb: 'FF5B6A71' } };
    // Widths first: exceljs gives new cells their column's style object.
    table.columns.forEach((column, i) => {
      sheet.getColumn(i + 1).width = column.numeric ? 14 : column.wide ? 70 : 34;
    });
    const header = sheet.getRow(3);
    table.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = column.label;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF2' } };
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    table.rows.forEach((row, r) => {
      const line = sheet.getRow(4 + r);
      row.cells.forEach((value, i) => {
        const cell = line.getCell(i + 1);
        cell.value = value.xlsx;
        cell.alignment = {
          vertical: 'top',
          wrapText: true,
          horizontal: table.columns[i]?.numeric ? 'right' : 'left',
        };
        if (typeof value.xlsx === 'number' && value.percent) cell.numFmt = '0.0%';
        if (row.total) cell.font = { bold: true };
      });
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
