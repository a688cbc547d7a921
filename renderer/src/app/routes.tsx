import { Navigate, Outlet, useRouteError, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { ErrorScreen } from './ErrorBoundary';
import { SessionProvider } from './session';
import { RegistryPage } from '@renderer/features/registry';
import {
  AppealCardPrint,
  AppealFormPage,
  AppealPage,
  ReceiptPrint,
} from '@renderer/features/appeal';
import { ApplicantPage, ApplicantsPage } from '@renderer/features/applicants';
import { TodayPage } from '@renderer/features/dashboard';
import { SettingsPage } from '@renderer/features/settings';
import {
  ReceptionPlanPage,
  ReceptionRunPage,
  ReceptionSummaryPage,
  ReceptionsPage,
} from '@renderer/features/reception';
import {
  AgenciesPage,
  AgencyPage,
  InquiriesPage,
  InquiryPage,
  InquiryPrint,
} from '@renderer/features/inquiries';
import { LetterPrint, TemplateEditorPage, TemplatesPage } from '@renderer/features/templates';
import { ReportPage, ReportPrint } from '@renderer/features/report';
import { InitiativesPage } from '@renderer/features/initiatives';
import { OpennessPage } from '@renderer/features/scorecard';
import { ProblemMapPage } from '@renderer/features/problemMap';

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
          { path: 'problem-map', element: <ProblemMapPage /> },
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
          { path: 'openness', element: <OpennessPage /> },
          { path: 'settings/*', element: <SettingsPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
