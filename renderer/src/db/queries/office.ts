import type { TizilimDb } from '@renderer/db/database';

/** Whether the office has entered anything of its own (settings alone do not count). */
export async function hasOfficeData(db: TizilimDb): Promise<boolean> {
  const tables = [
    db.appeals,
    db.applicants,
    db.events,
    db.inquiries,
    db.agencies,
    db.receptions,
    db.initiatives,
    db.planItems,
    db.reportPublications,
    db.feedbackRounds,
    db.attachments,
  ];
  // A database at an older schema version (migration tests) lacks the later tables.
  const present = tables.filter((t) => t !== undefined);
  const counts = await db.transaction('r', present, () =>
    Promise.all(present.map((t) => t.count())),
  );
  if (counts.some((n) => n > 0)) return true;
  return (await db.templates.filter((t) => !t.builtIn).count()) > 0;
}

export async function isDemoDatabase(db: TizilimDb): Promise<boolean> {
  return (await db.counters.get(DEMO_MARKER_ID)) !== undefined;
}

/**
 * Demo data is marked by one row in `counters` rather than a settings field: the settings
 * form rewrites the whole settings record, and the mark must survive that; and every
 * table is cleared by an import or by "remove demo data", so the mark cannot outlive the
 * data it describes. It matches the counters' id pattern and no counter kind uses it.
 */
export const DEMO_MARKER_ID = 'demo_data:0001';
