export const NAV_ITEMS = [
  { path: '/registry', label: 'nav.registry' },
  { path: '/reception', label: 'nav.reception' },
  { path: '/inquiries', label: 'nav.inquiries' },
  { path: '/reports', label: 'nav.reports' },
  { path: '/settings', label: 'nav.settings' },
] as const;
