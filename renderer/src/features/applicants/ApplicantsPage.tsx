import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf, type Applicant } from '@shared/domain';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { formatDay, formatNumber } from '@shared/format';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { displayName, maskedPhone } from './display';
import {
  appealStats,
  countApplicants,
  parseApplicantQuery,
  searchApplicants,
  type AppealStats,
} from '@renderer/db/queries/applicants';
import { useVirtualRows } from './useVirtualRows';
import './applicants.css';
import './applicantForms.css';

/** Rows read at a time when the whole list is shown (newest first). */
export const LIST_PAGE = 100;
/** Search results read at most; a longer list asks the user to narrow the search. */
export const SEARCH_LIMIT = 300;
const ROW_HEIGHT = 44;

export function ApplicantsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const deferred = useDeferredValue(text);
  const query = useMemo(() => parseApplicantQuery(deferred), [deferred]);

  // Paging starts over with every new search.
  const [paging, setPaging] = useState({ key: deferred, pages: 1 });
  const pages = paging.key === deferred ? paging.pages : 1;

  const limit = query.kind === 'all' ? LIST_PAGE * pages : SEARCH_LIMIT;
  // While the next result is read, useLiveQuery keeps returning the previous one; the
  // result says which search it answers, so the list can say it is still being read.
  const asked = `${deferred}\n${limit}\n${lang}`;
  const result = useLiveQuery(
    async () => ({ asked, ...(await searchApplicants(db, query, { limit, lang })) }),
    [db, query, limit, lang, asked],
  );
  const items = useMemo(() => result?.items ?? [], [result]);
  const pending = result === undefined || result.asked !== asked || deferred !== text;

  // The highlight follows the person, not the row number: an arrow pressed before a search
  // answers must not leave Enter opening whoever lands on that row in the new list. A
  // person the new list does not contain hands the highlight back to its first row.
  const [activeId, setActiveId] = useState<string | null>(null);
  const found = activeId === null ? -1 : items.findIndex((a) => a.id === activeId);
  const active = found === -1 ? 0 : found;
  // Settle on that first row, so clearing the search later does not bring back a highlight
  // the user no longer saw.
  if (!pending && found === -1 && activeId !== (items[0]?.id ?? null)) {
    setActiveId(items[0]?.id ?? null);
  }
  const setActive = (index: number) => setActiveId(items[index]?.id ?? null);

  const idsKey = items.map((a) => a.id).join(',');
  const stats = useLiveQuery(
    () => appealStats(db, idsKey === '' ? [] : idsKey.split(',')),
    [db, idsKey],
  );
  const total = useLiveQuery(() => countApplicants(db), [db]);

  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys({ '/': () => searchRef.current?.focus() });

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualRows(items.length, scrollRef, ROW_HEIGHT);
  const virtualItems = virtualizer.getVirtualItems();

  // The whole list is read page by page: the next page when the user nears its end.
  const more = result?.more ?? false;
  const readMore = () => {
    if (query.kind === 'all' && more) setPaging({ key: deferred, pages: pages + 1 });
  };
  const onScroll = () => {
    const el = scrollRef.current;
    if (el && el.scrollTop + el.clientHeight >= el.scrollHeight - 10 * ROW_HEIGHT) readMore();
  };

  const open = (applicant: Applicant | undefined) => {
    if (applicant) void navigate(`/applicants/${applicant.id}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const last = items.length - 1;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, active + 1),
      ArrowUp: Math.max(0, active - 1),
      PageDown: Math.min(last, active + page),
      PageUp: Math.max(0, active - page),
    };
    if (event.key in moves && last >= 0) {
      event.preventDefault();
      const next = moves[event.key]!;
      setActive(next);
      // Keep the highlighted row in view (only when the keyboard moves it, so a page read
      // while the user scrolls with the mouse does not pull the list back).
      virtualizer.scrollToIndex(next, { align: 'auto' });
      if (next >= items.length - 10) readMore();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(items[active]);
    } else if (event.key === 'Escape' && text !== '') {
      event.preventDefault();
      setParams({}, { replace: true });
    }
  };

  const activeRowId = items[active]?.id;
  const searching = query.kind !== 'all';
  return (
    <section className="page applicants-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{t('applicants.title')}</h1>
        {total !== undefined && (
          <span className="applicants-total">
            {t('applicants.total', { count: total, formatted: formatNumber(total) })}
          </span>
        )}
      </header>
      <div className="applicants-search">
        <input
          ref={searchRef}
          type="search"
          className="applicants-search-input"
          aria-label={t('applicants.search.label')}
          aria-describedby="applicants-search-hint"
          aria-controls="applicants-grid"
          aria-activedescendant={activeRowId ? `applicant-${activeRowId}` : undefined}
          placeholder={t('applicants.search.placeholder')}
          value={text}
          autoFocus
          onChange={(e) => {
            const q = e.target.value;
            setParams(q === '' ? {} : { q }, { replace: true });
          }}
          onKeyDown={onKeyDown}
        />
        <p id="applicants-search-hint" className="applicants-hint">
          {t('applicants.search.hint')}
        </p>
      </div>

      <div
        id="applicants-grid"
        className="applicants-grid"
        role="grid"
        aria-label={t('applicants.title')}
        aria-rowcount={items.length + 1}
        aria-busy={pending}
      >
        <div className="applicants-head" role="row">
          <div role="columnheader" className="cell col-name">
            {t('applicants.columns.name')}
          </div>
          <div role="columnheader" className="cell col-phones">
            {t('applicants.columns.phones')}
          </div>
          <div role="columnheader" className="cell col-categories">
            {t('applicants.columns.categories')}
          </div>
          <div role="columnheader" className="cell col-appeals">
            {t('applicants.columns.appeals')}
          </div>
          <div role="columnheader" className="cell col-last">
            {t('applicants.columns.lastAppeal')}
          </div>
        </div>
        <div className="applicants-body" ref={scrollRef} onScroll={onScroll}>
          {result && items.length === 0 && (
            <p className="applicants-empty">
              {searching
                ? t('applicants.search.noResults', { query: text.trim() })
                : t('applicants.search.empty')}
            </p>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((item) => {
              const applicant = items[item.index]!;
              return (
                <ApplicantRow
                  key={applicant.id}
                  applicant={applicant}
                  stats={stats?.get(applicant.id)}
                  index={item.index}
                  top={item.start}
                  active={item.index === active}
                  onOpen={() => {
                    setActive(item.index);
                    open(applicant);
                  }}
                />
              );
            })}
          </div>
        </div>
      </div>
      <p className="applicants-footnote" aria-live="polite">
        {searching && more
          ? t('applicants.search.more', { limit: formatNumber(SEARCH_LIMIT) })
          : !searching && items.length > 0
            ? t('applicants.newestFirst')
            : ''}
      </p>
    </section>
  );
}

function ApplicantRow({
  applicant,
  stats,
  index,
  top,
  active,
  onOpen,
}: {
  applicant: Applicant;
  stats: AppealStats | undefined;
  index: number;
  top: number;
  active: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const categories = applicant.vulnerableCategories
    .map((c) => labelOf('vulnerableCategory', c, lang))
    .join(', ');
  // The list may be open in front of a visitor: phones masked (the person's page shows them).
  const phones = applicant.phones.map((p) => maskedPhone(p, lang)).join(', ');
  const anonymised = applicant.anonymisedAt !== null;
  return (
    <div
      id={`applicant-${applicant.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={`applicants-row${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={onOpen}
    >
      <div role="gridcell" className={`cell col-name${anonymised ? ' anonymised' : ''}`}>
        {displayName(applicant, t)}
      </div>
      <div role="gridcell" className="cell col-phones" title={phones}>
        {phones}
      </div>
      <div role="gridcell" className="cell col-categories" title={categories}>
        {categories}
      </div>
      <div role="gridcell" className="cell col-appeals">
        {stats ? stats.count : ''}
      </div>
      <div role="gridcell" className="cell col-last">
        {stats?.last ? formatDay(stats.last) : ''}
      </div>
    </div>
  );
}
