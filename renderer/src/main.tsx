import './app/zodConfig';
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import './styles.css';
import './ui.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import {
  backupBeforeUpgrade,
  isNewerDatabase,
  NEWER_DATABASE_MESSAGE,
} from './backup/beforeUpgrade';
import { getDb } from './db/database';
import { prefetchFirstPage } from './features/registry';
import { acceptEarlyRead, earlyRegistryRows } from './db/earlyRead';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// An older database is backed up at its own version before the app upgrades it. Whatever
// fails on the way, the window never stays blank.
const backedUp = backupBeforeUpgrade().catch(() => null);
// A database written by a newer app is left as it is: nothing here opens it (see below).
const newer = isNewerDatabase(getDb().name);
// The registry is the first screen: boot/earlyRead.ts has read its first rows and the
// settings while this code loaded. The first render waits for that read a little (it is
// usually done by now); without it the rows are read here (after the backup: opening the
// database upgrades it) and the settings by the session.
const EARLY_READ_WAIT_MS = 300;
const early = Promise.race([
  (window.tizilimEarlyRead ?? Promise.resolve(null)).catch(() => null),
  new Promise<null>((resolve) => setTimeout(() => resolve(null), EARLY_READ_WAIT_MS)),
]).then((read) => acceptEarlyRead(read));
if (/^(#\/?(registry)?)?$/.test(location.hash.split('?')[0]!)) {
  void Promise.all([backedUp, early, newer]).then(([, , isNewer]) => {
    if (!isNewer && !earlyRegistryRows(getDb())) prefetchFirstPage(getDb());
  });
}
void Promise.all([initI18n(), backedUp, early, newer]).then(
  ([i18n, , , isNewer]) => {
    if (isNewer) {
      root.textContent = NEWER_DATABASE_MESSAGE;
      root.style.whiteSpace = 'pre-line';
      root.style.padding = '2rem';
      return;
    }
    createRoot(root).render(
      <StrictMode>
        <App i18n={i18n} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    console.error('Tizilim could not start', error);
    root.textContent =
      'Тізілім іске қосылмады. Бетті қайта жүктеңіз. / Tizilim не запустился. Перезагрузите страницу.';
  },
);
