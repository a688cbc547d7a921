import { useSyncExternalStore } from 'react';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { getPlatform } from '@renderer/platform';
import { getSyncService, type SyncService, type SyncView } from '@renderer/sync/service';

/** The app's sync service (renderer/src/sync/service.ts). */
export function useSyncService(): SyncService {
  return getSyncService(useDb(), getPlatform());
}

export interface SyncSummary extends SyncView {
  conflicts: number;
  quarantined: number;
}

/** The sync's status with the counts of conflicts and quarantined documents (live). */
export function useSyncSummary(): SyncSummary {
  const service = useSyncService();
  const db = useDb();
  const view = useSyncExternalStore(service.subscribe, () => service.status);
  const counts = useLiveQuery(
    async () => ({
      conflicts: new Set((await db.syncConflicts.toArray()).map((c) => c.docId)).size,
      quarantined: await db.syncQuarantine.count(),
    }),
    [db],
  );
  return { ...view, conflicts: counts?.conflicts ?? 0, quarantined: counts?.quarantined ?? 0 };
}
