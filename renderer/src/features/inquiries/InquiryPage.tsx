import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { type Agency, type Appeal, type Inquiry } from '@shared/domain';
import { letterToPlainText } from '@shared/templates';
import { isAnswerIncomplete, isAwaitingAnswer, isInquiryOverdue } from '@shared/workflow/inquiries';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { createRepeatInquiry, discardDraft } from '@renderer/db/repositories';
import { StatusBadge } from '@renderer/ui/badges';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import { showError, toFormError, type FormError } from '@renderer/ui/errors';
import { DraftEditor } from './DraftEditor';
import { addresseeFor, draftStateOf, type DraftState } from './draftState';
import { InquiryDueBadge, InquiryStatusBadge } from './InquiryBadges';
import {
  inquiryTemplates,
  INQUIRY_TEMPLATE_ID,
  letterFileName,
  loadLetterData,
  renderInquiryLetter,
  REPEAT_TEMPLATE_ID,
  saveInquiryDocx,
  saveInquiryPdf,
} from './letter';
import { LetterSheet, MissingList, OutputButtons } from './LetterPreview';
import { CloseInquiryDialog } from './CloseInquiryDialog';
import { ResponseDialog } from './ResponseDialog';
import { INQUIRY_DRAFT_KIND } from './useInquiryDraft';
import { AnswerCard } from './AnswerCard';
import './inquiries.css';
import './inquiryLetter.css';
import './inquiryViews.css';

/** Agencies and templates every editor needs, read once per page. */
function useDirectory() {
  const db = useDb();
  const agencies = useLiveQuery(
    async () => (await db.agencies.toArray()).filter((a) => a.deletedAt === null),
    [db],
  );
  const templates = useLiveQuery(() => inquiryTemplates(db), [db]);
  return { agencies, templates };
}

/** `/inquiries/new?appeals=<id,id>&agency=<id>`: a new inquiry, prefilled from its appeals. */
function NewInquiry() {
  const { t } = useTranslation();
  const db = useDb();
  const lang = useLang();
  const [params] = useSearchParams();
  const ids = (params.get('appeals') ?? '').split(',').filter(Boolean);
  const agencyId = params.get('agency');
  const { agencies, templates } = useDirectory();
  const appeals = useLiveQuery(
    async () =>
      (await db.appeals.bulkGet(ids)).filter(
        (a): a is Appeal => a !== undefined && a.deletedAt === null,
      ),
    [db, ids.join(',')],
  );
  if (!agencies || !templates || !appeals)
    return <p className="page muted">{t('common.loading')}</p>;
  const agency = agencies.find((a) => a.id === agencyId && !a.retired) ?? null;
  const initial: DraftState = {
    agencyId: agency?.id ?? null,
    addressee: agency ? addresseeFor(agency, lang) : '',
    language: lang,
    subject: appeals.length === 1 ? appeals[0]!.subject : '',
    templateId: INQUIRY_TEMPLATE_ID,
    // The applicants' own words are where the problem statement starts from.
    extra: {
      problem: appeals
        .map((a) => a.text.trim())
        .filter(Boolean)
        .join('\n\n'),
    },
    appealIds: appeals.map((a) => a.id),
    notes: '',
  };
  return (
    <section className="page inquiry-page" aria-labelledby="page-title">
      <nav className="breadcrumbs">
        <Link to="/inquiries">← {t('inquiries.title')}</Link>
      </nav>
      <header className="page-header">
        <h1 id="page-title">{t('inquiries.draft.newTitle')}</h1>
      </header>
      <DraftEditor
        saved={null}
        initial={initial}
        templates={templates}
        appeals={appeals}
        agencies={agencies}
        previous={null}
      />
    </section>
  );
}

