import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  labelOf,
  PROPOSED_ACTIONS,
  VULNERABLE_CATEGORIES,
  type Appeal,
  type Applicant,
} from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { describeRepositoryError, RepositoryError } from '@renderer/db/repositories';
import {
  createAppealWithAttachments,
  updateAppealWithAttachments,
  type NewAttachmentFile,
} from '@renderer/db/repositories/attachments';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { formatDay, formatDayTime, formatTimestamp } from '@shared/format';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import {
  applicantValuesFromDraft,
  newApplicantValues,
  type ApplicantFormValues,
} from './applicantModel';
import { CoApplicantsField, LeadApplicantControl, type PanelState } from './ApplicantFields';
import { useApplicants } from './ApplicantPicker';
import { AttachmentsField, type PendingFile, type StoredFile } from './AttachmentsField';
import { previewDeadlines } from './deadlinePreview';
import { useErrorText } from './errorText';
import {
  appealFormResolver,
  appealToFormValues,
  emptyFormValues,
  formToInput,
  formToPatch,
  sameValues,
  valuesFromDraft,
  type AppealFormValues,
} from './formModel';
import { TagsInput } from './TagsInput';
import {
  useAppealDraft,
  useDraftStatus,
  type DraftSnapshot,
  type DraftStatusStore,
} from './useAppealDraft';
import './appealForm.css';

const FORM_FIELDS = new Set<string>(Object.keys(emptyFormValues('', '')));

/** What the appeal's draft holds besides the files. */
interface DraftData {
  values: AppealFormValues;
  newApplicant: ApplicantFormValues | null;
  removedIds: string[];
  /** The stored appeal's version the edit started from (null for a new appeal). */
  baseVersion: number | null;
}

function toNewFile(file: PendingFile): NewAttachmentFile {
  return { fileName: file.fileName, mimeType: file.mimeType, size: file.size, blob: file.blob };
}

function filesFromDraft(data: unknown): PendingFile[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) return [];
    const f = item as Record<string, unknown>;
    if (typeof f.fileName !== 'string' || !(f.blob instanceof Blob)) return [];
    return [
      {
        key: `draft-${String(i)}-${f.fileName}`,
        fileName: f.fileName,
        mimeType: typeof f.mimeType === 'string' ? f.mimeType : f.blob.type,
        size: typeof f.size === 'number' ? f.size : f.blob.size,
        blob: f.blob,
      },
    ];
  });
}

/** «Жоба автоматты түрде сақталды (14:32)»: re-renders alone when a draft is written. */
function DraftStatusLine({ store }: { store: DraftStatusStore }) {
  const { t } = useTranslation();
  const status = useDraftStatus(store);
  return (
    <p className="draft-status" aria-live="polite">
      {status.kind === 'saved' &&
        t('appealForm.draft.saved', { time: toKzLocalDateTime(status.at).slice(11, 16) })}
      {status.kind === 'failed' && t('appealForm.draft.failed')}
    </p>
  );
}

interface AppealFormProps {
  /** The appeal being edited; none for a new one. */
  appeal?: Appeal;
  storedFiles?: readonly StoredFile[];
}

/**
 * Registers a new appeal or edits one. Everything typed is autosaved to a draft, offered
 * back after a crash; Ctrl+Enter saves, Esc leaves (asking first when something was typed).
 */
