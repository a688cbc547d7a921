import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf, type Applicant } from '@shared/domain';
import { toKzLocalDate } from '@shared/calendar/zone';
import { formatPhone } from '@shared/validation/phone';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { appealDeadline, DeadlineBadge, StatusBadge } from '@renderer/ui/badges';
import { formatDay, formatDayTime } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { AnonymiseDialog } from './AnonymiseDialog';
import { ApplicantFormDialog } from './ApplicantFormDialog';
import { addressParts, displayName, maskIin } from './display';
import { MergeDialog } from './MergeDialog';
import { applicantAppeals, type ApplicantAppealRow } from '@renderer/db/queries/applicants';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import './applicants.css';
import './applicantForms.css';

type Open = 'edit' | 'merge' | 'anonymise' | null;

/** What the previous screen wants said on arrival (after a merge that kept another record). */
interface ArrivalState {
  merged?: number;
}

export function ApplicantPage() {
  const { id = '' } = useParams();
  const db = useDb();
  const { t } = useTranslation();
  const applicant = useLiveQuery(async () => (await db.applicants.get(id)) ?? null, [db, id]);

  if (applicant === undefined) return <div className="page" aria-busy="true" />;
  if (applicant === null) {
    return (
      <NotFoundPage
        title={t('applicants.page.notFound')}
        backTo="/applicants"
        backLabel={t('applicants.page.back')}
      />
    );
  }
  // A new applicant on the same route starts with the IIN hidden and no dialog open.
  return <ApplicantView key={applicant.id} applicant={applicant} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/applicants" className="applicant-back">
      ← {t('applicants.page.back')}
    </Link>
  );
}

