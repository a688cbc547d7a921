import { Navigate, Outlet, useRouteError, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { ErrorScreen } from './ErrorBoundary';
import { SessionProvider } from './session';
import { RegistryPage } from '../features/registry/RegistryPage';
import { AppealFormPage } from '../features/appeal/form/AppealFormPage';
import { AppealPage } from '../features/appeal/AppealPage';
import { ApplicantsPage } from '../features/applicants/ApplicantsPage';
import { ApplicantPage } from '../features/applicants/ApplicantPage';
import { TodayPage } from '../features/dashboard/TodayPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ReceiptPrint } from '../features/appeal/print/ReceiptPrint';
import { AppealCardPrint } from '../features/appeal/print/AppealCardPrint';
import { ReceptionsPage } from '../features/reception/ReceptionsPage';
import { ReceptionPlanPage } from '../features/reception/ReceptionPlanPage';
import { ReceptionRunPage } from '../features/reception/run/ReceptionRunPage';
import { ReceptionSummaryPage } from '../features/reception/run/ReceptionSummaryPage';
import { InquiriesPage } from '../features/inquiries/InquiriesPage';
import { InquiryPage } from '../features/inquiries/InquiryPage';
import { AgenciesPage } from '../features/inquiries/AgenciesPage';
import { AgencyPage } from '../features/inquiries/AgencyPage';
import { InquiryPrint } from '../features/inquiries/print/InquiryPrint';
import { TemplatesPage } from '../features/templates/TemplatesPage';
import { TemplateEditorPage } from '../features/templates/TemplateEditorPage';
import { LetterPrint } from '../features/templates/print/LetterPrint';
import { ReportPage } from '../features/report/ReportPage';
import { ReportPrint } from '../features/report/print/ReportPrint';
import { InitiativesPage } from '../features/initiatives/InitiativesPage';

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
      { path: '/print/inquiry/:id', element: <InquiryPrint /> },
      { path: '/print/letter/:key', element: <LetterPrint /> },
      { path: '/print/report', element: <ReportPrint /> },
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
          { path: 'reception', element: <ReceptionsPage /> },
          { path: 'reception/new', element: <ReceptionPlanPage /> },
          { path: 'reception/:id', element: <ReceptionPlanPage /> },
          { path: 'reception/:id/run', element: <ReceptionRunPage /> },
          { path: 'reception/:id/summary', element: <ReceptionSummaryPage /> },
          { path: 'inquiries', element: <InquiriesPage /> },
          { path: 'inquiries/new', element: <InquiryPage /> },
          { path: 'inquiries/:id', element: <InquiryPage /> },
          { path: 'agencies', element: <AgenciesPage /> },
          { path: 'agencies/:id', element: <AgencyPage /> },
          { path: 'templates', element: <TemplatesPage /> },
          { path: 'templates/:id', element: <TemplateEditorPage /> },
          { path: 'initiatives', element: <InitiativesPage /> },
          { path: 'reports', element: <ReportPage /> },
          { path: 'settings/*', element: <SettingsPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