function SentInquiry({
  inquiry,
  appeals,
  agency,
  previous,
  repeats,
}: {
  inquiry: Inquiry;
  appeals: Appeal[];
  agency: Agency | null;
  previous: Inquiry | null;
  repeats: Inquiry[];
}) {
  const { t } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const { ctx, settings, calendar, today } = useSession();
  const [answering, setAnswering] = useState(false);
  const [closing, setClosing] = useState(false);
  const [repeatError, setRepeatError] = useState<FormError | null>(null);
  const lang = useLang();
  const letterData = useLiveQuery(() => loadLetterData(db, inquiry), [db, inquiry]);
  const env = { settings, calendar, today };
  const result = letterData ? renderInquiryLetter(letterData, env) : null;
  // One repeat at a time: once written, the repeat itself is where the matter goes on.
  const canRepeat =
    repeats.length === 0 &&
    ((inquiry.status === 'answered' && isAnswerIncomplete(inquiry)) ||
      isInquiryOverdue(inquiry, today));
  const openRepeat = repeats.find((r) => r.status === 'draft');

  const repeat = async () => {
    setRepeatError(null);
    try {
      const created = await createRepeatInquiry(
        db,
        inquiry.id,
        {
          subject: inquiry.subject,
          body: '',
          templateId: REPEAT_TEMPLATE_ID,
          language: inquiry.language,
          extra: { questions: inquiry.extra.questions ?? '' },
        },
        ctx,
      );
      void navigate(`/inquiries/${created.id}`);
    } catch (failure) {
      setRepeatError(toFormError(failure, { inForm: false }));
    }
  };
  const draftWord = t('inquiries.draftFile');
  const repeatShown = showError(repeatError, lang, t, []);
  return (
    <>
      <div className="inquiry-actions button-row">
        {isAwaitingAnswer(inquiry) && (
          <button type="button" className="button primary" onClick={() => setAnswering(true)}>
            {t('inquiries.actions.recordAnswer')}
          </button>
        )}
        {canRepeat && (
          <button type="button" className="button primary" onClick={() => void repeat()}>
            {t('inquiries.actions.repeat')}
          </button>
        )}
        {openRepeat && (
          <Link className="button" to={`/inquiries/${openRepeat.id}`}>
            {t('inquiries.actions.openRepeat')}
          </Link>
        )}
        {inquiry.status !== 'closed' && (
          <button type="button" className="button" onClick={() => setClosing(true)}>
            {t('inquiries.actions.close')}
          </button>
        )}
      </div>
      {repeatShown.message && (
        <p className="notice error" role="alert">
          {repeatShown.message}
        </p>
      )}
      <div className="inquiry-grid">
        <div className="inquiry-main">
          <AnswerCard inquiry={inquiry} />
          <section className="inq-letter-preview" aria-label={t('inquiries.letter.sent')}>
            <div className="inq-letter-preview-bar">
              <h2>{t('inquiries.letter.sent')}</h2>
              {letterData && (
                <OutputButtons
                  disabled={!result?.ok}
                  actions={{
                    docx: () =>
                      saveInquiryDocx(letterData, env, letterFileName(inquiry, draftWord, 'docx')),
                    pdf: () => saveInquiryPdf(inquiry, letterFileName(inquiry, draftWord, 'pdf')),
                    text: () => (result?.ok ? letterToPlainText(result.letter) : null),
                  }}
                />
              )}
            </div>
            {result === null ? null : result.ok ? (
              <div className="inq-letter-paper">
                <LetterSheet
                  result={result}
                  settings={settings}
                  lang={inquiry.language}
                  outgoing={{ number: inquiry.outgoingNo, date: inquiry.outgoingDate }}
                />
              </div>
            ) : (
              <MissingList missing={result.missing} lang={lang} />
            )}
          </section>
        </div>
        <aside className="inquiry-side">
          <section className="card" aria-labelledby="inquiry-facts">
            <h2 id="inquiry-facts">{t('inquiries.facts.title')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('inquiries.facts.addressee')}</dt>
                <dd className="pre">
                  {agency ? (
                    <Link to={`/agencies/${agency.id}`}>{inquiry.addressee}</Link>
                  ) : (
                    inquiry.addressee
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('inquiries.facts.sentOn')}</dt>
                <dd>{formatDay(inquiry.outgoingDate)}</dd>
              </div>
              <div>
                <dt>{t('inquiries.facts.due')}</dt>
                <dd>
                  {formatDay(inquiry.dueDate)} <InquiryDueBadge inquiry={inquiry} />
                </dd>
              </div>
              {previous && (
                <div>
                  <dt>{t('inquiries.facts.repeatOf')}</dt>
                  <dd>
                    <Link to={`/inquiries/${previous.id}`}>№ {previous.outgoingNo ?? '—'}</Link>
                  </dd>
                </div>
              )}
              {repeats.length > 0 && (
                <div>
                  <dt>{t('inquiries.facts.repeats')}</dt>
                  <dd>
                    {repeats.map((r) => (
                      <Link key={r.id} to={`/inquiries/${r.id}`} className="inline-link">
                        {r.outgoingNo ? `№ ${r.outgoingNo}` : t('inquiries.draftNumber')}
                      </Link>
                    ))}
                  </dd>
                </div>
              )}
              {inquiry.notes && (
                <div>
                  <dt>{t('inquiries.draft.notes')}</dt>
                  <dd className="pre">{inquiry.notes}</dd>
                </div>
              )}
            </dl>
          </section>
          <LinkedAppeals appeals={appeals} />
        </aside>
      </div>
      <ResponseDialog open={answering} inquiry={inquiry} onClose={() => setAnswering(false)} />
      <CloseInquiryDialog open={closing} inquiry={inquiry} onClose={() => setClosing(false)} />
    </>
  );
}

function LinkedAppeals({ appeals }: { appeals: Appeal[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="inquiry-appeals">
      <h2 id="inquiry-appeals">{t('inquiries.draft.appeals')}</h2>
      {appeals.length === 0 ? (
        <p className="muted small">{t('inquiries.draft.noAppeals')}</p>
      ) : (
        <ul className="linked-list">
          {appeals.map((appeal) => (
            <li key={appeal.id}>
              <Link to={`/appeals/${appeal.id}`}>№ {appeal.regNo}</Link>{' '}
              <StatusBadge status={appeal.status} />
              <div className="small">{appeal.subject}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function titleOf(inquiry: Inquiry, t: TFunction) {
  if (inquiry.status === 'draft') {
    return inquiry.repeatOfId ? t('inquiries.draft.repeatTitle') : t('inquiries.draft.title');
  }
  return t('inquiries.sentTitle', { number: inquiry.outgoingNo ?? '' });
}

function ExistingInquiry({ id }: { id: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const { agencies, templates } = useDirectory();
  const bundle = useLiveQuery(async () => {
    const inquiry = await db.inquiries.get(id);
    if (!inquiry || inquiry.deletedAt !== null) return null;
    const [appeals, previous, repeats] = await Promise.all([
      db.appeals.bulkGet(inquiry.appealIds),
      inquiry.repeatOfId ? db.inquiries.get(inquiry.repeatOfId) : undefined,
      db.inquiries.filter((i) => i.repeatOfId === id && i.deletedAt === null).toArray(),
    ]);
    return {
      inquiry,
      appeals: appeals.filter((a): a is Appeal => a !== undefined),
      previous: previous ?? null,
      repeats,
    };
  }, [db, id]);
  const sent = bundle !== undefined && bundle !== null && bundle.inquiry.status !== 'draft';
  // Sent inquiries are not edited: an autosaved text left from the draft (one still on offer
  // when it was sent) would never be offered again.
  useEffect(() => {
    if (sent) void discardDraft(db, INQUIRY_DRAFT_KIND, id);
  }, [db, id, sent]);
  if (bundle === undefined || !agencies || !templates) {
    return <p className="page muted">{t('common.loading')}</p>;
  }
  if (bundle === null) {
    return (
      <NotFoundPage
        title={t('inquiries.notFound')}
        backTo="/inquiries"
        backLabel={t('inquiries.title')}
      />
    );
  }
  const { inquiry } = bundle;
  const agency = agencies.find((a) => a.id === inquiry.agencyId) ?? null;
  return (
    <article className="page inquiry-page" aria-labelledby="page-title">
      <nav className="breadcrumbs">
        <Link to="/inquiries">← {t('inquiries.title')}</Link>
      </nav>
      <header className="page-header inquiry-header">
        <div>
          <div className="inquiry-header-line">
            <InquiryStatusBadge inquiry={inquiry} />
            {inquiry.status !== 'draft' && <InquiryDueBadge inquiry={inquiry} />}
          </div>
          <h1 id="page-title">{titleOf(inquiry, t)}</h1>
          <p className="inquiry-subject">{inquiry.subject}</p>
        </div>
      </header>
      {inquiry.status === 'draft' ? (
        <DraftEditor
          key={inquiry.id}
          saved={inquiry}
          initial={draftStateOf(inquiry)}
          templates={templates}
          appeals={bundle.appeals}
          agencies={agencies}
          previous={bundle.previous}
        />
      ) : (
        <SentInquiry
          inquiry={inquiry}
          appeals={bundle.appeals}
          agency={agency}
          previous={bundle.previous}
          repeats={bundle.repeats}
        />
      )}
    </article>
  );
}

/** `/inquiries/new` and `/inquiries/:id`. */
export function InquiryPage() {
  const { id } = useParams();
  return id === undefined ? <NewInquiry /> : <ExistingInquiry id={id} />;
}
