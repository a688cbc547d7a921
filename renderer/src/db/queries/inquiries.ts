import type { Inquiry } from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';

/** Every inquiry, drafts and deleted ones included (the list filters by view). */
export function listInquiries(db: TizilimDb): Promise<Inquiry[]> {
  return db.inquiries.toArray();
}

/** Inquiries sent and not answered yet (on time or overdue): what the Today view counts. */
export function inquiriesAwaitingAnswer(db: TizilimDb): Promise<Inquiry[]> {
  return db.inquiries.where('status').anyOf('sent', 'overdue').toArray();
}

/** Newest first; drafts (no outgoing date yet) before everything sent. */
function newestFirst(a: Inquiry, b: Inquiry): number {
  return (
    (b.outgoingDate ?? '9999').localeCompare(a.outgoingDate ?? '9999') ||
    b.createdAt.localeCompare(a.createdAt)
  );
}

/** The inquiries about one appeal, newest first. */
export async function inquiriesOfAppeal(db: TizilimDb, appealId: string): Promise<Inquiry[]> {
  return (await db.inquiries.where('appealIds').equals(appealId).toArray())
    .filter((i) => i.deletedAt === null)
    .sort(newestFirst);
}
