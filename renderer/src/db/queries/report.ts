import type { Settings } from '@shared/domain';
import type { ReportInput } from '@shared/report/types';
import type { TizilimDb } from '@renderer/db/database';

/**
 * Everything the report reads, straight from the tables. Applicants are reduced to their
 * names here: the report only needs them to look for names in public text.
 */
export async function loadReportInput(db: TizilimDb, settings: Settings): Promise<ReportInput> {
  return db.transaction(
    'r',
    [db.appeals, db.applicants, db.receptions, db.inquiries, db.initiatives, db.planItems],
    async () => {
      const [appeals, applicants, receptions, inquiries, initiatives, planItems] =
        await Promise.all([
          db.appeals.toArray(),
          db.applicants.toArray(),
          db.receptions.toArray(),
          db.inquiries.toArray(),
          db.initiatives.toArray(),
          db.planItems.toArray(),
        ]);
      return {
        appeals,
        applicants: applicants.map(({ id, fullName }) => ({ id, fullName })),
        receptions,
        inquiries,
        initiatives,
        planItems,
        settings,
      };
    },
  );
}
