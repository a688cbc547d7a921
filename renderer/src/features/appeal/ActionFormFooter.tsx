import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@renderer/ui/Dialog';
import { LanguageSwitcher } from '@renderer/ui/LanguageSwitcher';

/** Ctrl+Enter in a text area submits its form (plain Enter starts a new line). */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

/**
 * The footer of an appeal's workflow and deadline dialogs: the interface language (the
 * refusal follows it), the keys that work, Cancel, and the action itself, which is off while
 * it is being stored.
 */
export function ActionFormFooter({
  busy,
  onCancel,
  submitLabel,
}: {
  busy: boolean;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="action-form-footer">
      <div className="action-form-lang">
        <LanguageSwitcher />
      </div>
      <span className="action-form-keys">{t('appeal.dialog.keys')}</span>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.actions.cancel')}
      </button>
      <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
        {submitLabel}
      </button>
    </div>
  );
}

/**
 * The form of an appeal's workflow, correction or deadline dialog: an optional lead, the
 * fields, the refusal (in the language on screen) just above the footer, and the footer.
 */
export function ActionForm({
  onSubmit,
  lead,
  failure,
  failureActions,
  busy,
  onCancel,
  submitLabel,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => unknown;
  lead?: ReactNode;
  failure: ReactNode;
  /** Buttons inside the refusal (a way out of it). */
  failureActions?: ReactNode;
  busy: boolean;
  onCancel: () => void;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form className="action-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {lead && <p className="dialog-lead">{lead}</p>}
      {children}
      {failure && (
        <div className="notice error" role="alert">
          {failure}
          {failureActions}
        </div>
      )}
      <ActionFormFooter busy={busy} onCancel={onCancel} submitLabel={submitLabel} />
    </form>
  );
}

/** A dialog around one action form, mounted afresh each time it opens. */
export function ActionFormDialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      {open && children}
    </Dialog>
  );
}
