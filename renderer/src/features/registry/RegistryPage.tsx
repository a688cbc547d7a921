import './registry.css';
import { useCallback, useEffect, useMemo, useRef, useState, type SetStateAction } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import { topicLabel as topicName } from '@shared/domain';
import { formatQuarter } from '@shared/format';
import { parsePlaceParam, placeMatches } from '@renderer/features/problemMap/light';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { RegistryFilters } from './RegistryFilters';
import { RegistryTable } from './RegistryTable';
import {
  DEFAULT_QUERY,
  filterRows,
  parseQuery,
  queryToParams,
  selectRows,
  viewCounts,
  VIEWS,
  withDeadlines,
  type RegistryQuery,
  type Row,
  type SortKey,
} from './query';
import { resolveSearch, searchSettled, type SearchMatches } from '@renderer/db/queries/registry';
import { useRegistryRows } from './useRegistryRows';
import { bestFirst, matchesInOrder, usePresorted } from './usePresorted';
import { useSearchIndexVersion } from '@renderer/db/useSearchIndex';
import { RegistryJournalActions } from '@renderer/features/journalImport/light';

/** The query parameters of a router location. */
function params(location: { search: string }): URLSearchParams {
  return new URLSearchParams(location.search);
}

function isDefaultListing(query: RegistryQuery): boolean {
  return JSON.stringify({ ...query }) === JSON.stringify(DEFAULT_QUERY);
}

