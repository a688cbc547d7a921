import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { CalendarSection } from './CalendarSection';
import { DeadlinesSection } from './DeadlinesSection';
import { GeneralSection } from './GeneralSection';
import { ProfileSection } from './ProfileSection';
import { StaffSection } from './StaffSection';
import { TopicsSection } from './TopicsSection';
import { PlaceNamesSection } from './PlaceNamesSection';
import { DataSection } from './DataSection';
import { ChecklistsSection } from '@renderer/features/reception';
import { SyncSection } from '@renderer/features/sync';
import { ExchangeSection } from '@renderer/features/exchange';
import { OffInDemo } from '@renderer/features/demo';
import './settings.css';
import './calendarRules.css';

export const SETTINGS_SECTIONS = [
  { path: 'profile', element: <ProfileSection /> },
  { path: 'staff', element: <StaffSection /> },
  { path: 'topics', element: <TopicsSection /> },
  { path: 'places', element: <PlaceNamesSection /> },
  { path: 'calendar', element: <CalendarSection /> },
  { path: 'deadlines', element: <DeadlinesSection /> },
  { path: 'checklists', element: <ChecklistsSection /> },
  { path: 'general', element: <GeneralSection /> },
  { path: 'data', element: <DataSection /> },
  {
    path: 'exchange',
    element: (
      <OffInDemo>
        <ExchangeSection />
      </OffInDemo>
    ),
  },
  {
    path: 'sync',
    element: (
      <OffInDemo>
        <SyncSection />
      </OffInDemo>
    ),
  },
] as const;

/** Settings: one tab per part of the office's set-up, each at its own address. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section className="page settings-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('settings.title')}</h1>
      <nav className="settings-tabs" aria-label={t('settings.tabs.label')}>
        {SETTINGS_SECTIONS.map(({ path }) => (
          <NavLink key={path} to={`/settings/${path}`}>
            {t(`settings.tabs.${path}`)}
          </NavLink>
        ))}
      </nav>
      <div className="settings-body">
        <Routes>
          <Route index element={<Navigate to="/settings/profile" replace />} />
          {SETTINGS_SECTIONS.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
          <Route path="*" element={<Navigate to="/settings/profile" replace />} />
        </Routes>
      </div>
    </section>
  );
}
