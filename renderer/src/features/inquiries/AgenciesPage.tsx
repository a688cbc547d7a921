import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { agencyName, labelOf, type Inquiry } from '@shared/domain';
import { agencyRecord } from '@shared/workflow/inquiries';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { listInquiries } from '@renderer/db/queries/inquiries';
import { searchAgencies } from '@renderer/db/queries/agencies';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { AgencyDialog } from './AgencyDialog';
import './inquiries.css';
import './inquiryLetter.css';
import './inquiryViews.css';

/** `/agencies`: the directory of addressees, searchable, with each one's record of answers. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { today } = useSession();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const deferred = useDeferredValue(text);
  const showRetired = params.get('retired') === '1';
  const [adding, setAdding] = useState(false);

  const agencies = useLiveQuery(
    () => searchAgencies(db, deferred, { lang, includeRetired: showRetired }),
    [db, deferred, lang, showRetired],
  );
  const inquiries = useLiveQuery(() => listInquiries(db), [db]);
  const byAgency = useMemo(() => {
    const map = new Map<string, Inquiry[]>();
    for (const inquiry of inquiries ?? []) {
      if (!inquiry.agencyId) continue;
      map.set(inquiry.agencyId, [...(map.get(inquiry.agencyId) ?? []), inquiry]);
    }
    return map;
  }, [inquiries]);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys({ '/': () => searchRef.current?.focus(), n: () => setAdding(true) }, !adding);

  return (
    <section className="page agencies-page" aria-labelledby="page-title">
      <nav className="breadcrumbs">
        <Link to="/inquiries">← {t('inquiries.title')}</Link>
      </nav>
      <header className="page-header">
        <h1 id="page-title">{t('inquiries.agencies.title')}</h1>
        <button
          type="button"
          className="button primary"
          onClick={() => setAdding(true)}
          aria-keyshortcuts="n"
        >
          {t('inquiries.agencies.add')} <span className="kbd">N</span>
        </button>
      </header>
      <div className="agencies-toolbar">
        <input
          ref={searchRef}
          type="search"
          className="inquiry-search"
          aria-label={t('inquiries.agencies.searchLabel')}
          placeholder={t('inquiries.agencies.searchPlaceholder')}
          value={text}
          autoFocus
          onChange={(e) => setParam('q', e.target.value)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showRetired}
            onChange={(e) => setParam('retired', e.target.checked ? '1' : '')}
          />
          {t('inquiries.agencies.showRetired')}
        </label>
      </div>
      {agencies === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : agencies.length === 0 ? (
        <div className="empty-state">
          <p>{text ? t('inquiries.agencies.notFound') : t('inquiries.agencies.empty')}</p>
        </div>
      ) : (
        <table className="data-table agency-table">
          <thead>
            <tr>
              <th scope="col">{t('inquiries.agencies.columns.name')}</th>
              <th scope="col">{t('inquiries.agencies.columns.head')}</th>
              <th scope="col">{t('inquiries.agencies.columns.contacts')}</th>
              <th scope="col" className="num">
                {t('inquiries.record.sent')}
              </th>
              <th scope="col" className="num">
                {t('inquiries.record.onTime')}
              </th>
              <th scope="col" className="num">
                {t('inquiries.record.late')}
              </th>
              <th scope="col" className="num">
                {t('inquiries.record.incomplete')}
              </th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((agency) => {
              const record = agencyRecord(byAgency.get(agency.id) ?? [], today);
              return (
                <tr key={agency.id}>
                  <td>
                    <Link to={`/agencies/${agency.id}`} className="row-link">
                      {agencyName(agency, lang)}
                    </Link>
                    <div className="muted small">
                      {labelOf('agencyKind', agency.kind, lang)}
                      {agency.retired && ` · ${t('inquiries.agencies.retired')}`}
                    </div>
                  </td>
                  <td>
                    {agency.headName || '—'}
                    {agency.headPosition[lang] && (
                      <div className="muted small">{agency.headPosition[lang]}</div>
                    )}
                  </td>
                  <td className="small">
                    {[agency.phone, agency.email].filter(Boolean).join(' · ') || '—'}
                  </td>
                  <td className="num">{record.sent}</td>
                  <td className="num">{record.answeredOnTime}</td>
                  <td className={`num${record.late > 0 ? ' bad' : ''}`}>{record.late}</td>
                  <td className={`num${record.incomplete > 0 ? ' bad' : ''}`}>
                    {record.incomplete}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AgencyDialog open={adding} agency={null} onClose={() => setAdding(false)} />
    </section>
  );
}
