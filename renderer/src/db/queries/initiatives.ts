import type { Initiative, PlanItem } from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';

/**
 * Initiatives not deleted, newest first: by submission date (drafts without a date on top,
 * they are the work in hand), then by when they were recorded.
 */
export async function listInitiatives(db: TizilimDb): Promise<Initiative[]> {
  const all = await db.initiatives.filter((i) => i.deletedAt === null).toArray();
  return all.sort(
    (a, b) =>
      (b.submittedOn ?? '9999').localeCompare(a.submittedOn ?? '9999') ||
      b.createdAt.localeCompare(a.createdAt) ||
      (a.id < b.id ? 1 : -1),
  );
}

/** The live plan items of one quarter, in report order (then by when they were added). */
export async function listPlanItems(
  db: TizilimDb,
  year: number,
  quarter: number,
): Promise<PlanItem[]> {
  const items = await db.planItems.where('[year+quarter]').equals([year, quarter]).toArray();
  return items
    .filter((p) => p.deletedAt === null)
    .sort(
      (a, b) =>
        a.order - b.order || a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1),
    );
}
