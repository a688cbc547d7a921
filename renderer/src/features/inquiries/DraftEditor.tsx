import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useBlocker, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { agencyName, type Agency, type Appeal, type Inquiry, type Template } from '@shared/domain';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import type { Lang } from '@shared/i18n/lang';
import { letterToPlainText } from '@shared/templates';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { createInquiry, deleteInquiryDraft, updateInquiryDraft } from '@renderer/db/repositories';
import type { DraftStatusStore } from '@renderer/ui/useDraft';
import { Field } from '@renderer/ui/Field';
import { formatTimestamp } from '@shared/format';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { showError, toFormError, type FormError } from '@renderer/ui/errors';
import { AgencyDialog } from './AgencyDialog';
import {
  extraFieldsOf,
  letterFileName,
  renderInquiryLetter,
  saveInquiryDocx,
  saveInquiryPdf,
} from './letter';
import { LetterSheet, MissingList, OutputButtons } from './LetterPreview';
import { SendDialog } from './SendDialog';
import { LinkedAppealsField } from './LinkedAppealsField';
import { inquiryDraftKey, useInquiryDraft, useInquiryDraftStatus } from './useInquiryDraft';
import type { DraftState } from './draftState';
import { addresseeFor, draftStateOf, provisional } from './draftState';

const FORM_FIELDS = ['agencyId', 'addressee', 'subject', 'outgoingDate'];

/** «Мәтін сақталды (10:42)»: re-renders alone when the draft is written, not the editor. */
function DraftStatusLine({ store }: { store: DraftStatusStore<DraftState> }) {
  const { t } = useTranslation();
  const status = useInquiryDraftStatus(store);
  return (
    <span className="draft-status muted small" aria-live="polite">
      {status.kind === 'saving' && t('inquiries.autosave.saving')}
      {status.kind === 'saved' &&
        t('inquiries.autosave.saved', { time: toKzLocalDateTime(status.at).slice(11, 16) })}
      {status.kind === 'failed' && t('inquiries.autosave.failed')}
    </span>
  );
}

/**
 * Writing an inquiry: the addressee from the directory (or a new one added on the spot),
 * the appeals it is about, the template and what the template asks to type, with the
 * inq-letter shown as it will go out. Ctrl+S saves; sending numbers it.
 */
