// What the session needs of backups on every start, without the backup screens' code: the
// first-run restore's state, and its result screen, loaded when a restore has finished.
import { lazy } from 'react';

export { setFirstRunRestore, useFirstRunRestore } from './firstRunRestore';
export const RestoreDoneGate = lazy(() =>
  import('./RestoreDone').then((m) => ({ default: m.RestoreDoneGate })),
);
