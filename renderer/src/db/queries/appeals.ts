import type { Appeal, AppEvent } from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';

/** An appeal's history, oldest first. */
export async function appealHistory(db: TizilimDb, appealId: string): Promise<AppEvent[]> {
  return db.events.where('[appealId+at]').between([appealId, ''], [appealId, '\uffff']).toArray();
}

/** The appeal with this registry number, unless it was deleted. */
export async function liveAppealByRegNo(db: TizilimDb, regNo: string): Promise<Appeal | undefined> {
  const appeal = await db.appeals.where('regNo').equals(regNo).first();
  return appeal && appeal.deletedAt === null ? appeal : undefined;
}
