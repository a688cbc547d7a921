import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