function ApplicantView({ applicant }: { applicant: Applicant }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const location = useLocation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Open>(null);
  const [merged, setMerged] = useState<number | null>(
    () => (location.state as ArrivalState | null)?.merged ?? null,
  );
  const appeals = useLiveQuery(() => applicantAppeals(db, applicant.id), [db, applicant.id]);

  const anonymised = applicant.anonymisedAt !== null;
  const gone = applicant.deletedAt !== null;
  const editable = !anonymised && !gone;

  return (
    <section className="page applicant-page" aria-labelledby="page-title">
      <BackLink />
      <header className="page-header applicant-header">
        <div>
          <h1 id="page-title" className={anonymised ? 'anonymised' : undefined}>
            {displayName(applicant, t)}
          </h1>
          {applicant.vulnerableCategories.length > 0 && (
            <ul className="applicant-chips" aria-label={t('applicants.page.categories')}>
              {applicant.vulnerableCategories.map((c) => (
                <li key={c} className="applicant-chip">
                  {labelOf('vulnerableCategory', c, lang)}
                </li>
              ))}
            </ul>
          )}
        </div>
        {editable && (
          <div className="button-row">
            <button type="button" className="button primary" onClick={() => setDialog('edit')}>
              {t('applicants.page.actions.edit')}
            </button>
            <button type="button" className="button" onClick={() => setDialog('merge')}>
              {t('applicants.page.actions.merge')}
            </button>
            {/* The dialog lists the appeals whose texts must be checked by hand: not before they are read. */}
            <button
              type="button"
              className="button danger"
              disabled={appeals === undefined}
              onClick={() => setDialog('anonymise')}
            >
              {t('applicants.page.actions.anonymise')}
            </button>
          </div>
        )}
      </header>

      {merged !== null && (
        <p className="notice applicant-notice" role="status">
          {t('applicants.page.merged', { count: merged })}{' '}
          <button type="button" className="link-button" onClick={() => setMerged(null)}>
            {t('common.actions.close')}
          </button>
        </p>
      )}
      {anonymised && (
        <p className="notice applicant-notice" role="status">
          {t('applicants.page.anonymisedNotice', {
            date: formatDay(toKzLocalDate(new Date(applicant.anonymisedAt!))),
          })}
        </p>
      )}
      {gone && <GoneNotice applicant={applicant} />}

      {!anonymised && !gone && (
        <div className="applicant-cards">
          <ContactsCard applicant={applicant} />
          <PersonalCard applicant={applicant} />
        </div>
      )}

      <AppealsCard rows={appeals} />

      {dialog === 'edit' && (
        <ApplicantFormDialog applicant={applicant} onClose={() => setDialog(null)} />
      )}
      {dialog === 'merge' && (
        <MergeDialog
          applicant={applicant}
          onClose={() => setDialog(null)}
          onMerged={(moved, keptId) => {
            setDialog(null);
            if (keptId === applicant.id) setMerged(moved);
            else void navigate(`/applicants/${keptId}`, { state: { merged: moved } });
          }}
        />
      )}
      {dialog === 'anonymise' && appeals && (
        <AnonymiseDialog applicant={applicant} appeals={appeals} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

function GoneNotice({ applicant }: { applicant: Applicant }) {
  const { t } = useTranslation();
  if (applicant.mergedInto === null) {
    return <p className="notice warning applicant-notice">{t('applicants.page.deleted')}</p>;
  }
  return (
    <p className="notice warning applicant-notice">
      {t('applicants.page.mergedInto')}{' '}
      <Link to={`/applicants/${applicant.mergedInto}`}>{t('applicants.page.openMerged')}</Link>
    </p>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="applicant-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ContactsCard({ applicant }: { applicant: Applicant }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notSet = <span className="applicant-muted">{t('common.notSet')}</span>;
  return (
    <section className="card applicant-card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('applicants.page.contacts')}</h2>
      <dl>
        <Row label={t('applicants.page.phones')}>
          {applicant.phones.length > 0 ? (
            <ul className="applicant-phones">
              {applicant.phones.map((p) => (
                <li key={p}>{formatPhone(p, lang)}</li>
              ))}
            </ul>
          ) : (
            notSet
          )}
        </Row>
        <Row label={t('applicants.page.email')}>{applicant.email ?? notSet}</Row>
        <Row label={t('applicants.page.language')}>
          {labelOf('language', applicant.preferredLanguage, lang)}
        </Row>
        <Row label={t('applicants.page.channel')}>
          {applicant.preferredChannel
            ? labelOf('contactChannel', applicant.preferredChannel, lang)
            : notSet}
        </Row>
        <Row label={t('applicants.page.categories')}>
          {applicant.vulnerableCategories.length > 0
            ? applicant.vulnerableCategories
                .map((c) => labelOf('vulnerableCategory', c, lang))
                .join(', ')
            : t('common.none')}
        </Row>
      </dl>
    </section>
  );
}

function PersonalCard({ applicant }: { applicant: Applicant }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [showIin, setShowIin] = useState(false);
  const notSet = <span className="applicant-muted">{t('common.notSet')}</span>;
  const address = addressParts(applicant.address, t);
  return (
    <section className="card applicant-card" aria-labelledby="personal-title">
      <h2 id="personal-title">{t('applicants.page.personal')}</h2>
      <p className="applicant-restricted">{t('applicants.page.restricted')}</p>
      <dl>
        <Row label={t('applicants.page.iin')}>
          {applicant.iin ? (
            <span className="applicant-iin">
              <span className="applicant-iin-value" data-testid="iin">
                {showIin ? applicant.iin : maskIin(applicant.iin)}
              </span>
              <button
                type="button"
                className="link-button"
                aria-pressed={showIin}
                onClick={() => setShowIin((v) => !v)}
              >
                {showIin ? t('applicants.page.hideIin') : t('applicants.page.showIin')}
              </button>
            </span>
          ) : (
            notSet
          )}
        </Row>
        <Row label={t('applicants.page.address')}>
          {address.length > 0
            ? address.map((part, i) => (
                <span key={i}>
                  {i > 0 && ', '}
                  <span className="applicant-address-part">{part}</span>
                </span>
              ))
            : notSet}
        </Row>
        <Row label={t('applicants.page.consent')}>
          {applicant.consent?.given
            ? t('applicants.page.consentGiven', {
                date: formatDay(applicant.consent.date),
                form: labelOf('consentForm', applicant.consent.form, lang).toLocaleLowerCase(lang),
              })
            : t('applicants.page.consentNone')}
        </Row>
      </dl>
    </section>
  );
}

function AppealsCard({ rows }: { rows: ApplicantAppealRow[] | undefined }) {
  const { t } = useTranslation();
  const { calendar, today } = useSession();
  const navigate = useNavigate();
  return (
    <section className="card applicant-card applicant-appeals" aria-labelledby="appeals-title">
      <h2 id="appeals-title">
        {t('applicants.page.appeals')}
        {rows && <span className="applicant-count">{rows.length}</span>}
      </h2>
      {rows && rows.length === 0 && (
        <p className="applicant-muted">{t('applicants.page.noAppeals')}</p>
      )}
      {rows && rows.length > 0 && (
        <table className="applicant-appeals-table">
          <thead>
            <tr>
              <th scope="col">{t('applicants.page.columns.regNo')}</th>
              <th scope="col">{t('applicants.page.columns.date')}</th>
              <th scope="col">{t('applicants.page.columns.subject')}</th>
              <th scope="col">{t('applicants.page.columns.role')}</th>
              <th scope="col">{t('applicants.page.columns.status')}</th>
              <th scope="col">{t('applicants.page.columns.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, role }) => (
              <tr
                key={row.id}
                className="applicant-appeal"
                onClick={() => void navigate(`/appeals/${row.id}`)}
              >
                <td>
                  <Link to={`/appeals/${row.id}`} onClick={(e) => e.stopPropagation()}>
                    {row.regNo}
                  </Link>
                </td>
                <td>{formatDayTime(row.receivedAt)}</td>
                <td className="applicant-subject" title={row.subject}>
                  {row.subject}
                </td>
                <td>{t(`applicants.page.role.${role}`)}</td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>
                  <DeadlineBadge deadline={appealDeadline(calendar, today, row)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
