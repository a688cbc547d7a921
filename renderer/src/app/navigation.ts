export const NAV_ITEMS = [
  { path: '/today', label: 'nav.today' },
  { path: '/registry', label: 'nav.registry' },
  { path: '/applicants', label: 'nav.applicants' },
  { path: '/reception', label: 'nav.reception' },
  { path: '/inquiries', label: 'nav.inquiries' },
  { path: '/agencies', label: 'nav.agencies' },
  { path: '/templates', label: 'nav.templates' },
  { path: '/initiatives', label: 'nav.initiatives' },
  { path: '/problem-map', label: 'nav.problemMap' },
  { path: '/reports', label: 'nav.reports' },
  { path: '/settings', label: 'nav.settings' },
] as const;
