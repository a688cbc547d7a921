import 'i18next';
import type { kk } from './catalogs';

// Keys are checked against the Kazakh catalog; a lint-time test keeps ru.json in step.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof kk };
    returnNull: false;
  }
}
