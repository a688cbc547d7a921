import { Navigate, Outlet, useRouteError, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { ErrorScreen } from './ErrorBoundary';
import { SessionProvider } from './session';
import { UpcomingPage } from '../ui/UpcomingPage';
import { RegistryPage } from '../features/registry/RegistryPage';
import { AppealFormPage } from '../features/appeal/form/AppealFormPage';
import { AppealPage } from '../features/appeal/AppealPage';
import { ApplicantsPage } from '../features/applicants/ApplicantsPage';
import { ApplicantPage } from '../features/applicants/ApplicantPage';
import { TodayPage } from '../features/dashboard/TodayPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ReceiptPrint } from '../features/appeal/print/ReceiptPrint';
import { AppealCardPrint } from '../features/appeal/print/AppealCardPrint';

function RouteError() {
  return <ErrorScreen error={useRouteError()} />;
}

function WithSession() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

function WithPrintSession() {
  return (
    <SessionProvider forPrint>
      <Outlet />
    </SessionProvider>
  );
}

export const routes: RouteObject[] = [
  {
    // Print layouts: no sidebar, rendered for PDF and paper.
    element: <WithPrintSession />,
    errorElement: <RouteError />,
    children: [
      { path: '/print/receipt/:id', element: <ReceiptPrint /> },
      { path: '/print/appeal/:id', element: <AppealCardPrint /> },
    ],
  },
  {
    element: <WithSession />,
    errorElement: <RouteError />,
    children: [
      {
        path: '/',
        element: <Layout />,
        children: [
          { index: true, element: <Navigate to="/registry" replace /> },
          { path: 'today', element: <TodayPage /> },
          { path: 'registry', element: <RegistryPage /> },
          { path: 'appeals/new', element: <AppealFormPage /> },
          { path: 'appeals/:id', element: <AppealPage /> },
          { path: 'appeals/:id/edit', element: <AppealFormPage /> },
          { path: 'applicants', element: <ApplicantsPage /> },
          { path: 'applicants/:id', element: <ApplicantPage /> },
          { path: 'reception', element: <UpcomingPage section="reception" /> },
          { path: 'inquiries', element: <UpcomingPage section="inquiries" /> },
          { path: 'reports', element: <UpcomingPage section="reports" /> },
          { path: 'settings/*', element: <SettingsPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
