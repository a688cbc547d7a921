import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { agencyName, labelOf, type Inquiry } from '@shared/domain';
import { agencyRecord } from '@shared/workflow/inquiries';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { setAgencyRetired } from '@renderer/db/repositories';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import { AgencyDialog } from './AgencyDialog';
import { InquiryDueCells } from './InquiryBadges';
import './inquiries.css';
import './inquiryLetter.css';
import './inquiryViews.css';

function newestFirst(a: Inquiry, b: Inquiry) {
  return (b.outgoingDate ?? '9999').localeCompare(a.outgoingDate ?? '9999');
}

/** `/agencies/:id`: one addressee — contacts, how it answers, and every inquiry sent to it. */
export function AgencyPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { today, ctx } = useSession();
  const [editing, setEditing] = useState(false);
  const agency = useLiveQuery(
    async () => (id ? ((await db.agencies.get(id)) ?? null) : null),
    [db, id],
  );
  const inquiries = useLiveQuery(
    async () =>
      id
        ? (await db.inquiries.where('agencyId').equals(id).toArray()).filter(
            (i) => i.deletedAt === null,
          )
        : [],
    [db, id],
  );
  if (agency === undefined || inquiries === undefined) {
    return <p className="page muted">{t('common.loading')}</p>;
  }
  if (agency === null) {
    return (
      <NotFoundPage
        title={t('inquiries.agency.notFound')}
        backTo="/agencies"
        backLabel={t('inquiries.agencies.title')}
      />
    );
  }
  const record = agencyRecord(inquiries, today);
  const other = lang === 'kk' ? 'ru' : 'kk';
  const facts: [string, string][] = [
    [t('inquiries.agency.kind'), labelOf('agencyKind', agency.kind, lang)],
    [
      t('inquiries.agency.head'),
      [agency.headPosition[lang], agency.headName].filter(Boolean).join(' ') || '—',
    ],
    [t('inquiries.agency.address'), agency.address || '—'],
    [t('inquiries.agency.phone'), agency.phone || '—'],
    [t('inquiries.agency.email'), agency.email ?? '—'],
  ];
  const stats: [string, number, boolean][] = [
    [t('inquiries.record.sent'), record.sent, false],
    [t('inquiries.record.onTime'), record.answeredOnTime, false],
    [t('inquiries.record.late'), record.late, record.late > 0],
    [t('inquiries.record.incomplete'), record.incomplete, record.incomplete > 0],
    [t('inquiries.record.waiting'), record.waiting, false],
  ];
  return (
    <article className="page agency-page" aria-labelledby="page-title">
      <nav className="breadcrumbs">
        <Link to="/agencies">← {t('inquiries.agencies.title')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1 id="page-title">{agencyName(agency, lang)}</h1>
          {agency.name[other] && <p className="muted">{agency.name[other]}</p>}
          {agency.retired && (
            <span className="badge muted-badge">{t('inquiries.agencies.retired')}</span>
          )}
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('common.actions.edit')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void setAgencyRetired(db, agency.id, !agency.retired, ctx)}
          >
            {agency.retired ? t('inquiries.agency.restore') : t('inquiries.agency.retire')}
          </button>
          {!agency.retired && (
            <Link className="button primary" to={`/inquiries/new?agency=${agency.id}`}>
              {t('inquiries.list.new')}
            </Link>
          )}
        </div>
      </header>
      <div className="agency-grid">
        <section className="card" aria-labelledby="agency-facts">
          <h2 id="agency-facts">{t('inquiries.agency.contacts')}</h2>
          <dl className="facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="agency-record">
          <h2 id="agency-record">{t('inquiries.record.title')}</h2>
          <ul className="record-stats">
            {stats.map(([label, value, bad]) => (
              <li key={label} className={bad ? 'bad' : ''}>
                <strong>{value}</strong>
                <span>{label}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="card" aria-labelledby="agency-inquiries">
        <h2 id="agency-inquiries">{t('inquiries.agency.inquiries')}</h2>
        {inquiries.length === 0 ? (
          <p className="muted">{t('inquiries.agency.noInquiries')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('inquiries.columns.number')}</th>
                <th scope="col">{t('inquiries.columns.subject')}</th>
                <th scope="col">{t('inquiries.columns.due')}</th>
                <th scope="col">{t('inquiries.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {[...inquiries].sort(newestFirst).map((inquiry) => (
                <tr key={inquiry.id}>
                  <td className="nowrap">
                    <Link to={`/inquiries/${inquiry.id}`} className="row-link">
                      {inquiry.outgoingNo ? `№ ${inquiry.outgoingNo}` : t('inquiries.draftNumber')}
                    </Link>
                    <div className="muted small">{formatDay(inquiry.outgoingDate)}</div>
                  </td>
                  <td>{inquiry.subject}</td>
                  <InquiryDueCells inquiry={inquiry} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <AgencyDialog open={editing} agency={agency} onClose={() => setEditing(false)} />
    </article>
  );
}
