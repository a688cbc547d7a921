import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isLocalDate, labelOf, type Reception } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  cancelReception,
  createReception,
  editConflict,
  RepositoryError,
  updateReception,
  type ReceptionPlan,
} from '@renderer/db/repositories';
import { getReception } from '@renderer/db/queries/receptions';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { AnnouncementPanel } from './AnnouncementPanel';
import { formValues, PlanForm, type PlanFormValues } from './PlanForm';
import { PreparationPanel } from './PreparationPanel';
import { timeRange } from './receptionText';
import './reception.css';
import './receptionPlan.css';
import { formatDayWithWeekday } from '@shared/format';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import { describeWriteError } from '@renderer/ui/errors';

function CancelDialog({ reception, onClose }: { reception: Reception; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await cancelReception(db, reception.id, reason, ctx);
      onClose();
    } catch (failure) {
      const described = describeWriteError(failure, lang, true);
      if (!described) throw failure;
      const { message, fields } = described;
      setError(message ?? fields.cancelReason ?? Object.values(fields)[0] ?? null);
    }
  };
  return (
    <Dialog
      open
      title={t('reception.plan.cancel')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('reception.plan.keep')}
          </button>
          <button type="submit" form="reception-cancel" className="button danger">
            {t('reception.plan.cancelConfirm')}
          </button>
        </>
      }
    >
      <form id="reception-cancel" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('reception.plan.cancelHint')}</p>
        <Field label={t('reception.plan.cancelReason')} required error={error}>
          <textarea
            rows={3}
            autoFocus
            maxLength={1_000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </form>
    </Dialog>
  );
}

function samePlan(a: PlanFormValues, b: PlanFormValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function ExistingReception({ reception }: { reception: Reception }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, today, calendar } = useSession();
  const [cancelling, setCancelling] = useState(false);
  const defaults = formValues(reception);

  // Ticks and announcements change the record's version too; only a change of the plan
  // itself by someone else since this edit began is a conflict.
  const save = async (plan: ReceptionPlan, base: PlanFormValues) => {
    const current = await getReception(db, reception.id);
    if (!current) throw new RepositoryError('not_found', 'record_not_found');
    if (!samePlan(formValues(current), base)) throw editConflict();
    const saved = await updateReception(db, reception.id, plan, ctx, {
      expectedVersion: current.version,
    });
    return formValues(saved);
  };

  const planned = reception.status === 'planned';
  return (
    <>
      <header className="page-header reception-plan-header">
        <div>
          <Link to="/reception" className="reception-back">
            ← {t('reception.plan.back')}
          </Link>
          <h1 id="page-title">
            {t('reception.plan.title', {
              when: `${formatDayWithWeekday(reception.date, lang)}, ${timeRange(reception)}`,
            })}
          </h1>
        </div>
        <div className="button-row">
          <span
            className={`status-badge reception-status ${reception.status}`}
            data-testid="reception-status"
          >
            {labelOf('receptionStatus', reception.status, lang)}
          </span>
          {planned && (
            <Link
              to={`/reception/${reception.id}/run`}
              className={`button${reception.date <= today ? ' primary' : ''}`}
            >
              {t('reception.plan.start')}
            </Link>
          )}
          {reception.status === 'held' && (
            <Link to={`/reception/${reception.id}/summary`} className="button primary">
              {t('reception.plan.summary')}
            </Link>
          )}
          {planned && (
            <button type="button" className="button danger" onClick={() => setCancelling(true)}>
              {t('reception.plan.cancel')}
            </button>
          )}
        </div>
      </header>
      {reception.status === 'cancelled' && (
        <p className="notice warning" role="status">
          {t('reception.plan.cancelled', { reason: reception.cancelReason ?? '' })}
        </p>
      )}
      {reception.status === 'held' && (
        <p className="notice" role="status">
          {t('reception.plan.held')}
        </p>
      )}
      <div className="reception-plan-top">
        <PlanForm
          key={reception.id}
          defaults={defaults}
          readOnly={!planned}
          isNew={false}
          today={today}
          calendar={calendar}
          onSave={save}
        />
        <PreparationPanel reception={reception} />
      </div>
      <AnnouncementPanel reception={reception} />
      {cancelling && <CancelDialog reception={reception} onClose={() => setCancelling(false)} />}
    </>
  );
}

function NewReception() {
  const { t } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const { ctx, today, settings, calendar } = useSession();
  const [params] = useSearchParams();
  const date = params.get('date') ?? '';
  const defaults: PlanFormValues = {
    date: isLocalDate(date) ? date : today,
    startTime: '10:00',
    endTime: '',
    // The office's reception address, in both languages as the settings keep it.
    place: { kk: settings.receptionAddress.kk, ru: settings.receptionAddress.ru },
    format: 'in_person',
    accessibilityNotes: { kk: '', ru: '' },
    notes: '',
  };
  const save = async (plan: ReceptionPlan) => {
    const created = await createReception(db, plan, ctx);
    void navigate(`/reception/${created.id}`, { replace: true });
  };
  return (
    <>
      <header className="page-header reception-plan-header">
        <div>
          <Link to="/reception" className="reception-back">
            ← {t('reception.plan.back')}
          </Link>
          <h1 id="page-title">{t('reception.plan.newTitle')}</h1>
        </div>
      </header>
      <div className="reception-plan-top">
        <PlanForm
          defaults={defaults}
          readOnly={false}
          isNew
          today={today}
          calendar={calendar}
          onSave={save}
        />
        <p className="card reception-muted reception-after-save">{t('reception.plan.afterSave')}</p>
      </div>
    </>
  );
}

/** Plans a new reception (/reception/new) or shows one (/reception/:id). */
export function ReceptionPlanPage() {
  const { t } = useTranslation();
  const db = useDb();
  const { id } = useParams();
  const reception = useLiveQuery(
    async () => (id ? ((await getReception(db, id)) ?? null) : null),
    [db, id],
  );

  if (id && reception === null) {
    return (
      <NotFoundPage
        title={t('reception.title')}
        body={t('reception.plan.notFound')}
        backTo="/reception"
        backLabel={t('reception.plan.back')}
      />
    );
  }
  return (
    <section className="page reception-plan-page" aria-labelledby="page-title">
      {!id ? (
        <NewReception />
      ) : reception === undefined ? (
        <p className="lead" aria-busy="true">
          {t('common.loading')}
        </p>
      ) : reception === null ? null : (
        <ExistingReception key={reception.id} reception={reception} />
      )}
    </section>
  );
}