export function DraftEditor({
  saved,
  initial,
  templates,
  appeals,
  agencies,
  previous,
}: {
  saved: Inquiry | null;
  initial: DraftState;
  templates: Template[];
  appeals: Appeal[];
  agencies: Agency[];
  previous: Inquiry | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const navigate = useNavigate();
  const { ctx, settings, calendar, today } = useSession();
  const [state, setState] = useState<DraftState>(initial);
  const [dirty, setDirty] = useState(false);
  // Every keystroke is kept in the drafts table until the inquiry itself is saved.
  const draft = useInquiryDraft({
    db,
    draftKey: inquiryDraftKey(saved?.id ?? null, initial.appealIds),
    baseline: initial,
    snapshot: useCallback(() => state, [state]),
  });
  const { schedule } = draft;
  useEffect(() => {
    if (dirty) schedule();
  }, [state, dirty, schedule]);
  // Typed text is not lost by a stray click: leaving with unsaved changes asks first.
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('inquiries.draft.leaveConfirm'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [addingAgency, setAddingAgency] = useState(false);
  const [sending, setSending] = useState(false);

  const extraAppeals = useLiveQuery(async () => {
    const missing = state.appealIds.filter((id) => !appeals.some((a) => a.id === id));
    return (await db.appeals.bulkGet(missing)).filter((a): a is Appeal => a !== undefined);
  }, [db, state.appealIds, appeals]);
  const linked = state.appealIds
    .map((id) => appeals.find((a) => a.id === id) ?? extraAppeals?.find((a) => a.id === id))
    .filter((a): a is Appeal => a !== undefined);

  const template = templates.find((tpl) => tpl.id === state.templateId) ?? templates[0]!;
  const agency = agencies.find((a) => a.id === state.agencyId) ?? null;
  const inquiry = provisional(state, saved);
  const env = { settings, calendar, today };
  const letterData = { inquiry, template, appeals: linked, agency, previous };
  const result = renderInquiryLetter(letterData, env);
  const fields = useMemo(() => extraFieldsOf(template, state.language), [template, state.language]);

  const update = (patch: Partial<DraftState>) => {
    setState((s) => ({ ...s, ...patch }));
    setDirty(true);
  };

  const chooseAgency = (next: Agency | null) => {
    const wasAuto =
      state.addressee.trim() === '' ||
      (agency !== null && state.addressee === addresseeFor(agency, state.language));
    update({
      agencyId: next?.id ?? null,
      ...(wasAuto ? { addressee: next ? addresseeFor(next, state.language) : '' } : {}),
    });
  };

  const chooseLanguage = (next: Lang) => {
    const wasAuto = agency !== null && state.addressee === addresseeFor(agency, state.language);
    update({
      language: next,
      ...(wasAuto && agency ? { addressee: addresseeFor(agency, next) } : {}),
    });
  };

  const save = async (): Promise<Inquiry | null> => {
    setBusy(true);
    setError(null);
    const input = {
      ...state,
      body: result.ok ? letterToPlainText(result.letter) : '',
    };
    // No autosave during the save: a late write would bring the draft back after it.
    await draft.stop();
    try {
      const stored = saved
        ? await updateInquiryDraft(db, saved.id, input, ctx, { expectedVersion: saved.version })
        : await createInquiry(db, input, ctx);
      setDirty(false);
      if (!saved) {
        await draft.remove();
        leaving.current = true;
        void navigate(`/inquiries/${stored.id}`, { replace: true });
      } else {
        await draft.saved(draftStateOf(stored));
      }
      return stored;
    } catch (failure) {
      draft.resume();
      setError(toFormError(failure));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const restoreDraft = async () => {
    const restored = await draft.resolveOffer('restore');
    if (!restored) return;
    setState(restored);
    setDirty(true);
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void save();
  };

  const remove = async () => {
    if (!saved) {
      // Giving up a new inquiry gives up its typed text too; a text still on offer (not
      // looked at yet) stays for the next time.
      if (dirty && !window.confirm(t('inquiries.draft.cancelConfirm'))) return;
      leaving.current = true;
      if (draft.offer) await draft.stop();
      else await draft.remove();
      void navigate(-1);
      return;
    }
    if (!window.confirm(t('inquiries.draft.deleteConfirm'))) return;
    leaving.current = true;
    await draft.stop();
    try {
      await deleteInquiryDraft(db, saved.id, ctx);
    } catch (failure) {
      leaving.current = false;
      draft.resume();
      setError(toFormError(failure));
      return;
    }
    await draft.remove();
    void navigate('/inquiries?view=draft');
  };

  useHotkeys({ 'Ctrl+s': () => void save() }, !addingAgency && !sending);

  const shown = showError(error, lang, t, FORM_FIELDS);
  const draftWord = t('inquiries.draftFile');

  return (
    <div className="inquiry-editor">
      {draft.offer && (
        <div className="notice warning draft-offer" role="alert">
          <span>
            {t('inquiries.autosave.offer', { time: formatTimestamp(draft.offer.updatedAt) })}
          </span>
          <span className="button-row">
            <button type="button" className="button primary" onClick={() => void restoreDraft()}>
              {t('inquiries.autosave.restore')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void draft.resolveOffer('discard')}
            >
              {t('inquiries.autosave.discard')}
            </button>
          </span>
        </div>
      )}
      <form
        className="inquiry-form card"
        onSubmit={submit}
        noValidate
        aria-label={t('inquiries.draft.formLabel')}
        // Leaving a field writes the text at once, without waiting for the pause.
        onBlur={() => void draft.flush()}
      >
        {shown.message && (
          <p className="notice error" role="alert">
            {shown.message}
          </p>
        )}
        <div className="agency-choice">
          <Field label={t('inquiries.draft.agency')} error={shown.fields.agencyId}>
            <select
              value={state.agencyId ?? ''}
              onChange={(e) => chooseAgency(agencies.find((a) => a.id === e.target.value) ?? null)}
            >
              <option value="">{t('inquiries.draft.agencyNone')}</option>
              {agencies
                .filter((a) => !a.retired || a.id === state.agencyId)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {agencyName(a, lang)}
                  </option>
                ))}
            </select>
          </Field>
          <button type="button" className="button" onClick={() => setAddingAgency(true)}>
            {t('inquiries.draft.addAgency')}
          </button>
        </div>
        <Field
          label={t('inquiries.draft.addressee')}
          hint={t('inquiries.draft.addresseeHint')}
          error={shown.fields.addressee}
          required
        >
          <textarea
            rows={3}
            value={state.addressee}
            onChange={(e) => update({ addressee: e.target.value })}
          />
        </Field>
        <div className="form-grid two">
          <Field label={t('inquiries.draft.language')}>
            <select value={state.language} onChange={(e) => chooseLanguage(e.target.value as Lang)}>
              <option value="kk">Қазақша</option>
              <option value="ru">Русский</option>
            </select>
          </Field>
          <Field label={t('inquiries.draft.template')}>
            <select
              value={state.templateId}
              onChange={(e) => update({ templateId: e.target.value })}
            >
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name[lang]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={t('inquiries.draft.subject')} error={shown.fields.subject} required>
          <input value={state.subject} onChange={(e) => update({ subject: e.target.value })} />
        </Field>
        {fields.map((field) => (
          <Field key={field.name} label={field.label[lang]}>
            {field.type === 'text' ? (
              <input
                value={state.extra[field.name] ?? ''}
                onChange={(e) =>
                  update({ extra: { ...state.extra, [field.name]: e.target.value } })
                }
              />
            ) : (
              <textarea
                rows={field.name === 'questions' ? 5 : 4}
                value={state.extra[field.name] ?? ''}
                data-extra={field.name}
                onChange={(e) =>
                  update({ extra: { ...state.extra, [field.name]: e.target.value } })
                }
              />
            )}
          </Field>
        ))}
        <LinkedAppealsField
          linked={linked}
          appealIds={state.appealIds}
          onChange={(appealIds) => update({ appealIds })}
        />
        <Field label={t('inquiries.draft.notes')}>
          <textarea
            rows={2}
            value={state.notes}
            onChange={(e) => update({ notes: e.target.value })}
          />
        </Field>
        <div className="button-row form-actions">
          <button
            type="submit"
            className="button primary"
            disabled={busy}
            aria-keyshortcuts="Control+S"
          >
            {t('inquiries.draft.save')} <span className="kbd">Ctrl+S</span>
          </button>
          {saved && (
            <button
              type="button"
              className="button primary"
              disabled={busy || !result.ok}
              onClick={async () => {
                if (dirty && !(await save())) return;
                setSending(true);
              }}
            >
              {t('inquiries.draft.send')}
            </button>
          )}
          <button type="button" className="button danger" onClick={() => void remove()}>
            {saved ? t('inquiries.draft.delete') : t('common.actions.cancel')}
          </button>
          {dirty && <span className="muted small">{t('inquiries.draft.unsaved')}</span>}
          <DraftStatusLine store={draft.status} />
        </div>
        {saved && !result.ok && (
          <p className="muted small">{t('inquiries.draft.sendNeedsLetter')}</p>
        )}
      </form>
      <section className="inq-letter-preview" aria-label={t('inquiries.letter.preview')}>
        <div className="inq-letter-preview-bar">
          <h2>{t('inquiries.letter.preview')}</h2>
          <OutputButtons
            disabled={!result.ok}
            actions={{
              docx: () =>
                saveInquiryDocx(letterData, env, letterFileName(inquiry, draftWord, 'docx')),
              pdf: saved
                ? async () => {
                    if (dirty && !(await save())) return false;
                    return saveInquiryPdf(saved, letterFileName(inquiry, draftWord, 'pdf'));
                  }
                : null,
              text: () => (result.ok ? letterToPlainText(result.letter) : null),
            }}
          />
        </div>
        {result.ok ? (
          <div className="inq-letter-paper">
            <LetterSheet
              result={result}
              settings={settings}
              lang={state.language}
              outgoing={{ number: null, date: null }}
            />
          </div>
        ) : (
          <MissingList missing={result.missing} lang={lang} />
        )}
      </section>
      <AgencyDialog
        open={addingAgency}
        agency={null}
        onClose={() => setAddingAgency(false)}
        onSaved={(created) => chooseAgency(created)}
      />
      {saved && (
        <SendDialog
          open={sending}
          inquiry={saved}
          appeals={linked}
          onClose={() => setSending(false)}
        />
      )}
    </div>
  );
}
