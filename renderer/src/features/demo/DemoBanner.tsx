import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEMO_MARKER_ID } from '@renderer/db/queries/office';
import { isDemoDb } from '@renderer/db/demoOffice';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import './demo.css';

/**
 * Shown on every screen while the office's database holds demo data loaded from a file
 * (the demo office, in its own database, has its own banner: features/demo), so nobody mistakes generated
 * appeals for real people's — or types real appeals into a database meant to be thrown away.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const db = useDb();
  const demo = useLiveQuery(
    async () => (await db.counters.get(DEMO_MARKER_ID)) !== undefined,
    [db],
  );
  if (!demo || isDemoDb(db)) return null;
  return (
    <div className="demo-banner" role="status">
      <strong>{t('dataTransfer.banner.title')}</strong> {t('dataTransfer.banner.text')}{' '}
      <Link to="/settings/data">{t('dataTransfer.banner.link')}</Link>
    </div>
  );
}
