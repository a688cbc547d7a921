import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import type { Appeal, Applicant } from '@shared/domain';
import { messageFor } from '@shared/validation/messages';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { describeRepositoryError, RepositoryError } from '@renderer/db/repositories';
import {
  createAppealWithAttachments,
  updateAppealWithAttachments,
  type NewAttachmentFile,
} from '@renderer/db/repositories/attachments';
import { lostWriteCode } from '@renderer/ui/errors';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import {
  applicantValuesFromDraft,
  newApplicantValues,
  type ApplicantFormValues,
} from '@renderer/features/applicants';
import type { PanelState } from './ApplicantChoice';
import { useApplicants } from './ApplicantPicker';
import type { PendingFile, StoredFile } from './AttachmentsField';
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
import { useAppealDraft, type DraftSnapshot } from './useAppealDraft';
import { usePrioritySuggestion } from './usePrioritySuggestion';

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

/**
 * Everything the appeal form does besides drawing its sections: the values and their draft
 * (autosaved, offered back after a crash), the lead applicant and the new-applicant panel,
 * priority suggested for vulnerable applicants, the files, saving (each refusal on its field,
 * focus on the first error on screen), and leaving (asking first when something was typed).
 */
export function useAppealFormController({
  appeal,
  storedFiles,
  formRef,
}: {
  appeal: Appeal | undefined;
  storedFiles: readonly StoredFile[];
  /** The form element: focus goes to its first invalid control after a failed save. */
  formRef: RefObject<HTMLFormElement | null>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const navigate = useNavigate();
  const { settings, calendar, today, ctx, user } = useSession();
  const errorText = useErrorText();

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
  const { control, handleSubmit, formState, setValue, getValues, reset, setError } = form;

  const [pending, setPending] = useState<PendingFile[]>([]);
  const [removedIds, setRemovedIds] = useState<string[]>([]);
  const [panel, setPanel] = useState<PanelState | null>(null);
  const panelValues = useRef<ApplicantFormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

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
  const { autoPriority, touchPriority } = usePrioritySuggestion(form, people, appeal !== undefined);

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
  }, [focusRequest, formRef]);

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
    touchPriority();
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
    formState.errors.applicantId && panel && !applicantId
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
    const lost = lostWriteCode(error, true);
    if (lost) return [messageFor(lost, lang)];
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

  return {
    form,
    appeal,
    storedFiles,
    draft,
    schedule,
    // applicant
    anonymous,
    applicantId,
    coApplicantIds,
    channel,
    lead,
    panel,
    openPanel: (values: ApplicantFormValues) => {
      panelValues.current = values;
      setPanel({ key: Date.now(), values });
    },
    changePanel: (values: ApplicantFormValues) => {
      panelValues.current = values;
      schedule();
    },
    closePanel: () => {
      panelValues.current = null;
      setPanel(null);
    },
    pickLead,
    fillLocationFrom,
    lockedApplicantError,
    // other sections
    collective,
    priority,
    autoPriority,
    touchPriority,
    topics,
    staff,
    preview,
    receivedAt,
    pending,
    setPending,
    removedIds,
    setRemovedIds,
    // saving and leaving
    save,
    saving,
    saveErrorView,
    draftOutdated,
    restoreDraft,
    requestCancel,
    confirmLeave,
    setConfirmLeave,
    leaveTo,
  };
}

export type AppealFormController = ReturnType<typeof useAppealFormController>;
