import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { routes } from './routes';

// Hash routing: the same URLs work from app://tizilim/index.html, from 127.0.0.1 and
// inside the hidden PDF window, with no server-side fallback.
export function App({ i18n }: { i18n: i18n }) {
  const [router] = useState(() => createHashRouter(routes));
  return (
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>
  );
}
