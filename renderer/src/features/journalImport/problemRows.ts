import { describeRowIssue } from '@shared/journal/messages';
import type { HeaderInfo } from '@shared/journal/header';
import { cellText, type Sheet } from '@shared/journal/model';
import type { JournalPreview } from '@shared/journal/plan';
import type { Lang } from '@shared/i18n/lang';

/** Layout rows the office does not need to fix: titles, blank lines, sections, totals, headers. */
const LAYOUT = new Set(['title', 'empty', 'section', 'totals', 'column_numbers', 'header_repeat']);

/** Rows worth a second look: skipped ones with bad data and imported ones with warnings. */
export function problemRows(plan: JournalPreview, lang: Lang): { n: number; problem: string }[] {
  const out: { n: number; problem: string }[] = [];
  for (const row of plan.rows) {
    if (row.status === 'skipped' && row.reason && !LAYOUT.has(row.reason.code)) {
      out.push({ n: row.n, problem: describeRowIssue(row.reason, lang) });
    } else if (row.warnings.length > 0) {
      out.push({
        n: row.n,
        problem: row.warnings.map((w) => describeRowIssue(w, lang)).join('; '),
      });
    }
  }
  return out;
}

/**
 * The problem rows as an .xlsx the office can fix: the sheet's row number, the problem, then
 * the row's own cells under the journal's headers.
 */
export async function problemRowsXlsx(
  plan: JournalPreview,
  sheet: Sheet,
  header: HeaderInfo,
  lang: Lang,
  labels: { row: string; problem: string; sheet: string },
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(labels.sheet.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const columns = header.columns.map((c) => c.label);
  ws.addRow([labels.row, labels.problem, ...columns]).font = { bold: true };
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 50;
  const rows = new Map(sheet.rows.map((r) => [r.n, r]));
  for (const { n, problem } of problemRows(plan, lang)) {
    const cells = rows.get(n)?.cells ?? [];
    ws.addRow([n, problem, ...columns.map((_, i) => cellText(cells[i]))]);
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
