import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '@shared/validation/messages';
import { useLang } from '@renderer/ui/useLang';
import type { SaveState } from './useSectionForm';

/** The Save button of a settings form and what happened to the last save. */
export function SaveBar({
  state,
  dirty,
  children,
}: {
  state: SaveState;
  dirty: boolean;
  /** Extra buttons (e.g. "restore defaults"). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  let text = '';
  let tone = '';
  if (state.kind === 'saving') text = t('settings.save.saving');
  else if (state.kind === 'failed') {
    text = state.code ? messageFor(state.code, lang) : t('settings.save.failed');
    tone = 'error';
  } else if (dirty) text = t('settings.save.unsaved');
  else if (state.kind === 'saved') {
    text = t('settings.save.saved');
    tone = 'ok';
  }
  return (
    <div className="settings-save-bar">
      <button type="submit" className="button primary" disabled={state.kind === 'saving'}>
        {t('settings.save.button')}
      </button>
      {children}
      <span className={`settings-save-status ${tone}`} role="status" aria-live="polite">
        {text}
      </span>
    </div>
  );
}
