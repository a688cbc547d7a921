import { cleanup } from '@testing-library/react';
import { getDb } from '@renderer/db/database';
import { draftWritesSettled } from '@renderer/ui/useDraft';

/**
 * Empties the app's database between tests. The app is unmounted first, so its effects
 * stop (live queries, the sync and backup starters, a form that would autosave into the next
 * test's database), and the draft it writes as it unmounts lands before the database goes.
 */
export async function resetAppDatabase(): Promise<void> {
  cleanup();
  await draftWritesSettled();
  await getDb().delete();
  await getDb().open();
}
