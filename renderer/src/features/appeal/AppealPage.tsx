import { useEffect, useRef, useState, type RefObject } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf, type Appeal, type Applicant } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { maskedPhone } from '@renderer/features/applicants';
import { availableActions, type ActionType } from '@shared/workflow/status';
import { useSession } from '@renderer/app/session';
import { appealDeadline, DeadlineBadge, StatusBadge } from '@renderer/ui/badges';
import { formatDay, formatDayTime } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { ActionDialog } from './ActionDialog';
import { AppealLetters } from '@renderer/features/templates';
import { AppealInquiries } from '@renderer/features/inquiries';
import { AttachmentsCard, DetailsCard, HistoryCard, PublicSummaryCard } from './AppealSections';
import {
  ApplicantCard,
  DeadlinesCard,
  DocumentsCard,
  PrintButtons,
  PrintError,
} from './AppealSidebar';
import { ExtensionDialog } from './ExtensionDialog';
import { CorrectionDialog } from './CorrectionDialog';
import type { HistoryLookups } from './history';
import { useAppealBundle } from './useAppealBundle';
import { usePrinter, type Printer } from './usePrinter';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import './appeal.css';
import './appealHistory.css';
import './appealDialogs.css';

/** The action that moves the appeal forward, shown as the primary button. */
const PRIMARY: Partial<Record<Appeal['status'], ActionType>> = {
  registered: 'start',
  in_progress: 'decide',
  waiting_agency: 'agencyAnswered',
};

function primaryAction(appeal: Appeal): ActionType | undefined {
  if (appeal.status === 'decided') return appeal.applicantInformedAt ? 'close' : 'informApplicant';
  return PRIMARY[appeal.status];
}

function RegisteredBanner({
  appeal,
  printer,
  onDismiss,
}: {
  appeal: Appeal;
  printer: Printer;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="notice registered-banner" aria-labelledby="registered-title">
      <div className="registered-text">
        <h2 id="registered-title">{t('appeal.registered.title', { regNo: appeal.regNo })}</h2>
        <p>{t('appeal.registered.body')}</p>
      </div>
      <div className="registered-actions">
        <PrintButtons kind="receipt" printer={printer} primary />
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('appeal.registered.dismiss')}
        </button>
      </div>
      <PrintError printer={printer} />
    </section>
  );
}

