import { Navigate, Outlet, useRouteError, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { ErrorScreen } from './ErrorBoundary';
import { SessionProvider } from './session';
import { RegistryPage } from '@renderer/features/registry';
import { appeal, applicants, inquiries, reception, report, screen, templates } from './screens';

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
    hydrateFallbackElement: <div className="loading" aria-busy="true" />,
    children: [
      { path: '/print/receipt/:id', lazy: screen(appeal, (m) => m.ReceiptPrint) },
      { path: '/print/appeal/:id', lazy: screen(appeal, (m) => m.AppealCardPrint) },
      { path: '/print/inquiry/:id', lazy: screen(inquiries, (m) => m.InquiryPrint) },
      { path: '/print/letter/:key', lazy: screen(templates, (m) => m.LetterPrint) },
      { path: '/print/report', lazy: screen(report, (m) => m.ReportPrint) },
    ],
  },
  {
    element: <WithSession />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <div className="loading" aria-busy="true" />,
    children: [
      {
        path: '/',
        element: <Layout />,
        children: [
          { index: true, element: <Navigate to="/registry" replace /> },
          {
            path: 'today',
            lazy: screen(
              () => import('@renderer/features/dashboard'),
              (m) => m.TodayPage,
            ),
          },
          { path: 'registry', element: <RegistryPage /> },
          {
            path: 'problem-map',
            lazy: screen(
              () => import('@renderer/features/problemMap'),
              (m) => m.ProblemMapPage,
            ),
          },
          { path: 'appeals/new', lazy: screen(appeal, (m) => m.AppealFormPage) },
          { path: 'appeals/:id', lazy: screen(appeal, (m) => m.AppealPage) },
          { path: 'appeals/:id/edit', lazy: screen(appeal, (m) => m.AppealFormPage) },
          { path: 'applicants', lazy: screen(applicants, (m) => m.ApplicantsPage) },
          { path: 'applicants/:id', lazy: screen(applicants, (m) => m.ApplicantPage) },
          { path: 'reception', lazy: screen(reception, (m) => m.ReceptionsPage) },
          { path: 'reception/new', lazy: screen(reception, (m) => m.ReceptionPlanPage) },
          { path: 'reception/:id', lazy: screen(reception, (m) => m.ReceptionPlanPage) },
          { path: 'reception/:id/run', lazy: screen(reception, (m) => m.ReceptionRunPage) },
          { path: 'reception/:id/summary', lazy: screen(reception, (m) => m.ReceptionSummaryPage) },
          { path: 'inquiries', lazy: screen(inquiries, (m) => m.InquiriesPage) },
          { path: 'inquiries/new', lazy: screen(inquiries, (m) => m.InquiryPage) },
          { path: 'inquiries/:id', lazy: screen(inquiries, (m) => m.InquiryPage) },
          { path: 'agencies', lazy: screen(inquiries, (m) => m.AgenciesPage) },
          { path: 'agencies/:id', lazy: screen(inquiries, (m) => m.AgencyPage) },
          { path: 'templates', lazy: screen(templates, (m) => m.TemplatesPage) },
          { path: 'templates/:id', lazy: screen(templates, (m) => m.TemplateEditorPage) },
          {
            path: 'initiatives',
            lazy: screen(
              () => import('@renderer/features/initiatives'),
              (m) => m.InitiativesPage,
            ),
          },
          { path: 'reports', lazy: screen(report, (m) => m.ReportPage) },
          {
            path: 'openness',
            lazy: screen(
              () => import('@renderer/features/scorecard'),
              (m) => m.OpennessPage,
            ),
          },
          {
            path: 'settings/*',
            lazy: screen(
              () => import('@renderer/features/settings'),
              (m) => m.SettingsPage,
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
