import {
  useEffect,
  useMemo,
  useRef,
  type Dispatch,
  type KeyboardEvent,
  type SetStateAction,
} from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { StatusBadge, DeadlineBadge } from '@renderer/ui/badges';
import { formatDayTime } from '@shared/format';
import type { Row, SortKey } from './query';

interface Props {
  rows: Row[];
  sort: SortKey;
  dir: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
  active: number;
  onActiveChange: Dispatch<SetStateAction<number>>;
  onOpen: (row: Row) => void;
  topicLabel: (id: string) => string;
  userName: (id: string | null) => string;
}

const ROW_HEIGHT = 40;

export function RegistryTable({
  rows,
  sort,
  dir,
  onSort,
  active,
  onActiveChange,
  onOpen,
  topicLabel,
  userName,
}: Props) {
  const { t } = useTranslation();
  const anonymous = t('common.anonymous');
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: 'regNo',
        header: t('registry.columns.regNo'),
        cell: ({ row }) => <strong>{row.original.regNo}</strong>,
      },
      {
        id: 'receivedAt',
        header: t('registry.columns.received'),
        cell: ({ row }) => formatDayTime(row.original.receivedAt),
      },
      {
        id: 'applicantName',
        header: t('registry.columns.applicant'),
        cell: ({ row }) => row.original.applicantName || <span className="muted">{anonymous}</span>,
      },
      {
        id: 'subject',
        header: t('registry.columns.subject'),
        cell: ({ row }) => (
          <>
            {row.original.priority && (
              <span
                className="priority-mark"
                title={t('registry.priority')}
                aria-label={t('registry.priority')}
              >
                ●
              </span>
            )}
            {row.original.subject}
          </>
        ),
      },
      {
        id: 'topic',
        header: t('registry.columns.topic'),
        cell: ({ row }) => topicLabel(row.original.topic),
      },
      {
        id: 'status',
        header: t('registry.columns.status'),
        cell: ({ row }) => <StatusBadge status={row.original.status} />,
      },
      {
        id: 'deadline',
        header: t('registry.columns.deadline'),
        cell: ({ row }) => {
          const r = row.original;
          return r.open && r.deadlineState && r.daysLeft !== null ? (
            <DeadlineBadge
              deadline={{
                kind: 'open',
                state: r.deadlineState,
                daysLeft: r.daysLeft,
                due: r.decideBy,
              }}
            />
          ) : r.decidedOn ? (
            <DeadlineBadge
              deadline={{
                kind: 'done',
                onTime: r.decidedOn <= r.decideBy,
                due: r.decideBy,
                decidedOn: r.decidedOn,
              }}
            />
          ) : null;
        },
      },
      {
        id: 'assignee',
        header: t('registry.columns.assignee'),
        cell: ({ row }) => userName(row.original.assignee),
      },
    ],
    [t, anonymous, topicLabel, userName],
  );

  // Rows arrive already filtered and sorted. Only the rows in the virtual window go through
  // the table (columns and cells): giving it every row made it build a row object for each
  // of 50,000 appeals on every filter, search and page load.
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const windowStart = virtualItems[0]?.index ?? 0;
  const windowEnd = (virtualItems[virtualItems.length - 1]?.index ?? -1) + 1;
  const windowRows = useMemo(
    () => rows.slice(windowStart, windowEnd),
    [rows, windowStart, windowEnd],
  );
  const table = useReactTable({
    data: windowRows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });
  const tableRows = table.getRowModel().rows;

  useEffect(() => {
    if (active >= 0 && active < rows.length) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, rows.length, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = rows.length - 1;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    // Updaters, not values: keys repeat faster than React re-renders.
    const moves: Record<string, (prev: number) => number> = {
      ArrowDown: (prev) => Math.min(last, prev + 1),
      ArrowUp: (prev) => Math.max(0, prev - 1),
      PageDown: (prev) => Math.min(last, prev + page),
      PageUp: (prev) => Math.max(0, prev - page),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      onActiveChange(move);
    } else if (event.key === 'Enter' && rows[active]) {
      event.preventDefault();
      onOpen(rows[active]);
    }
  };

  // Long names and subjects are cut with an ellipsis; the full text shows on hover.
  const cellTitle = (column: string, row: Row) =>
    column === 'subject'
      ? row.subject
      : column === 'applicantName'
        ? row.applicantName
        : column === 'topic'
          ? topicLabel(row.topic)
          : undefined;

  const activeId = rows[active]?.id;
  return (
    <div
      className="registry-table"
      role="grid"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={activeId ? `row-${activeId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (rows.length) onActiveChange((prev) => (prev < 0 ? 0 : prev));
      }}
    >
      <div className="registry-head" role="row">
        {table.getFlatHeaders().map((header) => {
          const key = header.id as SortKey;
          const sorted = sort === key;
          return (
            <div
              key={header.id}
              role="columnheader"
              className={`cell col-${header.id}`}
              aria-sort={sorted ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" tabIndex={-1} onClick={() => onSort(key)}>
                {flexRender(header.column.columnDef.header, header.getContext())}
                <span className="sort-mark" aria-hidden="true">
                  {sorted ? (dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      <div className="registry-body" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((item) => {
            const row = tableRows[item.index - windowStart]!;
            const isActive = item.index === active;
            return (
              <div
                key={row.id}
                id={`row-${row.id}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isActive}
                className={`registry-row${isActive ? ' active' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  onActiveChange(item.index);
                  onOpen(row.original);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="gridcell"
                    className={`cell col-${cell.column.id}`}
                    title={cellTitle(cell.column.id, row.original)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