export function AppealForm({ appeal, storedFiles = [] }: AppealFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const navigate = useNavigate();
  const { settings, calendar, today, ctx, user } = useSession();
  const errorText = useErrorText();
  const ids = { title: useId(), receipt: useId(), applicant: useId(), problem: useId() };
  const ids2 = { place: useId(), action: useId(), files: useId(), report: useId() };

  const [initial] = useState<AppealFormValues>(() =>
    appeal
      ? appealToFormValues(appeal)
      : emptyFormValues(toKzLocalDateTime(ctx.now?.() ?? new Date()), user.id),
  );
  const form = useForm<AppealFormValues>({
    defaultValues: initial,
    resolver: appealFormResolver,
    // Focus goes to the first invalid control on screen, custom controls included (below).
    shouldFocusError: false,
  });
  const { register, control, handleSubmit, formState, setValue, getValues, reset, setError } = form;
  const errors = formState.errors;

  const [pending, setPending] = useState<PendingFile[]>([]);
  const [removedIds, setRemovedIds] = useState<string[]>([]);
  const [panel, setPanel] = useState<PanelState | null>(null);
  const panelValues = useRef<ApplicantFormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const snapshot = useCallback((): DraftSnapshot => {
    const values = getValues();
    const newApplicant = panel ? (panelValues.current ?? panel.values) : null;
    const data: DraftData = {
      values,
      newApplicant,
      removedIds,
      baseVersion: appeal?.version ?? null,
    };
    const pristine =
      sameValues(values, initial) &&
      newApplicant === null &&
      removedIds.length === 0 &&
      pending.length === 0;
    return { data, pristine };
  }, [getValues, panel, removedIds, pending, appeal, initial]);

  const draft = useAppealDraft({ db, draftKey: appeal?.id ?? 'new', snapshot });
  const { schedule, saveFiles } = draft;

  useEffect(() => {
    const sub = form.watch(() => schedule());
    return () => sub.unsubscribe();
  }, [form, schedule]);

  useEffect(() => {
    void saveFiles(pending.map(toNewFile));
    schedule();
  }, [pending, saveFiles, schedule]);

  useEffect(() => {
    schedule();
  }, [panel, removedIds, schedule]);

  // ---- Watched values ----
  const receivedAt = useWatch({ control, name: 'receivedAt' });
  const channel = useWatch({ control, name: 'channel' });
  const anonymous = useWatch({ control, name: 'anonymous' });
  const applicantId = useWatch({ control, name: 'applicantId' });
  const coApplicantIds = useWatch({ control, name: 'coApplicantIds' });
  const collective = useWatch({ control, name: 'collective' });
  const priority = useWatch({ control, name: 'priority' });
  const topic = useWatch({ control, name: 'topic' });
  const assignee = useWatch({ control, name: 'assignee' });

  // ---- Priority suggested for vulnerable applicants ----
  const people = useApplicants(
    anonymous ? [] : [applicantId, ...coApplicantIds].filter((x): x is string => !!x),
  );
  const lead = people.find((p) => p.id === applicantId);
  const categories = VULNERABLE_CATEGORIES.filter((c) =>
    people.some((p) => p.vulnerableCategories.includes(c)),
  );
  const categoriesKey = categories.join(',');
  const suggestion =
    categories.length > 0
      ? t('appealForm.priority.suggested', {
          categories: categories.map((c) => labelOf('vulnerableCategory', c, lang)).join(', '),
        })
      : '';
  /** Set once the assistant decides on priority: suggestions stop overriding it. */
  const priorityTouched = useRef(appeal !== undefined);
  const [autoPriority, setAutoPriority] = useState(false);
  useEffect(() => {
    if (priorityTouched.current) return;
    if (categoriesKey !== '') {
      setValue('priority', true);
      setValue('priorityReason', suggestion);
      setAutoPriority(true);
    } else if (getValues('priority')) {
      setValue('priority', false);
      setValue('priorityReason', '');
      setAutoPriority(false);
    }
  }, [categoriesKey, suggestion, setValue, getValues]);
  const touchPriority = () => {
    priorityTouched.current = true;
    setAutoPriority(false);
  };

  // ---- Focus on the first error, in the order of the screen ----
  useEffect(() => {
    if (focusRequest === 0) return;
    const timer = setTimeout(() => {
      const root = formRef.current;
      const target =
        root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error-focus="true"]') ??
        root?.parentElement?.querySelector<HTMLElement>('.save-error');
      if (!target) return;
      target.scrollIntoView?.({ block: 'center' });
      target.focus({ preventScroll: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [focusRequest]);

  // ---- Saving ----
  const handleSaveError = (error: unknown) => {
    if (error instanceof RepositoryError) {
      for (const issue of error.issues) {
        const root = issue.path.split('.')[0] ?? '';
        if (FORM_FIELDS.has(root)) {
          setError(issue.path as Path<AppealFormValues>, {
            type: 'repository',
            message: issue.code,
          });
        }
      }
    }
    setSaveError(error);
    setFocusRequest((n) => n + 1);
  };

  /** Ctrl+Enter pressed twice must not register the appeal twice. */
  const savingNow = useRef(false);
  const onValid = async (values: AppealFormValues) => {
    if (savingNow.current) return;
    savingNow.current = true;
    setSaving(true);
    setSaveError(null);
    draft.stop();
    try {
      if (appeal) {
        await updateAppealWithAttachments(
          db,
          appeal.id,
          formToPatch(values),
          { add: pending.map(toNewFile), remove: removedIds },
          ctx,
          { expectedVersion: appeal.version },
        );
        await draft.remove();
        void navigate(`/appeals/${appeal.id}`);
      } else {
        const { appeal: created } = await createAppealWithAttachments(
          db,
          formToInput(values),
          pending.map(toNewFile),
          ctx,
        );
        await draft.remove();
        void navigate(`/appeals/${created.id}?registered=1`);
      }
    } catch (error) {
      savingNow.current = false;
      setSaving(false);
      draft.resume();
      handleSaveError(error);
    }
  };

  const save = handleSubmit(onValid, () => setFocusRequest((n) => n + 1));

  // ---- Leaving ----
  const leaveTo = appeal ? `/appeals/${appeal.id}` : '/registry';
  const requestCancel = () => {
    if (snapshot().pristine) void navigate(leaveTo);
    else setConfirmLeave(true);
  };
  const requestCancelRef = useRef(requestCancel);
  useEffect(() => {
    requestCancelRef.current = requestCancel;
  });
  useEffect(() => {
    // Esc works from inside fields too (the shared hotkeys skip single keys while typing);
    // boxes that use Esc themselves (the people list) stop it first.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      requestCancelRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useHotkeys({ 'Ctrl+Enter': () => void save() }, !confirmLeave);

  // ---- Draft offer ----
  const restoreDraft = async () => {
    const offer = draft.pending;
    if (!offer) return;
    const data = (offer.values.data ?? {}) as Partial<Record<keyof DraftData, unknown>>;
    reset(valuesFromDraft(data.values, initial), { keepDefaultValues: true });
    priorityTouched.current = true;
    if (data.newApplicant) {
      const values = applicantValuesFromDraft(
        data.newApplicant,
        newApplicantValues('', { today, lang, channel: '' }),
      );
      panelValues.current = values;
      setPanel({ key: Date.now(), values });
    }
    if (Array.isArray(data.removedIds)) {
      setRemovedIds(data.removedIds.filter((x): x is string => typeof x === 'string'));
    }
    setPending(filesFromDraft(offer.files?.data));
    await draft.resolveOffer('restore');
  };

  // ---- Applicant choices ----
  const fillLocationFrom = (person: Applicant, force = false) => {
    const current = getValues('location');
    const empty = Object.values(current).every((v) => v.trim() === '');
    if (!force && !empty) return;
    const { locality, district, street, building } = person.address;
    setValue('location', { locality, district, street, building }, { shouldDirty: true });
  };
  const pickLead = (person: Applicant) => {
    panelValues.current = null;
    setPanel(null);
    setValue('applicantId', person.id, {
      shouldDirty: true,
      shouldValidate: formState.isSubmitted,
    });
    setValue(
      'coApplicantIds',
      getValues('coApplicantIds').filter((x) => x !== person.id),
    );
    fillLocationFrom(person);
  };

  const preview = previewDeadlines(calendar, receivedAt, settings, appeal);
  const topics = settings.topics.filter((tp) => !tp.retired || tp.id === topic);
  const staff = settings.users.filter((u) => u.active || u.id === assignee);
  const lockedApplicantError =
    errors.applicantId && panel && !applicantId
      ? t('appealForm.errors.applicant_unsaved')
      : undefined;
  const saveErrorView = describeSaveError(saveError);
  const offeredBase = (draft.pending?.values.data as { baseVersion?: unknown } | undefined)
    ?.baseVersion;
  // The appeal was saved by someone after this draft was written: restoring it would undo that.
  const draftOutdated =
    appeal !== undefined && typeof offeredBase === 'number' && offeredBase !== appeal.version;

  function describeSaveError(error: unknown): string[] | null {
    if (!error) return null;
    if (!(error instanceof RepositoryError)) {
      const detail = error instanceof Error ? error.message : String(error);
      return [t('appealForm.save.failed', { detail })];
    }
    const described = describeRepositoryError(error, lang);
    const lines: string[] = [];
    if (described.message) lines.push(described.message);
    for (const issue of error.issues) {
      const root = issue.path.split('.')[0] ?? '';
      if (FORM_FIELDS.has(root)) continue;
      const m = /^attachments\.(\d+)/.exec(issue.path);
      const file = m ? pending[Number(m[1])] : undefined;
      const text = errorText({ message: issue.code }) ?? '';
      lines.push(file ? `«${file.fileName}»: ${text}` : text);
    }
    if (lines.length === 0) lines.push(t('appealForm.save.checkFields'));
    return lines;
  }

  return (
    <section className="page appeal-form-page" aria-labelledby={ids.title}>
      <header className="page-header">
        <h1 id={ids.title}>
          {appeal ? t('appealForm.titleEdit', { regNo: appeal.regNo }) : t('appealForm.titleNew')}
        </h1>
        <span className="hotkeys-hint">
          <span className="kbd">Ctrl</span>+<span className="kbd">Enter</span>{' '}
          {t('appealForm.hotkeys.save')} · <span className="kbd">Esc</span>{' '}
          {t('appealForm.hotkeys.cancel')}
        </span>
      </header>

      {draft.pending && (
        <div className="notice warning draft-offer" role="alert">
          <span>
            {t('appealForm.draft.offer', { time: formatTimestamp(draft.pending.values.updatedAt) })}
            {draftOutdated && <strong> {t('appealForm.draft.outdated')}</strong>}
          </span>
          <span className="button-row">
            <button type="button" className="button primary" onClick={() => void restoreDraft()}>
              {t('appealForm.draft.restore')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void draft.resolveOffer('discard')}
            >
              {t('appealForm.draft.discard')}
            </button>
          </span>
        </div>
      )}

      <form
        ref={formRef}
        className="appeal-form"
        onSubmit={(e) => void save(e)}
        // Leaving a field writes the draft at once, without waiting for the debounce.
        onBlur={() => void draft.flush()}
        noValidate
      >
        <section className="form-section card" aria-labelledby={ids.receipt}>
          <h2 id={ids.receipt}>{t('appealForm.sections.receipt')}</h2>
          <div className="grid cols-3">
            <Field
              label={t('appealForm.fields.receivedAt')}
              required
              error={errorText(errors.receivedAt)}
              hint={
                receivedAt.slice(0, 10) > today
                  ? t('appealForm.hints.future')
                  : preview?.postponed
                    ? t('appealForm.hints.postponed', { date: formatDay(preview.registeredOn) })
                    : undefined
              }
            >
              <input type="datetime-local" {...register('receivedAt')} />
            </Field>
            <Field
              label={t('appealForm.fields.channel')}
              required
              error={errorText(errors.channel)}
            >
              <select {...register('channel')}>
                <option value="">{t('appealForm.choose')}</option>
                {APPEAL_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {labelOf('channel', c, lang)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('appealForm.fields.kind')} error={errorText(errors.kind)}>
              <select {...register('kind')}>
                {APPEAL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {labelOf('kind', k, lang)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </section>

        <section className="form-section card" aria-labelledby={ids.applicant}>
          <h2 id={ids.applicant}>{t('appealForm.sections.applicant')}</h2>
          {!anonymous && (
            <Controller
              control={control}
              name="applicantId"
              render={({ field }) => (
                <Field
                  label={t('appealForm.fields.applicant')}
                  required
                  error={panel ? undefined : errorText(errors.applicantId)}
                  hint={!field.value && !panel ? t('appealForm.applicant.searchHint') : undefined}
                >
                  <LeadApplicantControl
                    value={field.value}
                    fieldRef={field.ref}
                    onPick={pickLead}
                    onClear={() => setValue('applicantId', null, { shouldDirty: true })}
                    excludeIds={coApplicantIds}
                    panel={panel}
                    onPanelOpen={(values) => {
                      panelValues.current = values;
                      setPanel({ key: Date.now(), values });
                    }}
                    onPanelChange={(values) => {
                      panelValues.current = values;
                      schedule();
                    }}
                    onPanelClose={() => {
                      panelValues.current = null;
                      setPanel(null);
                    }}
                    unsavedError={lockedApplicantError}
                    channel={channel}
                  />
                </Field>
              )}
            />
          )}
          {lead && !anonymous && (lead.address.street || lead.address.locality) && (
            <p className="field-hint inline-action">
              <button
                type="button"
                className="link-button"
                onClick={() => fillLocationFrom(lead, true)}
              >
                {t('appealForm.applicant.useAddress')}
              </button>
            </p>
          )}
          <div className="check-row">
            <label className="check">
              <input type="checkbox" {...register('anonymous')} />
              {t('appealForm.fields.anonymous')}
            </label>
            <label className="check">
              <input type="checkbox" {...register('collective')} />
              {t('appealForm.fields.collective')}
            </label>
          </div>
          {collective && (
            <div className="grid cols-3">
              <Field
                label={t('appealForm.fields.signatories')}
                required
                error={errorText(errors.signatories)}
                hint={t('appealForm.hints.signatories')}
              >
                <input inputMode="numeric" autoComplete="off" {...register('signatories')} />
              </Field>
            </div>
          )}
          {!anonymous && (
            <Controller
              control={control}
              name="coApplicantIds"
              render={({ field }) => (
                <CoApplicantsField
                  ids={field.value}
                  onChange={field.onChange}
                  excludeIds={applicantId ? [applicantId] : []}
                  channel={channel}
                />
              )}
            />
          )}
        </section>

        <section className="form-section card" aria-labelledby={ids.problem}>
          <h2 id={ids.problem}>{t('appealForm.sections.problem')}</h2>
          <Field label={t('appealForm.fields.subject')} required error={errorText(errors.subject)}>
            <input autoComplete="off" maxLength={300} {...register('subject')} />
          </Field>
          <Field
            label={t('appealForm.fields.text')}
            required
            error={errorText(errors.text)}
            hint={t('appealForm.hints.text')}
          >
            <textarea rows={9} className="appeal-text" {...register('text')} />
          </Field>
          <Field
            label={t('appealForm.fields.expectation')}
            error={errorText(errors.expectation)}
            hint={t('appealForm.hints.expectation')}
          >
            <textarea rows={3} {...register('expectation')} />
          </Field>
        </section>

        <section className="form-section card" aria-labelledby={ids2.place}>
          <h2 id={ids2.place}>{t('appealForm.sections.place')}</h2>
          <div className="grid cols-2">
            <Field label={t('appealForm.fields.topic')} required error={errorText(errors.topic)}>
              <select {...register('topic')}>
                <option value="">{t('appealForm.choose')}</option>
                {topics.map((tp) => (
                  <option key={tp.id} value={tp.id}>
                    {tp[lang]}
                  </option>
                ))}
              </select>
            </Field>
            <Controller
              control={control}
              name="tags"
              render={({ field }) => (
                <Field
                  label={t('appealForm.fields.tags')}
                  error={errorText(
                    Array.isArray(errors.tags)
                      ? errors.tags.find((e) => e !== undefined)
                      : errors.tags,
                  )}
                  hint={t('appealForm.tags.hint')}
                >
                  <TagsInput
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                  />
                </Field>
              )}
            />
          </div>
          <div className="grid cols-4">
            <Field
              label={t('appealForm.location.locality')}
              error={errorText(errors.location?.locality)}
            >
              <input {...register('location.locality')} />
            </Field>
            <Field
              label={t('appealForm.location.district')}
              error={errorText(errors.location?.district)}
            >
              <input {...register('location.district')} />
            </Field>
            <Field
              label={t('appealForm.location.street')}
              error={errorText(errors.location?.street)}
            >
              <input {...register('location.street')} />
            </Field>
            <Field
              label={t('appealForm.location.building')}
              error={errorText(errors.location?.building)}
            >
              <input {...register('location.building')} />
            </Field>
          </div>
        </section>

        <section className="form-section card" aria-labelledby={ids2.action}>
          <h2 id={ids2.action}>{t('appealForm.sections.action')}</h2>
          <div className="grid cols-3">
            <Field
              label={t('appealForm.fields.proposedAction')}
              error={errorText(errors.proposedAction)}
            >
              <select {...register('proposedAction')}>
                <option value="">{t('appealForm.notChosen')}</option>
                {PROPOSED_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {labelOf('proposedAction', a, lang)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('appealForm.fields.assignee')} error={errorText(errors.assignee)}>
              <select {...register('assignee')}>
                <option value="">{t('appealForm.unassigned')}</option>
                {staff.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.fullName}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t('appealForm.fields.firstContactAt')}
              error={errorText(errors.firstContactAt)}
              hint={t('appealForm.hints.firstContactAt')}
            >
              <input type="datetime-local" {...register('firstContactAt')} />
            </Field>
          </div>
          <div className="priority-row">
            <label className="check">
              <input type="checkbox" {...register('priority', { onChange: touchPriority })} />
              {t('appealForm.fields.priority')}
            </label>
            {priority && (
              <Field
                label={t('appealForm.fields.priorityReason')}
                error={errorText(errors.priorityReason)}
                hint={autoPriority ? t('appealForm.priority.autoHint') : undefined}
                className="grow"
              >
                <input {...register('priorityReason', { onChange: touchPriority })} />
              </Field>
            )}
          </div>
        </section>

        <section className="form-section card" aria-labelledby={ids2.files}>
          <h2 id={ids2.files}>{t('appealForm.sections.files')}</h2>
          <AttachmentsField
            pending={pending}
            onAdd={(files) => setPending((list) => [...list, ...files])}
            onRemovePending={(key) => setPending((list) => list.filter((f) => f.key !== key))}
            stored={storedFiles}
            removedIds={removedIds}
            onToggleStored={(id) =>
              setRemovedIds((list) =>
                list.includes(id) ? list.filter((x) => x !== id) : [...list, id],
              )
            }
          />
        </section>

        {appeal && (
          <section className="form-section card" aria-labelledby={ids2.report}>
            <h2 id={ids2.report}>{t('appealForm.sections.report')}</h2>
            <Field
              label={t('appealForm.fields.publicSummary')}
              error={errorText(errors.publicSummary)}
              hint={t('appealForm.hints.publicSummary')}
            >
              <textarea rows={3} {...register('publicSummary')} />
            </Field>
            <label className="check">
              <input type="checkbox" {...register('inReport')} />
              {t('appealForm.fields.inReport')}
            </label>
          </section>
        )}

        {saveErrorView && (
          <div className="notice error save-error" role="alert" tabIndex={-1}>
            <strong>{t('appealForm.save.notSaved')}</strong>
            <ul>
              {saveErrorView.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}

        <div className="form-footer">
          <div className="footer-info">
            <p className="deadline-line" aria-live="polite">
              {preview ? (
                <>
                  <span>
                    {t('appealForm.deadlines.registeredOn')}:{' '}
                    <strong>{formatDay(preview.registeredOn)}</strong>
                  </span>
                  <span>
                    {t('appealForm.deadlines.decideBy')}:{' '}
                    <strong>{formatDay(preview.decideBy)}</strong>
                  </span>
                  <span>
                    {t('appealForm.deadlines.acknowledgeBy', {
                      time: formatDayTime(preview.acknowledgeBy),
                    })}
                  </span>
                </>
              ) : (
                <span>{t('appealForm.deadlines.none')}</span>
              )}
            </p>
            <DraftStatusLine store={draft.status} />
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={requestCancel}>
              {t('common.actions.cancel')}
            </button>
            <button type="submit" className="button primary" disabled={saving}>
              {saving
                ? t('common.saving')
                : appeal
                  ? t('appealForm.save.update')
                  : t('appealForm.save.register')}
            </button>
          </div>
        </div>
      </form>

      <Dialog
        open={confirmLeave}
        title={t('appealForm.leave.title')}
        onClose={() => setConfirmLeave(false)}
        footer={
          <>
            <button type="button" className="button" onClick={() => setConfirmLeave(false)}>
              {t('appealForm.leave.stay')}
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                void draft.remove().then(() => navigate(leaveTo));
              }}
            >
              {t('appealForm.leave.discard')}
            </button>
            <button
              type="button"
              className="button primary"
              autoFocus
              onClick={() => {
                void draft.flush().then(() => {
                  draft.stop();
                  return navigate(leaveTo);
                });
              }}
            >
              {t('appealForm.leave.keepDraft')}
            </button>
          </>
        }
      >
        <p>{t('appealForm.leave.body')}</p>
      </Dialog>
    </section>
  );
}
