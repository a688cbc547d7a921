import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/ipc';
import { useBackups } from '@renderer/backup/useBackups';
import { useLang } from '@renderer/ui/useLang';
import { backupErrorText } from './messages';
import { RecoverySheet } from './RecoverySheet';

const MIN_LENGTH = 8;

function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  testId: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}

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

  /** Runs a password call; then the journal and the backups that are due can start. */
  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
      setPassword('');
      setRepeat('');
      await controller.refresh();
      if (desktop) void controller.start();
    } catch (caught) {
      setError(backupErrorText(t, caught, lang));
    } finally {
      setBusy(false);
    }
  };

  const submitNew = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_LENGTH) return setError(t('backup.password.tooShort'));
    if (password !== repeat) return setError(t('backup.password.mismatch'));
    void run(async () => {
      const result = await controller.platform.setPassword({ password });
      if (result.recoveryKey !== null)
        setSheet({ key: result.recoveryKey, keyId: result.recoveryKeyId });
    });
  };

  const submitUnlock = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await controller.platform.unlock(password);
    });
  };

  return (
    <fieldset className="settings-fieldset backup-password">
      <legend>{t('backup.password.title')}</legend>
      {status.password === 'not_set' && (
        <form onSubmit={submitNew} noValidate>
          <p className="settings-lead">{t('backup.password.lead')}</p>
          <div className="backup-fields">
            <PasswordField
              label={t('backup.password.new')}
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
              testId="backup-new-password"
            />
            <PasswordField
              label={t('backup.password.repeat')}
              value={repeat}
              onChange={setRepeat}
              autoComplete="new-password"
              testId="backup-repeat-password"
            />
          </div>
          <p>
            <button type="submit" className="button primary" disabled={busy}>
              {t('backup.password.set')}
            </button>
          </p>
        </form>
      )}
      {status.password === 'locked' && (
        <form onSubmit={submitUnlock} noValidate>
          <p className="notice warning">{t('backup.password.locked')}</p>
          <div className="backup-fields">
            <PasswordField
              label={t('backup.password.current')}
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              testId="backup-unlock-password"
            />
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
