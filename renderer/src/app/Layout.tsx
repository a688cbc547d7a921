import { lazy, Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { ErrorBoundary } from './ErrorBoundary';
import { DemoBadge, DemoBanner, DemoOfficeBanner } from '@renderer/features/demo';
import { SyncStatus } from '@renderer/features/sync/light';
import { NAV_ITEMS } from './navigation';
import { useSession } from './session';
import { useDb } from '@renderer/db/hooks';
import { searchIndexOf } from '@renderer/db/searchIndex';
import { preloadScreens } from './screens';

// The deadline reminders count every appeal (and their feature brings the Today screen's):
// they start with the search index, once the first screen has painted.
const DeadlineNotifier = lazy(() =>
  import('@renderer/features/notifications').then((m) => ({ default: m.DeadlineNotifier })),
);
function CurrentUser() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  return (
    <div className="current-user">
      <span className="current-user-label">{t('session.currentUser')}</span>
      <strong>{user.fullName}</strong>
      <button type="button" className="link-button" onClick={signOut}>
        {t('session.signOut')}
      </button>
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const db = useDb();
  // The search index is built in slices once the first screen has read its data and
  // painted (its reads would otherwise queue before the registry's first rows); a search
  // typed sooner starts it at once. The screens opened next from the registry load then too.
  const [afterFirstScreen, setAfterFirstScreen] = useState(false);
  // The automatic backups start once the first screen is committed; their code (archives,
  // encryption) is not read before it. Not later: the journal feed must catch up from the
  // change log before anyone opens a restore, whose journal would otherwise miss the latest
  // changes. The sync (the replicator) starts with the search index, below.
  useEffect(() => {
    void import('@renderer/backup/useBackups').then((m) => m.startBackupAutomation());
  }, []);
  useEffect(() => {
    let idle = 0;
    const timer = setTimeout(() => {
      const start = () => {
        setAfterFirstScreen(true);
        preloadScreens();
        // A build cut short (the database closed or replaced meanwhile) is started again by
        // the first search that asks for the index (`ready()`), which reports its failures.
        searchIndexOf(db)
          .start()
          .catch(() => undefined);
      };
      if (typeof requestIdleCallback === 'function') {
        idle = requestIdleCallback(start, { timeout: 2_000 });
      } else start();
    }, 1_000);
    return () => {
      clearTimeout(timer);
      if (idle) cancelIdleCallback(idle);
    };
  }, [db]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
          <DemoBadge />
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path}>{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-footer">
          {afterFirstScreen && (
            <Suspense fallback={null}>
              <SyncStatus />
            </Suspense>
          )}
          <CurrentUser />
          <LanguageSwitcher />
        </div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        <DemoOfficeBanner />
        <DemoBanner />
        {afterFirstScreen && (
          <Suspense fallback={null}>
            <DeadlineNotifier />
          </Suspense>
        )}
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
