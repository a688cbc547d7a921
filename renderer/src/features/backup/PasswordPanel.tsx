import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/ipc';
import { useBackups } from '@renderer/backup/useBackups';
import { useLang } from '@renderer/ui/useLang';
import { backupErrorText } from './messages';
import { RecoverySheet } from './RecoverySheet';

const MIN_LENGTH = 8;

/**
 * The backup password: set once (with the recovery sheet shown at once), or given for this
 * session when the OS cannot keep it. Never shown again, never stored in clear.
 */
export function PasswordPanel({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { controller } = useBackups();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<{ key: string; keyId: string } | null>(null);
  const desktop = controller.platform.kind === 'desktop';

  const submitNew = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_LENGTH) return setError(t('backup.password.tooShort'));
    if (password !== repeat) return setError(t('backup.password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      const result = await controller.platform.setPassword({ password });
      setPassword('');
      setRepeat('');
      if (result.recoveryKey !== null)
        setSheet({ key: result.recoveryKey, keyId: result.recoveryKeyId });
      await controller.refresh();
      // The journal and the first backup can start now.
      if (desktop) void controller.start();
    } catch (caught) {
      setError(backupErrorText(t, caught, lang));
    } finally {
      setBusy(false);
    }
  };

  const submitUnlock = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await controller.platform.unlock(password);
      setPassword('');
      await controller.refresh();
      if (desktop) void controller.start();
    } catch (caught) {
      setError(backupErrorText(t, caught, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="settings-fieldset backup-password">
      <legend>{t('backup.password.title')}</legend>
      {status.password === 'not_set' && (
        <form onSubmit={(e) => void submitNew(e)} noValidate>
          <p className="settings-lead">{t('backup.password.lead')}</p>
          <div className="backup-fields">
            <label className="field">
              <span className="field-label">{t('backup.password.new')}</span>
              <input
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="backup-new-password"
              />
            </label>
            <label className="field">
              <span className="field-label">{t('backup.password.repeat')}</span>
              <input
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                data-testid="backup-repeat-password"
              />
            </label>
          </div>
          <p>
            <button type="submit" className="button primary" disabled={busy}>
              {t('backup.password.set')}
            </button>
          </p>
        </form>
      )}
      {status.password === 'locked' && (
        <form onSubmit={(e) => void submitUnlock(e)} noValidate>
          <p className="notice warning">{t('backup.password.locked')}</p>
          <div className="backup-fields">
            <label className="field">
              <span className="field-label">{t('backup.password.current')}</span>
              <input
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="backup-unlock-password"
              />
            </label>
          </div>
          <p>
            <button type="submit" className="button primary" disabled={busy || password === ''}>
              {t('backup.password.unlock')}
            </button>
          </p>
        </form>
      )}
      {status.password === 'ready' && (
        <>
          <p data-testid="backup-password-ready">
            {t('backup.password.ready', { keyId: status.recoveryKeyId ?? '—' })}
          </p>
          <p className="settings-hint">
            {!desktop
              ? t('backup.password.browser')
              : status.passwordKept === 'safeStorage'
                ? t('backup.password.keptByOs')
                : t('backup.password.notKept')}
          </p>
        </>
      )}
      {error !== null && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <RecoverySheet key={sheet?.key ?? 'none'} sheet={sheet} onClose={() => setSheet(null)} />
    </fieldset>
  );
}
