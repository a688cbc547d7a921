import { useState, type FormEvent, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { Settings, SettingsInput } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { useLang } from '@renderer/ui/useLang';
import { changeSettings, describeSaveError } from './saveHelpers';

/** One small change to the stored settings (see changeSettings). */
export type SettingsChange = (current: Settings) => SettingsInput;

export type SettingsNoticeState = { tone: 'ok' | 'error'; text: string };

/**
 * Saves the changes made from a settings list (add, deactivate, retire…) and keeps what to
 * tell the user about the last one: what was done, or why it was not.
 */
export function useSettingsChange() {
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [notice, setNotice] = useState<SettingsNoticeState | null>(null);
  const run = async (change: SettingsChange, done: string): Promise<boolean> => {
    try {
      await changeSettings(db, ctx, change);
      setNotice({ tone: 'ok', text: done });
      return true;
    } catch (error) {
      setNotice({ tone: 'error', text: describeSaveError(error, lang).message });
      return false;
    }
  };
  return { notice, setNotice, run };
}

export function SettingsNotice({ notice }: { notice: SettingsNoticeState | null }) {
  if (!notice) return null;
  return (
    <p className={`settings-notice ${notice.tone}`} role="status">
      {notice.text}
    </p>
  );
}

/** The card under or over a settings list that adds one more row: its fields and the button. */
export function SettingsAddForm({
  title,
  submitLabel,
  onSubmit,
  top,
  children,
}: {
  title: string;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  top?: boolean;
  children: ReactNode;
}) {
  return (
    <form className={`settings-add${top ? ' top' : ''} card`} onSubmit={onSubmit} noValidate>
      <h2>{title}</h2>
      <div className="settings-add-row">
        {children}
        <button type="submit" className="button primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/**
 * A dialog that edits one row of a settings list: the form saves one change and closes; a
 * failed save keeps the dialog open with the reason, so nothing typed is lost.
 */
export function SettingsEditDialog<T extends FieldValues>({
  title,
  formId,
  form,
  change,
  onClose,
  children,
}: {
  title: string;
  formId: string;
  form: UseFormReturn<T>;
  change: (values: T) => SettingsChange;
  onClose: () => void;
  children: ReactNode;
}) {
  const db = useDb();
  const { ctx } = useSession();
  const { submit, failure, busy } = useFormSubmit(
    form,
    (values) => changeSettings(db, ctx, change(values)),
    onClose,
  );
  return (
    <FormDialog
      title={title}
      formId={formId}
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
    >
      {children}
    </FormDialog>
  );
}
