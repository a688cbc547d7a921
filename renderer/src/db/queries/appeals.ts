import { type AppEvent } from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';

/** An appeal's history, oldest first. */
export async function appealHistory(db: TizilimDb, appealId: string): Promise<AppEvent[]> {
  return db.events.where('[appealId+at]').between([appealId, ''], [appealId, '\uffff']).toArray();
}
