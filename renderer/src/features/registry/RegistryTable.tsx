import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  type Dispatch,
  type KeyboardEvent,
  type SetStateAction,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/i18n/lang';
import { deadlineBadge, deadlineText, statusBadge, type AppealDeadline } from '@renderer/ui/badges';
import { formatDayTime } from '@shared/format';
import { useRowWindow } from '@renderer/ui/useRowWindow';
import { SORT_KEYS, type Row, type SortKey } from './query';

interface Props {
  rows: readonly Row[];
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

/** The columns, in order: each is also the sort key of its header. */
const HEADERS = {
  regNo: 'registry.columns.regNo',
  receivedAt: 'registry.columns.received',
  applicantName: 'registry.columns.applicant',
  subject: 'registry.columns.subject',
  topic: 'registry.columns.topic',
  status: 'registry.columns.status',
  deadline: 'registry.columns.deadline',
  assignee: 'registry.columns.assignee',
} as const satisfies Record<SortKey, string>;

/**
 * What the rows say in the interface language, translated once for the table: a row
 * translating for itself (a hook and i18next's plural rules per badge) cost most of the
 * time of a row's first render, and a search mounts a window of new rows per keystroke.
 */
interface RowTexts {
  lang: Lang;
  anonymous: string;
  priority: string;
  deadline: (deadline: AppealDeadline) => string;
}

function rowTexts(t: TFunction, lang: Lang): RowTexts {
  const said = new Map<string, string>();
  return {
    lang,
    anonymous: t('common.anonymous'),
    priority: t('registry.priority'),
    deadline: (deadline) => {
      const key =
        deadline.kind === 'done'
          ? `done ${deadline.onTime}`
          : `${deadline.state} ${deadline.daysLeft}`;
      let text = said.get(key);
      if (text === undefined) {
        text = deadlineText(t, deadline);
        said.set(key, text);
      }
      return text;
    },
  };
}

function rowDeadline(r: Row): AppealDeadline | null {
  return r.open && r.deadlineState && r.daysLeft !== null
    ? { kind: 'open', state: r.deadlineState, daysLeft: r.daysLeft, due: r.decideBy }
    : r.decidedOn
      ? { kind: 'done', onTime: r.decidedOn <= r.decideBy, due: r.decideBy, decidedOn: r.decidedOn }
      : null;
}

interface RowProps {
  row: Row;
  index: number;
  start: number;
  active: boolean;
  texts: RowTexts;
  topicLabel: (id: string) => string;
  userName: (id: string | null) => string;
  onClick: (index: number, row: Row) => void;
}

/**
 * One row of the table. Memoised: a keystroke of a search re-renders the rows whose
 * appeal, place or selection changed, not every row in the window. Long names and
 * subjects are cut with an ellipsis; the full text shows on hover.
 */
const RegistryRowView = memo(function RegistryRowView({
  row,
  index,
  start,
  active,
  texts,
  topicLabel,
  userName,
  onClick,
}: RowProps) {
  const topic = topicLabel(row.topic);
  const deadline = rowDeadline(row);
  return (
    <div
      id={`row-${row.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={`registry-row${active ? ' active' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => onClick(index, row)}
    >
      <div role="gridcell" className="cell col-regNo">
        <strong>{row.regNo}</strong>
      </div>
      <div role="gridcell" className="cell col-receivedAt">
        {formatDayTime(row.receivedAt)}
      </div>
      <div role="gridcell" className="cell col-applicantName" title={row.applicantName}>
        {row.applicantName || <span className="muted">{texts.anonymous}</span>}
      </div>
      <div role="gridcell" className="cell col-subject" title={row.subject}>
        {row.priority && (
          <span className="priority-mark" title={texts.priority} aria-label={texts.priority}>
            ●
          </span>
        )}
        {row.subject}
      </div>
      <div role="gridcell" className="cell col-topic" title={topic}>
        {topic}
      </div>
      <div role="gridcell" className="cell col-status">
        {statusBadge(row.status, texts.lang)}
      </div>
      <div role="gridcell" className="cell col-deadline">
        {deadline && deadlineBadge(deadline, texts.deadline(deadline))}
      </div>
      <div role="gridcell" className="cell col-assignee">
        {userName(row.assignee)}
      </div>
    </div>
  );
});

export const RegistryTable = memo(function RegistryTable({
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
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ru' ? 'ru' : 'kk';
  const texts = useMemo(() => rowTexts(t, lang), [t, lang]);
  const headers = useMemo(() => SORT_KEYS.map((key) => [key, t(HEADERS[key])] as const), [t]);
  const onRowClick = useCallback(
    (index: number, row: Row) => {
      onActiveChange(index);
      onOpen(row);
    },
    [onActiveChange, onOpen],
  );

  // Rows arrive already filtered and sorted; only the rows in the virtual window render.
  const scrollRef = useRef<HTMLDivElement>(null);
  // One row beyond the visible ones on each side: each rendered row is laid out and painted
  // again whenever a search or a filter changes the list (measured at 1366×768: about 0.4 ms
  // of layout per row), and a scroll renders its rows before it paints (useRowWindow).
  const { start, end, totalSize, scrollToIndex } = useRowWindow(
    scrollRef,
    rows.length,
    ROW_HEIGHT,
    1,
  );
  const windowRows: number[] = [];
  for (let index = start; index <= end; index++) windowRows.push(index);

  useEffect(() => {
    if (active >= 0 && active < rows.length) scrollToIndex(active);
  }, [active, rows.length, scrollToIndex]);

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
        {headers.map(([key, header]) => {
          const sorted = sort === key;
          return (
            <div
              key={key}
              role="columnheader"
              className={`cell col-${key}`}
              aria-sort={sorted ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" tabIndex={-1} onClick={() => onSort(key)}>
                {header}
                <span className="sort-mark" aria-hidden="true">
                  {sorted ? (dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      <div className="registry-body" ref={scrollRef}>
        <div style={{ height: totalSize, position: 'relative' }}>
          {windowRows.map((index) => {
            const row = rows[index]!;
            // Keyed by place in the list, not by appeal: a filter or a search that brings
            // other appeals into the window updates the rows' texts in place instead of
            // removing every row element and creating new ones (new elements cost their
            // style, their layout objects and their DOM; measured: style recalculation per
            // change halved). A memoised row whose appeal and place did not change is kept.
            return (
              <RegistryRowView
                key={index}
                row={row}
                index={index}
                start={index * ROW_HEIGHT}
                active={index === active}
                texts={texts}
                topicLabel={topicLabel}
                userName={userName}
                onClick={onRowClick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