export function RegistryPage() {
  const { t } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const { settings, calendar, today, user, lang } = useSession();
  // The query lives in the URL (a view can be reopened, Back comes back to it) but is held
  // here: a change writes the URL in place instead of navigating, so a keystroke renders
  // this page only, not the whole app under the router (the sidebar's links, the layout).
  // A navigation to the registry (a link with a view, Back) brings its own query.
  const location = useLocation();
  const [shown, setShown] = useState(() => ({ location, query: parseQuery(params(location)) }));
  let query = shown.query;
  if (shown.location !== location) {
    query = parseQuery(params(location));
    setShown({ location, query });
  }
  const [searchText, setSearchText] = useState(query.q);
  const [searchFor, setSearchFor] = useState(query.q);
  if (searchFor !== query.q) {
    // The query came from a navigation: the search box shows its text.
    setSearchFor(query.q);
    setSearchText(query.q);
  }
  // Search results are tagged with the text they answer, so a slow answer to an older
  // keystroke is never shown for newer text.
  const [found, setFound] = useState<{ q: string; ids: SearchMatches | null }>({
    q: '',
    ids: null,
  });
  const [active, setActive] = useState(-1);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const setQuery = useCallback(
    (patch: Partial<RegistryQuery>) => {
      const next = parseQuery(queryToParams({ ...query, ...patch }));
      const search = queryToParams(next).toString();
      window.history.replaceState(
        window.history.state,
        '',
        `#${location.pathname}${search ? `?${search}` : ''}`,
      );
      setShown({ location, query: next });
      if (next.q !== query.q) setSearchFor(next.q);
    },
    [query, location],
  );

  // The search text is resolved by the in-memory search index, again whenever the index
  // changes (an appeal written here or imported). An index holding every committed change
  // answers in this render; one still building or taking in a change answers when ready,
  // and the latest keystroke wins.
  const searchVersion = useSearchIndexVersion(db);
  const currentYear = Number(today.slice(0, 4));
  const answeredNow = useMemo(
    () => searchSettled(db, query.q, currentYear),
    // The version is what tells that the index changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [db, query.q, currentYear, searchVersion],
  );
  const waiting = answeredNow === undefined;
  useEffect(() => {
    if (!waiting) return;
    let current = true;
    void resolveSearch(db, query.q, currentYear).then((ids) => {
      if (current) setFound({ q: query.q, ids });
    });
    return () => {
      current = false;
    };
  }, [db, query.q, currentYear, searchVersion, waiting]);
  const answer = waiting ? found : { q: query.q, ids: answeredNow };

  const { all, newest } = useRegistryRows(db);
  const rows = useMemo(
    () => (all ? withDeadlines(all, calendar, today) : null),
    [all, calendar, today],
  );
  const viewCtx = useMemo(
    () => ({ userId: user.id, now: toKzLocalDateTime(new Date()) }),
    [user.id],
  );
  const counts = useMemo(() => (rows ? viewCounts(rows, viewCtx) : null), [rows, viewCtx]);

  const topics = settings.topics;
  const topicLabel = useCallback((id: string) => topicName(topics, id, lang), [topics, lang]);
  const users = settings.users;
  const userName = useCallback(
    (id: string | null) => users.find((u) => u.id === id)?.fullName ?? '',
    [users],
  );
  const collator = useMemo(
    () => new Intl.Collator(lang === 'kk' ? 'kk' : 'ru', { sensitivity: 'base' }),
    [lang],
  );

  // While newer text is being resolved the previous results stay on screen, the first search
  // included: taking the table away would take the keyboard focus and the selected row with it.
  const hasSearch = query.q.trim() !== '';
  const searchPending = answer.q !== query.q;
  const matches = answer.q.trim() === '' ? null : answer.ids;
  const sorted = usePresorted(rows, query.sort, query.dir, {
    topic: topicLabel,
    assignee: userName,
    collator,
  });
  // A place from the problem map: the appeals registered there in its quarter.
  const placeFilter = useMemo(() => parsePlaceParam(query.place), [query.place]);
  const placeIds = useLiveQuery(
    async () =>
      placeFilter === null ? null : placeMatches(await db.appeals.toArray(), placeFilter),
    [db, placeFilter],
  );
  const filtersActive = Object.entries(query).some(
    ([k, v]) =>
      !['view', 'sort', 'dir', 'q'].includes(k) && v !== DEFAULT_QUERY[k as keyof RegistryQuery],
  );
  const narrowed = filtersActive || query.view !== DEFAULT_QUERY.view;
  const filtered: readonly Row[] | null = useMemo(() => {
    if (!rows || !sorted) {
      // Until every row has loaded, the newest ones show for the default listing.
      return newest && isDefaultListing(query) ? withDeadlines(newest, calendar, today) : null;
    }
    // Without a search, a view or a filter selects from subsets of the sorted rows kept per
    // order (a status filter changed again does not go through every row again).
    if (!hasSearch || matches === null) return selectRows(sorted, query, viewCtx);
    // A search in the default order lists the better matches first (docs/search.md: a number
    // before a name before a text), equally good ones newest first; a column the user sorted
    // by keeps its order. Filters keep the order they are given: they narrow that list.
    const found = matchesInOrder(sorted, matches);
    const byDefault = query.sort === DEFAULT_QUERY.sort && query.dir === DEFAULT_QUERY.dir;
    const ordered = byDefault ? bestFirst(found) : found.rows;
    return narrowed ? filterRows(ordered, query, viewCtx, null) : ordered;
  }, [rows, sorted, newest, query, hasSearch, matches, viewCtx, calendar, today, narrowed]);
  const visible: readonly Row[] | null = useMemo(() => {
    if (filtered === null || placeFilter === null) return filtered;
    if (placeIds == null) return null;
    return filtered.filter((row) => placeIds.has(row.id));
  }, [filtered, placeFilter, placeIds]);

  // The selected row stays selected while it is still in the new list; otherwise nothing is
  // selected, and arrows or the search box's ↓ select the first. `listKey` is the list the
  // selection points into, followed only while a row is selected (selecting sets it): a
  // keystroke or a filter with nothing selected renders the page once, not twice.
  const [listKey, setListKey] = useState(visible);
  if (listKey !== visible && active >= 0) {
    const activeId = active >= 0 ? listKey?.[active]?.id : undefined;
    setListKey(visible);
    const next = activeId && visible ? visible.findIndex((row) => row.id === activeId) : -1;
    if (next !== active) setActive(next);
  }

  const select = useCallback(
    (action: SetStateAction<number>) => {
      setListKey(visible);
      setActive(action);
    },
    [visible],
  );

  const open = useCallback((row: Row) => navigate(`/appeals/${row.id}`), [navigate]);

  useHotkeys({
    '/': () => searchRef.current?.focus(),
    n: () => navigate('/appeals/new'),
  });

  // A second click reverses; a new column starts newest-first for dates and numbers.
  const onSort = useCallback(
    (key: SortKey) =>
      setQuery(
        query.sort === key
          ? { dir: query.dir === 'asc' ? 'desc' : 'asc' }
          : { sort: key, dir: key === 'receivedAt' || key === 'regNo' ? 'desc' : 'asc' },
      ),
    [query.sort, query.dir, setQuery],
  );

  // The list answers in the same render as the box: selecting from rows sorted before and
  // the index's answer take a few milliseconds even at 50,000 appeals.
  const onSearchChange = (value: string) => {
    setSearchText(value);
    setQuery({ q: value });
  };

  const total = all?.length ?? null;
  // What the page says, translated once per language, and the counts once per count: an
  // i18next call takes tens of microseconds, and the page renders twice per keystroke or
  // filter change (measured: 60 calls, 5 ms of a status filter change at 10,000 appeals,
  // most of them here and in the filters).
  const texts = useMemo(
    () => ({
      title: t('registry.title'),
      loading: t('registry.loading'),
      loadingRest: ` · ${t('registry.loadingRest')}`,
      newAppeal: t('registry.newAppeal'),
      viewsLabel: t('registry.viewsLabel'),
      views: Object.fromEntries(VIEWS.map((view) => [view, t(`registry.views.${view}`)])),
      searchPlaceholder: t('registry.searchPlaceholder'),
      searchLabel: t('registry.searchLabel'),
      clearPlace: t('problemMap.clearPlace'),
      emptyDatabase: t('registry.emptyDatabase'),
      noMatches: t('registry.noMatches'),
      keyboardHint: t('registry.keyboardHint'),
    }),
    [t],
  );
  const shownCount = visible?.length ?? null;
  const shownText = useMemo(
    () => (shownCount === null ? null : t('registry.shown', { count: shownCount })),
    [t, shownCount],
  );
  const ofTotalText = useMemo(
    () => (total === null ? null : ` · ${t('registry.ofTotal', { count: total })}`),
    [t, total],
  );

  return (
    <section className="page registry-page" aria-labelledby="registry-title">
      <header className="page-header">
        <h1 id="registry-title">{texts.title}</h1>
        <div className="button-row">
          <span className="muted registry-total" aria-live="polite">
            {shownText ?? texts.loading}
            {total !== null && visible && visible.length !== total ? ofTotalText : ''}
            {/* The newest page shows first; until the rest has arrived its count is not the registry's. */}
            {visible && all === undefined ? texts.loadingRest : ''}
          </span>
          <RegistryJournalActions visible={visible} />
          <Link className="button primary" to="/appeals/new">
            {texts.newAppeal} <span className="kbd">N</span>
          </Link>
        </div>
      </header>

      <nav className="registry-views" aria-label={texts.viewsLabel}>
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className={`view-tab${query.view === view ? ' active' : ''}`}
            aria-pressed={query.view === view}
            onClick={() => setQuery({ view })}
          >
            {texts.views[view]}
            {counts && <span className="view-count">{counts[view]}</span>}
          </button>
        ))}
      </nav>

      <div className="registry-toolbar">
        <input
          ref={searchRef}
          type="search"
          className="registry-search"
          placeholder={texts.searchPlaceholder}
          aria-label={texts.searchLabel}
          value={searchText}
          onChange={(e) => onSearchChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              select((prev) => (prev < 0 ? 0 : prev));
              tableRef.current?.querySelector<HTMLElement>('[role=grid]')?.focus();
            } else if (e.key === 'Escape' && searchText) {
              onSearchChange('');
            }
          }}
        />
        <RegistryFilters
          query={query}
          onChange={setQuery}
          settings={settings}
          lang={lang}
          active={filtersActive}
        />
      </div>
      {placeFilter && (
        <p className="notice info registry-place-filter" data-place-filter={placeFilter.key}>
          {t('problemMap.registryFilter', {
            place: `${placeFilter.key} (${formatQuarter(placeFilter.quarter, lang)})`,
          })}{' '}
          <button type="button" className="link-button" onClick={() => setQuery({ place: '' })}>
            {texts.clearPlace}
          </button>
        </p>
      )}

      <div ref={tableRef} className="registry-table-wrap" aria-busy={searchPending || undefined}>
        {visible === null ? (
          <p className="muted registry-empty" aria-busy="true">
            {texts.loading}
          </p>
        ) : visible.length === 0 ? (
          <p className="registry-empty">{total === 0 ? texts.emptyDatabase : texts.noMatches}</p>
        ) : (
          <RegistryTable
            rows={visible}
            sort={query.sort}
            dir={query.dir}
            onSort={onSort}
            active={active}
            onActiveChange={select}
            onOpen={open}
            topicLabel={topicLabel}
            userName={userName}
          />
        )}
      </div>
      <p className="keyboard-hint muted">{texts.keyboardHint}</p>
    </section>
  );
}
