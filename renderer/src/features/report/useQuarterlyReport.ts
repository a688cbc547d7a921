import { useMemo } from 'react';
import type { Settings } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { buildQuarterlyReport } from '@shared/report';
import type { QuarterlyReport, ReportInput } from '@shared/report/types';
import type { TizilimDb } from '@renderer/db/database';
import { useDb, useLiveQuery } from '@renderer/db/hooks';

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

export type ReportState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; reports: QuarterlyReport[] };

/** The languages a choice stands for: 'both' is Kazakh, then Russian. */
export function languagesOf(choice: Lang | 'both'): Lang[] {
  return choice === 'both' ? ['kk', 'ru'] : [choice];
}

/**
 * The quarter's report in each language asked for, rebuilt whenever the data changes (a
 * public summary fixed in another window unblocks the report at once).
 */
export function useQuarterlyReport(
  quarter: string,
  languages: Lang[],
  settings: Settings,
  today: string,
): ReportState {
  const db = useDb();
  const input = useLiveQuery(() => loadReportInput(db, settings), [db, settings]);
  const key = languages.join(',');
  return useMemo<ReportState>(() => {
    if (!input) return { status: 'loading' };
    try {
      return {
        status: 'ready',
        reports: key
          .split(',')
          .map((lang) => buildQuarterlyReport(input, quarter, { lang: lang as Lang, today })),
      };
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }, [input, quarter, key, today]);
}
