// What the app shell shows of the sync on every screen, loaded apart from the replicator:
// the sidebar's status, whose code (and the engine it starts) loads when it is first shown.
import { lazy } from 'react';

export const SyncStatus = lazy(() =>
  import('./SyncStatus').then((m) => ({ default: m.SyncStatus })),
);
