import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEMO_MARKER_ID } from '@renderer/db/queries/office';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import './dataTransfer.css';

/**
 * Shown on every screen while the database holds demo data, so nobody mistakes generated
 * appeals for real people's — or types real appeals into a database meant to be thrown away.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const db = useDb();
  const demo = useLiveQuery(
    async () => (await db.counters.get(DEMO_MARKER_ID)) !== undefined,
    [db],
  );
  if (!demo) return null;
  return (
    <div className="demo-banner" role="status">
      <strong>{t('dataTransfer.banner.title')}</strong> {t('dataTransfer.banner.text')}{' '}
      <Link to="/settings/data">{t('dataTransfer.banner.link')}</Link>
    </div>
  );
}
