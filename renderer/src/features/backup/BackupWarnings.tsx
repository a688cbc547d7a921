import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@shared/i18n/lang';
import { Link } from 'react-router';
import { formatBytes, formatTimestamp } from '@shared/format';
import type { BackupWarning } from '@renderer/backup/controller';
import { useBackups } from '@renderer/backup/useBackups';
import { useLang } from '@renderer/ui/useLang';

function text(t: TFunction, warning: BackupWarning, lang: Lang): string {
  switch (warning.kind) {
    case 'old':
      return t('backup.today.old', { date: formatTimestamp(warning.lastGoodAt) });
    case 'folder_unreachable':
      return t('backup.today.folder_unreachable', { folder: warning.folder });
    case 'low_space':
      return t('backup.today.low_space', { size: formatBytes(warning.freeBytes, lang) });
    default:
      return t(`backup.today.${warning.kind}`);
  }
}

/**
 * Today's warnings about the registry's safety: no backup for more than 3 days (or ever),
 * backups paused for the password, the office's backup folder unreachable, and less than
 * 1 GB free where the database lives. Nothing is shown when all is well.
 */
export function BackupWarnings() {
  const { t } = useTranslation();
  const lang = useLang();
  // Re-rendered with each snapshot; the controller leaves out what the demo office needs not hear.
  const { controller } = useBackups();
  const warnings = controller.warnings();
  if (warnings.length === 0) return null;
  return (
    <section className="notice warning backup-warnings" role="status" data-testid="backup-warnings">
      <strong>{t('backup.today.title')}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w.kind} data-testid={`backup-warning-${w.kind}`}>
            {text(t, w, lang)}
          </li>
        ))}
      </ul>
      <Link to="/settings/data">{t('backup.today.action')}</Link>
    </section>
  );
}
