import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, type Applicant } from '@shared/domain';
import { formatPhone } from '@shared/validation/phone';
import { messageFor } from '@shared/validation/messages';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { mergeApplicants } from '@renderer/db/repositories';
import { findDuplicateApplicants } from '@renderer/db/queries/applicants';
import { Dialog } from '@renderer/ui/Dialog';
import { useFormSubmit } from '@renderer/ui/FormDialog';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { displayName, formatAddress, formatPhones, maskIin } from './display';
import { MERGE_FIELDS, previewMerge, type MergedFields, type MergeField } from './mergePreview';
import {
  mergeCounts,
  parseApplicantQuery,
  searchApplicants,
  type MergeCounts,
} from '@renderer/db/queries/applicants';

interface MergeDialogProps {
  applicant: Applicant;
  onClose: () => void;
  /** After a merge: how many appeals moved, and which record stayed. */
  onMerged: (moved: number, keptId: string) => void;
}

/**
 * Merging duplicates in two steps: choose the other record (suggested duplicates, or any
 * applicant found by search), then a side-by-side preview of both records and of the kept
 * one after the merge, with the number of appeals that move. Nothing is written before
 * the user confirms in the preview.
 */
export function MergeDialog({ applicant, onClose, onMerged }: MergeDialogProps) {
  const { t } = useTranslation();
  const { lang, ctx } = useSession();
  const db = useDb();
  const [other, setOther] = useState<Applicant | null>(null);
  const [keepThis, setKeepThis] = useState(true);
  const form = useForm();

  const keep = other && !keepThis ? other : applicant;
  const merge = other && !keepThis ? applicant : other;
  const counts = useLiveQuery(
    async () => (merge ? mergeCounts(db, keep.id, merge.id) : null),
    [db, keep.id, merge?.id],
  );
  const preview = merge ? previewMerge(keep, merge) : null;

  const moving = counts?.moving ?? 0;
  const { submit, failure, busy } = useFormSubmit(
    form,
    () => mergeApplicants(db, { keepId: keep.id, mergeId: merge!.id }, ctx),
    () => onMerged(moving, keep.id),
    { ctrlEnter: false },
  );

  const choose = (next: Applicant | null) => {
    setOther(next);
    setKeepThis(true);
    form.reset();
  };

  const cancel = (
    <button type="button" className="button" onClick={onClose}>
      {t('common.actions.cancel')}
    </button>
  );
  return (
    // One dialog for both steps, so the modal (and the focus in it) stays between them.
    <Dialog
      open
      wide
      title={t('applicants.merge.title')}
      onClose={onClose}
      footer={
        other && merge && preview ? (
          <>
            <button type="button" className="button merge-back" onClick={() => choose(null)}>
              ← {t('applicants.merge.back')}
            </button>
            {cancel}
            <button
              type="button"
              className="button primary"
              disabled={busy || preview.refusal !== null || !counts}
              onClick={() => void submit()}
            >
              {t('applicants.merge.confirm')}
            </button>
          </>
        ) : (
          cancel
        )
      }
    >
      {other && merge && preview ? (
        <>
          <fieldset className="merge-keep">
            <legend>{t('applicants.merge.keepLabel')}</legend>
            {[applicant, other].map((a) => (
              <label key={a.id} className="applicant-check">
                <input
                  type="radio"
                  name="merge-keep"
                  checked={keep.id === a.id}
                  onChange={() => setKeepThis(a.id === applicant.id)}
                />
                {displayName(a, t)}
                {a.id === applicant.id && (
                  <span className="applicant-muted"> ({t('applicants.merge.thisRecord')})</span>
                )}
              </label>
            ))}
          </fieldset>
          <MergePreviewTable keep={keep} merge={merge} counts={counts ?? undefined} />
          {preview.refusal ? (
            <p className="notice error merge-summary" role="alert">
              {messageFor(preview.refusal, lang)}
            </p>
          ) : (
            counts && (
              <p className="notice merge-summary" role="status">
                {t('applicants.merge.summary', {
                  count: counts.moving,
                  from: displayName(merge, t),
                  to: displayName(keep, t),
                })}{' '}
                {t('applicants.merge.archive')}
              </p>
            )
          )}
          {failure && (
            <p className="notice error merge-summary" role="alert">
              {failure}
            </p>
          )}
        </>
      ) : (
        <ChooseStep applicant={applicant} onChoose={choose} />
      )}
    </Dialog>
  );
}

/** Records that can take part in a merge: live and not anonymised. */
function mergeable(a: Applicant): boolean {
  return a.deletedAt === null && a.anonymisedAt === null && a.mergedInto === null;
}

