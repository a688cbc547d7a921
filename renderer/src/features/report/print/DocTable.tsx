import type { ReportTable } from '../tables';

/** Tables up to this many rows are kept on one page. */
const SHORT_TABLE_ROWS = 12;

/**
 * A table of the report. Rows never split across pages and the header repeats on each page
 * (print.css); numbers are right-aligned in tabular figures.
 */
export function DocTable({ table, caption = true }: { table: ReportTable; caption?: boolean }) {
  return (
    <table
      className={table.rows.length <= SHORT_TABLE_ROWS ? 'rep-table short' : 'rep-table'}
      data-table={table.id}
    >
      {caption && <caption>{table.title}</caption>}
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th
              key={c.label}
              scope="col"
              className={c.numeric ? 'num' : c.wide ? 'wide' : undefined}
            >
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r} className={row.total ? 'total' : undefined}>
            {row.cells.map((cell, i) => (
              <td
                key={i}
                className={
                  table.columns[i]?.numeric
                    ? 'num'
                    : table.columns[i]?.nowrap
                      ? 'nowrap'
                      : undefined
                }
              >
                {cell.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
