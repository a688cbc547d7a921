import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatTimestamp } from '@shared/format';
import { useBackups } from '@renderer/backup/useBackups';
import { LanguageSwitcher } from '@renderer/ui/LanguageSwitcher';
import { useLang } from '@renderer/ui/useLang';
import type { RestoreDoneInfo } from './firstRunRestore';
import { backupErrorText } from './messages';
import { RecoverySheet } from './RecoverySheet';

const RESULT_TABLES = ['appeals', 'applicants', 'receptions', 'inquiries', 'attachments'] as const;

/** The backup password's shortest length (Settings › Data asks the same). */
const MIN_LENGTH = 8;

/**
 * After a restore opened with a typed password on a laptop that has no backup password yet
 * (a new laptop): keep that password for this laptop's automatic backups, exactly as
 * Settings › Data sets it — with the recovery sheet, then the backups that are due.
 */
function KeepPasswordOffer({ password }: { password: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { controller, snapshot } = useBackups();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sheet, setSheet] = useState<{ key: string; keyId: string } | null>(null);
  const desktop = controller.platform.kind === 'desktop';
  if (done) {
    return (
      <>
        <p className="notice" role="status" data-testid="restore-password-kept">
          {t('restoreDone.keep.done')}
        </p>
        <RecoverySheet key={sheet?.key ?? 'none'} sheet={sheet} onClose={() => setSheet(null)} />
      </>
    );
  }
  if (!desktop || snapshot.status?.password !== 'not_set' || password.length < MIN_LENGTH) {
    return null;
  }

  const keep = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await controller.platform.setPassword({ password });
      if (result.recoveryKey !== null)
        setSheet({ key: result.recoveryKey, keyId: result.recoveryKeyId });
      setDone(true);
      await controller.refresh();
      void controller.start();
    } catch (caught) {
      setError(backupErrorText(t, caught, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notice restore-keep-password" data-testid="restore-keep-password">
      <p>
        <strong>{t('restoreDone.keep.title')}</strong>
      </p>
      <p>{t('restoreDone.keep.lead')}</p>
      <p>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void keep()}
        >
          {t('restoreDone.keep.button')}
        </button>
      </p>
      <p className="settings-hint">{t('restoreDone.keep.later')}</p>
      {error !== null && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What a restore brought back: the backup's date and device, the records per table. */
export function RestoreDone({ info, titled = true }: { info: RestoreDoneInfo; titled?: boolean }) {
  const { t } = useTranslation();
  const { result, preview, kept } = info;
  const records = Object.values(result.counts).reduce((n, c) => n + c, 0);
  return (
    <div className="restore-done" role="status" data-testid="restore-result">
      {titled && (
        <p>
          <strong>{t('restoreDone.title')}</strong>
        </p>
      )}
      <p>{t('restoreDone.when', { date: formatTimestamp(preview.createdAt) })}</p>
      {preview.device && <p>{t('restoreDone.device', { device: preview.device.name })}</p>}
      <p>{t('restoreDone.lead')}</p>
      <ul className="data-counts">
        {RESULT_TABLES.map((name) => (
          <li key={name}>
            {t(`backup.tables.${name}`)}: {formatNumber(result.counts[name] ?? 0)}
          </li>
        ))}
      </ul>
      {preview.journal && preview.journal.changes > 0 && (
        <p>{t('restoreDone.journal', { count: formatNumber(preview.journal.changes) })}</p>
      )}
      <p>{t('restoreDone.total', { records: formatNumber(records) })}</p>
      {kept?.kind === 'disk' && <p>{t('backup.restore.doneBackup', { path: kept.path })}</p>}
      {kept?.kind === 'download' && (
        <p>{t('backup.restore.doneBackup', { path: kept.fileName })}</p>
      )}
      {result.differences.length > 0 && (
        <p className="notice warning">
          {t('backup.restore.differences', {
            tables: result.differences
              .map((d) => `${d.table}: ${d.found} / ${d.expected}`)
              .join(', '),
          })}
        </p>
      )}
      {info.typedPassword !== null && <KeepPasswordOffer password={info.typedPassword} />}
    </div>
  );
}

/** After a restore from the first-run screen: its result, then on to "who is working?". */
export function RestoreDoneGate({
  info,
  onContinue,
}: {
  info: RestoreDoneInfo;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="gate">
      <section className="gate-card" aria-labelledby="restore-done-title">
        <div className="gate-lang">
          <LanguageSwitcher />
        </div>
        <h1 id="restore-done-title">{t('restoreDone.title')}</h1>
        <RestoreDone info={info} titled={false} />
        <p>
          <button type="button" className="button primary" autoFocus onClick={onContinue}>
            {t('restoreDone.continue')}
          </button>
        </p>
      </section>
    </div>
  );
}
