import { useState, type FormEventHandler, type ReactNode } from 'react';
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { messageFor } from '@shared/validation/messages';
import { useSession } from '@renderer/app/session';
import { describeRepositoryError, RepositoryError } from '@renderer/db/repositories/errors';
import { Dialog } from '@renderer/ui/Dialog';
import { useHotkeys } from '@renderer/ui/useHotkeys';

/**
 * Saving a record form through its repository: field errors the repository reports land on
 * their fields, the overall message above the form; Ctrl+Enter saves.
 */
export function useRecordSubmit<V extends FieldValues, O>(
  form: UseFormReturn<V, unknown, O>,
  save: (data: O) => Promise<unknown>,
  onClose: () => void,
) {
  const { lang } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const { handleSubmit, setError, getFieldState, formState } = form;

  const errorOf = (path: FieldPath<V>): string | null => {
    const message = getFieldState(path, formState).error?.message;
    return typeof message === 'string' ? messageFor(message, lang) : null;
  };

  const submit = handleSubmit(async (data) => {
    setFailure(null);
    try {
      await save(data);
      onClose();
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      for (const issue of error.issues) {
        setError(issue.path as FieldPath<V>, { message: issue.code });
      }
      setFailure(describeRepositoryError(error, lang).message);
    }
  });
  useHotkeys({ 'Ctrl+Enter': () => void submit() });

  return { failure, errorOf, submit };
}

/** The wide dialog around an initiative or plan form: save hint, Cancel and Save. */
export function RecordFormDialog({
  title,
  formId,
  submitting,
  failure,
  lead,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  formId: string;
  submitting: boolean;
  failure: string | null;
  /** Shown above the failure notice. */
  lead?: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open
      wide
      title={title}
      onClose={onClose}
      footer={
        <>
          <span className="muted small dialog-hint">{t('initiatives.form.saveHint')}</span>
          <button type="button" className="button" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="submit" form={formId} className="button primary" disabled={submitting}>
            {submitting ? t('common.saving') : t('common.actions.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="initiative-form" onSubmit={onSubmit} noValidate>
        {lead}
        {failure && (
          <p className="notice error span-2" role="alert">
            {failure}
          </p>
        )}
        {children}
      </form>
    </Dialog>
  );
}