function ActionsBar({
  appeal,
  onAction,
  focusAfterRef,
}: {
  appeal: Appeal;
  onAction: (action: ActionType) => void;
  focusAfterRef: RefObject<number | null>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    const after = focusAfterRef.current;
    if (after === null || appeal.version <= after) return;
    focusAfterRef.current = null;
    // After the dialog has closed and given the focus back, move it to the next step.
    const frame = requestAnimationFrame(() => {
      const next =
        bar.current?.querySelector<HTMLButtonElement>('.button.primary') ??
        bar.current?.querySelector<HTMLButtonElement>('.button');
      next?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [appeal.version, focusAfterRef]);
  const actions = availableActions(appeal);
  const primary = primaryAction(appeal);
  return (
    <section ref={bar} className="appeal-actions" aria-labelledby="appeal-actions-title">
      <h2 id="appeal-actions-title">{t('appeal.actions.title')}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t('appeal.actions.none')}</p>
      ) : (
        <div className="button-row">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button${action === primary ? ' primary' : ''}`}
              data-action={action}
              onClick={() => onAction(action)}
            >
              {labelOf('workflowAction', action, lang)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function AppealHeader({ appeal, applicant }: { appeal: Appeal; applicant: Applicant | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { calendar, today } = useSession();
  const phone = applicant?.phones[0];
  return (
    <header className="appeal-header">
      <div className="appeal-header-main">
        <div className="appeal-header-line">
          <span className="appeal-regno">{t('appeal.regNo', { regNo: appeal.regNo })}</span>
          <StatusBadge status={appeal.status} />
          {appeal.outcome && (
            <span className={`outcome-badge ${appeal.outcome}`}>
              {labelOf('outcome', appeal.outcome, lang)}
            </span>
          )}
          {appeal.priority && <span className="priority-badge">{t('appeal.priority')}</span>}
        </div>
        <h1 id="page-title">{appeal.subject}</h1>
        <p className="appeal-meta">
          <span>
            {t('appeal.fields.receivedAt')}: <strong>{formatDayTime(appeal.receivedAt)}</strong>
          </span>
          <span>
            {t('appeal.fields.registeredOn')}: <strong>{formatDay(appeal.registeredOn)}</strong>
          </span>
          {appeal.collective && appeal.signatories !== null && (
            <span>{t('appeal.signatories', { count: appeal.signatories })}</span>
          )}
        </p>
        <p className="appeal-meta">
          <span className="appeal-meta-applicant">
            {t('appeal.fields.applicantId')}:{' '}
            {applicant ? (
              <>
                <Link to={`/applicants/${applicant.id}`}>
                  {applicant.fullName || t('appeal.applicant.anonymised')}
                </Link>
                {phone && <span className="appeal-meta-phone">{maskedPhone(phone, lang)}</span>}
              </>
            ) : (
              <strong>{t('common.anonymous')}</strong>
            )}
          </span>
          <span className="appeal-meta-deadline">
            {t('appeal.deadlines.decision')}:{' '}
            <strong>{t('appeal.deadlines.until', { date: formatDay(appeal.decideBy) })}</strong>
            <DeadlineBadge deadline={appealDeadline(calendar, today, appeal)} />
          </span>
        </p>
      </div>
      <Link className="button" to={`/appeals/${appeal.id}/edit`}>
        {t('common.actions.edit')}
      </Link>
    </header>
  );
}

function AppealView({
  appeal,
  applicant,
  coApplicants,
  bundle,
}: {
  appeal: Appeal;
  applicant: Applicant | null;
  coApplicants: Applicant[];
  bundle: NonNullable<ReturnType<typeof useAppealBundle>>;
}) {
  const { settings } = useSession();
  const { t } = useTranslation();
  const lang = useLang();
  const [search, setSearch] = useSearchParams();
  const [action, setAction] = useState<ActionType | null>(null);
  const [extending, setExtending] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [receiptLang, setReceiptLang] = useState<Lang>(applicant?.preferredLanguage ?? lang);
  const printer = usePrinter(appeal, receiptLang);
  // The version an action was stored over: once the page shows a newer one, the actions bar
  // takes the focus (the button that opened the dialog may be gone).
  const focusAfterRef = useRef<number | null>(null);
  const focusNextStep = () => {
    focusAfterRef.current = appeal.version;
  };
  const lookups: HistoryLookups = {
    users: settings.users,
    topics: settings.topics,
    applicantNames: bundle.applicantNames,
    attachmentNames: bundle.attachmentNames,
  };
  return (
    <article className="page appeal-page" aria-labelledby="page-title">
      <nav className="appeal-breadcrumbs">
        <Link to="/registry">← {t('appeal.backToRegistry')}</Link>
      </nav>
      <AppealHeader appeal={appeal} applicant={applicant} />
      {search.get('registered') === '1' && (
        <RegisteredBanner
          appeal={appeal}
          printer={printer}
          onDismiss={() => setSearch({}, { replace: true })}
        />
      )}
      <ActionsBar appeal={appeal} onAction={setAction} focusAfterRef={focusAfterRef} />
      <div className="appeal-grid">
        <div className="appeal-main">
          <DetailsCard appeal={appeal} onCorrect={() => setCorrecting(true)} />
          <AppealInquiries appeal={appeal} />
          <HistoryCard appealId={appeal.id} events={bundle.events} lookups={lookups} />
        </div>
        <aside className="appeal-side">
          <DeadlinesCard appeal={appeal} onExtend={() => setExtending(true)} />
          <ApplicantCard appeal={appeal} applicant={applicant} coApplicants={coApplicants} />
          <DocumentsCard
            printer={printer}
            receiptLang={receiptLang}
            onReceiptLang={setReceiptLang}
          />
          <AppealLetters appeal={appeal} applicant={applicant} />
          <PublicSummaryCard appeal={appeal} applicant={applicant} />
          <AttachmentsCard attachments={bundle.attachments} />
        </aside>
      </div>
      <ActionDialog
        action={action}
        appeal={appeal}
        applicant={applicant}
        onClose={() => setAction(null)}
        onDone={focusNextStep}
        onSwitch={setAction}
      />
      <ExtensionDialog open={extending} appeal={appeal} onClose={() => setExtending(false)} />
      <CorrectionDialog open={correcting} appeal={appeal} onClose={() => setCorrecting(false)} />
    </article>
  );
}

/** `/appeals/:id`: one appeal — its deadlines, its workflow, its history, its documents. */
export function AppealPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const bundle = useAppealBundle(id);
  if (bundle === undefined) {
    return (
      <p className="page muted" aria-busy="true">
        {t('appeal.loading')}
      </p>
    );
  }
  if (bundle === null) {
    return (
      <NotFoundPage
        title={t('appeal.notFound.title')}
        body={t('appeal.notFound.body')}
        backTo="/registry"
        backLabel={t('appeal.notFound.back')}
      />
    );
  }
  return (
    <AppealView
      key={bundle.appeal.id}
      appeal={bundle.appeal}
      applicant={bundle.applicant}
      coApplicants={bundle.coApplicants}
      bundle={bundle}
    />
  );
}
