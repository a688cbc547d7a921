import {
  useRef,
  useState,
  type BaseSyntheticEvent,
  type FormEventHandler,
  type ReactNode,
} from 'react';
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { messageFor } from '@shared/validation/messages';
import { useSession } from '@renderer/app/session';
import { Dialog } from './Dialog';
import { showError, toFormError, type FormError } from './errors';
import { useHotkeys } from './useHotkeys';

/**
 * Saving a react-hook-form form through a repository, the one way every dialog does it: the
 * form's own `isSubmitting` is the busy state, a refused write puts each invalid field's
 * message on its field and the reason above the buttons (in the language on screen, also
 * after a switch), and Ctrl+Enter saves.
 */
export function useFormSubmit<V extends FieldValues, O>(
  form: UseFormReturn<V, unknown, O>,
  save: (data: O) => Promise<unknown>,
  onDone: () => void,
  options: {
    /** Where a repository's field path is shown when the form names it differently. */
    fieldOf?: Readonly<Record<string, FieldPath<V>>> | ((path: string) => FieldPath<V> | undefined);
    /** Ctrl+Enter saves (on unless the dialog has steps of its own). */
    ctrlEnter?: boolean;
  } = {},
) {
  const { fieldOf = {}, ctrlEnter = true } = options;
  const { t } = useTranslation();
  const { lang } = useSession();
  const [error, setError] = useState<FormError | null>(null);
  /** Codes of issues about something the form has no field for. */
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const { handleSubmit, getFieldState, formState } = form;

  const errorOf = (path: FieldPath<V>): string | null => {
    const message = getFieldState(path, formState).error?.message;
    return typeof message === 'string' && message !== '' ? messageFor(message, lang) : null;
  };

  // One save at a time: Ctrl+Enter pressed again while the first save runs does nothing.
  const saving = useRef(false);
  const handle = handleSubmit(async (data) => {
    setError(null);
    setUnplaced([]);
    try {
      await save(data);
      onDone();
    } catch (failure) {
      const refusal = toFormError(failure);
      const elsewhere: string[] = [];
      if (refusal.kind === 'repository') {
        for (const issue of refusal.error.issues) {
          const mapped = typeof fieldOf === 'function' ? fieldOf(issue.path) : fieldOf[issue.path];
          const field = mapped ?? (issue.path as FieldPath<V>);
          if (form.getValues(field) === undefined) elsewhere.push(issue.code);
          else form.setError(field, { type: 'server', message: issue.code });
        }
      }
      setError(refusal);
      setUnplaced(elsewhere);
    }
  });
  const submit = async (event?: BaseSyntheticEvent) => {
    if (saving.current) {
      event?.preventDefault();
      return;
    }
    saving.current = true;
    try {
      await handle(event);
    } finally {
      saving.current = false;
    }
  };
  useHotkeys({ 'Ctrl+Enter': () => void submit() }, ctrlEnter);

  // Field issues sit on their fields; what is left (the reason, a workflow code, an issue
  // with no field here, an unexpected failure) is said once for the whole form.
  const reason = error?.kind === 'repository' ? error.error.detail : null;
  const failure =
    error?.kind === 'repository'
      ? [reason, ...unplaced]
          .filter((code) => code !== null)
          .map((code) => messageFor(code, lang))[0]
      : showError(error, lang, t, []).message;
  return {
    submit,
    failure: failure || null,
    refusal: error,
    errorOf,
    busy: formState.isSubmitting,
  };
}

/** A submit button's look: a save, or a step that cannot be undone. */
export type SubmitTone = 'primary' | 'danger' | 'danger-solid';

/**
 * A dialog around one form: the form fills the body, the reason a save was refused sits just
 * above the footer, and the footer holds an optional hint, Cancel and the submit button, which
 * is disabled (and says so) while the save runs.
 */
export function FormDialog({
  title,
  formId,
  busy,
  failure,
  onSubmit,
  onClose,
  children,
  open = true,
  wide = false,
  className,
  lead,
  hint,
  submitLabel,
  submitTone = 'primary',
  submitDisabled = false,
}: {
  title: string;
  formId: string;
  busy: boolean;
  failure: string | null;
  onSubmit: FormEventHandler<HTMLFormElement> | ((event?: BaseSyntheticEvent) => Promise<void>);
  onClose: () => void;
  children: ReactNode;
  open?: boolean;
  wide?: boolean;
  /** The form's class, for its grid. */
  className?: string;
  /** Shown above the fields. */
  lead?: ReactNode;
  /** Shown in the footer before the buttons (which keys save, what happens next). */
  hint?: ReactNode;
  /** What the submit button says; Save by default. */
  submitLabel?: ReactNode;
  submitTone?: SubmitTone;
  /** The form cannot be submitted as it stands (the dialog says why). */
  submitDisabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      wide={wide}
      title={title}
      onClose={onClose}
      footer={
        <DialogButtons
          onCancel={onClose}
          hint={hint}
          submit={
            <button
              type="submit"
              form={formId}
              className={`button ${submitTone}`}
              disabled={busy || submitDisabled}
              aria-busy={busy}
              aria-keyshortcuts="Control+Enter"
            >
              {busy ? t('common.saving') : (submitLabel ?? t('common.actions.save'))}
            </button>
          }
        />
      }
    >
      <form id={formId} className={className} onSubmit={(event) => void onSubmit(event)} noValidate>
        {lead}
        {children}
        {failure && (
          <p className="notice error form-failure" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Dialog>
  );
}

/** The footer row of a dialog: an optional hint, Cancel, and the dialog's own action. */
export function DialogButtons({
  onCancel,
  submit,
  hint,
}: {
  onCancel: () => void;
  submit: ReactNode;
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {hint && <span className="muted small dialog-hint">{hint}</span>}
      <button type="button" className="button" onClick={onCancel}>
        {t('common.actions.cancel')}
      </button>
      {submit}
    </>
  );
}
