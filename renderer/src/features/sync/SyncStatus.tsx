import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { formatTimestamp } from '@shared/format';
import { useSyncService, useSyncSummary, type SyncSummary } from './useSync';
import './sync.css';

/** The words of the sync's status: synced / syncing N / offline since … / conflicts N. */
export function useStatusText(summary: SyncSummary): { text: string; tone: string } {
  const { t } = useTranslation();
  if (summary.needsCredentials) return { text: t('sync.status.needsCredentials'), tone: 'warn' };
  switch (summary.phase) {
    case 'off':
      return { text: t('sync.status.off'), tone: 'off' };
    case 'syncing':
      return summary.pending > 0
        ? { text: t('sync.status.syncing', { count: summary.pending }), tone: 'busy' }
        : { text: t('sync.status.syncingNone'), tone: 'busy' };
    case 'offline':
      return {
        text: t('sync.status.offline', {
          since: summary.offlineSince ? formatTimestamp(summary.offlineSince) : '—',
        }),
        tone: 'warn',
      };
    case 'failed':
      return {
        text:
          summary.failedStatus === 401 || summary.failedStatus === 403
            ? t('sync.status.failedAuth')
            : summary.diskFull
              ? t('sync.status.failedDiskFull')
              : t('sync.status.failed'),
        tone: 'error',
      };
    default:
      return { text: t('sync.status.synced'), tone: 'ok' };
  }
}

/**
 * The sidebar's sync status, a link to Settings › Sync. Starts the sync when the app shell
 * opens (if it is on). Shows nothing while sync is off and nothing needs a person.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const service = useSyncService();
  const summary = useSyncSummary();
  const { text, tone } = useStatusText(summary);
  useEffect(() => {
    void service.start();
  }, [service]);
  if (summary.phase === 'off' && !summary.needsCredentials && summary.conflicts === 0) return null;
  return (
    <NavLink
      to="/settings/sync"
      className={`sync-status ${tone}`}
      aria-label={t('sync.status.label')}
    >
      <span className="sync-status-dot" aria-hidden="true" />
      <span className="sync-status-text" role="status" aria-live="polite">
        {text}
      </span>
      {summary.conflicts > 0 && (
        <span className="sync-status-conflicts">
          {t('sync.status.conflicts', { count: summary.conflicts })}
        </span>
      )}
    </NavLink>
  );
}