function ChooseStep({
  applicant,
  onChoose,
}: {
  applicant: Applicant;
  onChoose: (other: Applicant) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const [text, setText] = useState('');
  const candidates = useLiveQuery(
    async () =>
      (
        await findDuplicateApplicants(db, {
          fullName: applicant.fullName,
          iin: applicant.iin,
          phones: applicant.phones,
          address: applicant.address,
          excludeId: applicant.id,
        })
      ).filter((c) => mergeable(c.applicant)),
    [db, applicant],
  );
  const query = parseApplicantQuery(text);
  const found = useLiveQuery(
    async () =>
      query.kind === 'all'
        ? null
        : (await searchApplicants(db, query, { limit: 8, lang })).items.filter(
            (a) => a.id !== applicant.id && mergeable(a),
          ),
    [db, text, lang, applicant.id],
  );

  return (
    <div className="merge-choose">
      <p className="merge-lead">
        {t('applicants.merge.lead', { name: displayName(applicant, t) })}
      </p>
      <h3>{t('applicants.merge.candidates')}</h3>
      {candidates && candidates.length === 0 && (
        <p className="applicant-muted">{t('applicants.merge.noCandidates')}</p>
      )}
      {candidates && candidates.length > 0 && (
        <ul className="merge-list" aria-label={t('applicants.merge.candidates')}>
          {candidates.map(({ applicant: c, reasons }) => (
            <CandidateItem key={c.id} applicant={c} onChoose={() => onChoose(c)}>
              {reasons.map((r) => (
                <span key={r} className="merge-reason">
                  {t(`applicants.merge.reasons.${r}`)}
                </span>
              ))}
            </CandidateItem>
          ))}
        </ul>
      )}
      <h3>
        <label htmlFor="merge-search">{t('applicants.merge.searchLabel')}</label>
      </h3>
      <input
        id="merge-search"
        type="search"
        className="applicants-search-input"
        placeholder={t('applicants.search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {found && found.length === 0 && (
        <p className="applicant-muted">
          {t('applicants.search.noResults', { query: text.trim() })}
        </p>
      )}
      {found && found.length > 0 && (
        <ul className="merge-list" aria-label={t('applicants.merge.searchLabel')}>
          {found.map((a) => (
            <CandidateItem key={a.id} applicant={a} onChoose={() => onChoose(a)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CandidateItem({
  applicant,
  onChoose,
  children,
}: {
  applicant: Applicant;
  onChoose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const details = [
    formatPhones(applicant.phones, lang),
    applicant.iin ? `${t('applicants.page.iin')} ${maskIin(applicant.iin)}` : '',
    formatAddress(applicant.address, t),
  ].filter((d) => d !== '');
  return (
    <li className="merge-item">
      <div className="merge-item-text">
        <strong>{displayName(applicant, t)}</strong>
        {children}
        <div className="merge-item-details">{details.join(' · ')}</div>
      </div>
      <button
        type="button"
        className="button"
        aria-label={t('applicants.merge.compareWith', { name: displayName(applicant, t) })}
        onClick={onChoose}
      >
        {t('applicants.merge.compare')}
      </button>
    </li>
  );
}

/** One field of a record as the preview shows it. */
function useFieldValue() {
  const { t } = useTranslation();
  const lang = useLang();
  const dash = '—';
  return (field: MergeField, record: MergedFields): ReactNode => {
    switch (field) {
      case 'fullName':
        return record.fullName || dash;
      case 'iin':
        return record.iin ? maskIin(record.iin) : dash;
      case 'phones':
        return record.phones.length > 0
          ? record.phones.map((p) => <div key={p}>{formatPhone(p, lang)}</div>)
          : dash;
      case 'email':
        return record.email ?? dash;
      case 'address':
        return formatAddress(record.address, t) || dash;
      case 'preferredLanguage':
        return labelOf('language', record.preferredLanguage, lang);
      case 'preferredChannel':
        return record.preferredChannel
          ? labelOf('contactChannel', record.preferredChannel, lang)
          : dash;
      case 'vulnerableCategories':
        return record.vulnerableCategories.length > 0
          ? record.vulnerableCategories
              .map((c) => labelOf('vulnerableCategory', c, lang))
              .join(', ')
          : dash;
      case 'consent':
        return record.consent?.given
          ? t('applicants.page.consentGiven', {
              date: formatDay(record.consent.date),
              form: labelOf('consentForm', record.consent.form, lang).toLocaleLowerCase(lang),
            })
          : dash;
    }
  };
}

/**
 * Both records side by side and the kept record as it will be after the merge; values the
 * merge takes from the duplicate are marked.
 */
export function MergePreviewTable({
  keep,
  merge,
  counts,
}: {
  keep: Applicant;
  merge: Applicant;
  counts: MergeCounts | undefined;
}) {
  const { t } = useTranslation();
  const valueOf = useFieldValue();
  const { result, fromDuplicate } = previewMerge(keep, merge);
  return (
    <div className="merge-preview-wrap">
      <table className="merge-preview" aria-label={t('applicants.merge.previewLabel')}>
        <thead>
          <tr>
            <th scope="col" className="merge-field">
              <span className="visually-hidden">{t('applicants.merge.columns.field')}</span>
            </th>
            <th scope="col">{t('applicants.merge.columns.keep')}</th>
            <th scope="col">{t('applicants.merge.columns.merge')}</th>
            <th scope="col" className="merge-result">
              {t('applicants.merge.columns.result')}
            </th>
          </tr>
        </thead>
        <tbody>
          {MERGE_FIELDS.map((field) => {
            const filled = fromDuplicate.has(field);
            return (
              <tr key={field} data-field={field}>
                <th scope="row" className="merge-field">
                  {t(`applicants.merge.fields.${field}`)}
                </th>
                <td>{valueOf(field, keep)}</td>
                <td className={filled ? 'merge-source' : undefined}>{valueOf(field, merge)}</td>
                <td className={`merge-result${filled ? ' merge-filled' : ''}`}>
                  {valueOf(field, result)}
                  {filled && (
                    <span className="merge-tag">{t('applicants.merge.fromDuplicate')}</span>
                  )}
                </td>
              </tr>
            );
          })}
          <tr data-field="appeals">
            <th scope="row" className="merge-field">
              {t('applicants.merge.fields.appeals')}
            </th>
            <td>{counts?.keep ?? '…'}</td>
            <td className={counts?.merge ? 'merge-source' : undefined}>{counts?.merge ?? '…'}</td>
            <td className={`merge-result${counts?.merge ? ' merge-filled' : ''}`}>
              {counts?.after ?? '…'}
              {counts !== undefined && counts.moving > 0 && (
                <span className="merge-tag">
                  {t('applicants.merge.moving', { count: counts.moving })}
                </span>
              )}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
