import { useDeferredValue, useMemo, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '@shared/domain';
import { normalizeForSearch } from '@shared/validation/text';
import { inView, INQUIRY_VIEWS, isInquiryView, type InquiryView } from '@shared/workflow/inquiries';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { listInquiries } from '@renderer/db/queries/inquiries';
import { registryRowsOf } from '@renderer/db/queries/registry';
import { formatDay } from '@shared/format';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { InquiryDueCells } from './InquiryBadges';
import './inquiries.css';
import './inquiryLetter.css';
import './inquiryViews.css';

/** Newest first: drafts (no date yet) on top, then by outgoing date and number. */
function byNewest(a: Inquiry, b: Inquiry): number {
  const da = a.outgoingDate ?? '9999';
  const dbb = b.outgoingDate ?? '9999';
  if (da !== dbb) return da < dbb ? 1 : -1;
  return a.createdAt < b.createdAt ? 1 : -1;
}

function matches(inquiry: Inquiry, regNos: string, words: string[]): boolean {
  if (words.length === 0) return true;
  const hay = normalizeForSearch(
    [
      inquiry.outgoingNo ?? '',
      inquiry.subject,
      inquiry.addressee,
      regNos,
      inquiry.response?.theirNo ?? '',
    ].join(' '),
  );
  return words.every((w) => hay.includes(w));
}

/** `/inquiries`: every deputy inquiry, by view (`?view=overdue` from the Today page), searchable. */
export function InquiriesPage() {
  const { t } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const { today } = useSession();
  const [params, setParams] = useSearchParams();
  const view: InquiryView = isInquiryView(params.get('view'))
    ? (params.get('view') as InquiryView)
    : 'all';
  const text = params.get('q') ?? '';
  const deferred = useDeferredValue(text);

  const inquiries = useLiveQuery(() => listInquiries(db), [db]);
  const appealIds = useMemo(
    () => [...new Set((inquiries ?? []).flatMap((i) => i.appealIds))],
    [inquiries],
  );
  const rows = useLiveQuery(() => registryRowsOf(db, appealIds), [db, appealIds]);
  const regNoOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const row of rows ?? []) if (row) map.set(row.id, row.regNo);
    return map;
  }, [rows]);

  const counts = useMemo(() => {
    const result = {} as Record<InquiryView, number>;
    for (const v of INQUIRY_VIEWS) result[v] = 0;
    for (const inquiry of inquiries ?? []) {
      for (const v of INQUIRY_VIEWS) if (inView(inquiry, v, today)) result[v]++;
    }
    return result;
  }, [inquiries, today]);

  const words = normalizeForSearch(deferred).split(' ').filter(Boolean);
  const shown = (inquiries ?? [])
    .filter(
      (i) =>
        inView(i, view, today) &&
        matches(i, i.appealIds.map((id) => regNoOf.get(id) ?? '').join(' '), words),
    )
    .sort(byNewest);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '' || (key === 'view' && value === 'all')) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys({
    '/': () => searchRef.current?.focus(),
    n: () => void navigate('/inquiries/new'),
  });

  return (
    <section className="page inquiries-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{t('inquiries.title')}</h1>
        <div className="button-row">
          <Link className="button" to="/agencies">
            {t('inquiries.list.agencies')}
          </Link>
          <Link className="button primary" to="/inquiries/new" aria-keyshortcuts="n">
            {t('inquiries.list.new')} <span className="kbd">N</span>
          </Link>
        </div>
      </header>
      <nav className="inquiry-views" aria-label={t('inquiries.list.viewsLabel')}>
        {INQUIRY_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            className={`inquiry-view${v === view ? ' active' : ''}${v === 'overdue' && counts.overdue > 0 ? ' alarm' : ''}`}
            aria-pressed={v === view}
            onClick={() => setParam('view', v)}
          >
            {t(`inquiries.views.${v}`)}
            <span className="inquiry-view-count">{counts[v]}</span>
          </button>
        ))}
      </nav>
      <input
        ref={searchRef}
        type="search"
        className="inquiry-search"
        aria-label={t('inquiries.list.searchLabel')}
        placeholder={t('inquiries.list.searchPlaceholder')}
        value={text}
        onChange={(e) => setParam('q', e.target.value)}
      />
      {inquiries === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : shown.length === 0 ? (
        <div className="empty-state">
          <p>{inquiries.length === 0 ? t('inquiries.list.emptyAll') : t('inquiries.list.empty')}</p>
          {inquiries.length === 0 && <p className="muted">{t('inquiries.list.emptyHint')}</p>}
        </div>
      ) : (
        <table className="data-table inquiry-table">
          <thead>
            <tr>
              <th scope="col">{t('inquiries.columns.number')}</th>
              <th scope="col">{t('inquiries.columns.addressee')}</th>
              <th scope="col">{t('inquiries.columns.subject')}</th>
              <th scope="col">{t('inquiries.columns.appeals')}</th>
              <th scope="col">{t('inquiries.columns.due')}</th>
              <th scope="col">{t('inquiries.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((inquiry) => (
              <tr key={inquiry.id} data-inquiry={inquiry.id}>
                <td className="nowrap">
                  <Link to={`/inquiries/${inquiry.id}`} className="row-link">
                    {inquiry.outgoingNo ? `№ ${inquiry.outgoingNo}` : t('inquiries.draftNumber')}
                  </Link>
                  <div className="muted small">{formatDay(inquiry.outgoingDate)}</div>
                </td>
                <td className="clip">{inquiry.addressee.split('\n')[0]}</td>
                <td className="clip">
                  {inquiry.repeatOfId && (
                    <span className="repeat-mark">{t('inquiries.repeatMark')}</span>
                  )}
                  {inquiry.subject}
                </td>
                <td className="nowrap small">
                  {inquiry.appealIds.map((id) => regNoOf.get(id) ?? '…').join(', ') || '—'}
                </td>
                <InquiryDueCells inquiry={inquiry} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
