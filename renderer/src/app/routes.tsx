import { Navigate, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { UpcomingPage } from '../ui/UpcomingPage';
import { ErrorScreen } from './ErrorBoundary';
import { useRouteError } from 'react-router';

function RouteError() {
  return <ErrorScreen error={useRouteError()} />;
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/registry" replace /> },
      { path: 'registry', element: <UpcomingPage section="registry" /> },
      { path: 'reception', element: <UpcomingPage section="reception" /> },
      { path: 'inquiries', element: <UpcomingPage section="inquiries" /> },
      { path: 'reports', element: <UpcomingPage section="reports" /> },
      { path: 'settings', element: <UpcomingPage section="settings" /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
