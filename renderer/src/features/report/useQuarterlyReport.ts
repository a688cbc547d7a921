import { useMemo } from 'react';
import type { Settings } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { buildQuarterlyReports } from '@shared/report';
import type { PresentChoices } from '@shared/report/present';
import type { QuarterlyReport } from '@shared/report/types';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { loadReportInput } from '@renderer/db/queries/report';
import { loadScorecard } from '@renderer/db/queries/scorecard';
import type { Scorecard } from '@shared/scorecard';
import { parseQuarter } from '@shared/report/quarter';

export type ReportState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; reports: QuarterlyReport[] };

/** The report's options in the route: `annex=1`, `brackets=1`. */
export function reportChoicesOf(search: URLSearchParams): Required<PresentChoices> {
  return {
    annex: search.get('annex') === '1',
    otherLanguageInBrackets: search.get('brackets') === '1',
  };
}

/** Whether a report may be printed or exported: nothing blocked, no translation missing unless bracketed. */
export function exportable(reports: readonly QuarterlyReport[]): boolean {
  return reports.every(
    (r) =>
      r.blocked === null &&
      (r.options.otherLanguageInBrackets || r.missingTranslations.items.length === 0),
  );
}

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
  choices: PresentChoices = {},
): ReportState {
  const db = useDb();
  const input = useLiveQuery(() => loadReportInput(db, settings), [db, settings]);
  const key = languages.join(',');
  const annex = choices.annex === true;
  const brackets = choices.otherLanguageInBrackets === true;
  return useMemo<ReportState>(() => {
    if (!input) return { status: 'loading' };
    try {
      return {
        status: 'ready',
        // Counted once, presented in each language ('both': Kazakh, then Russian).
        reports: buildQuarterlyReports(input, quarter, {
          langs: key.split(',') as Lang[],
          today,
          annex,
          otherLanguageInBrackets: brackets,
        }),
      };
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }, [input, quarter, key, today, annex, brackets]);
}

/**
 * The «7 steps» scorecard of the report's quarter when the office chose to print it
 * (`scorecard=1`): undefined while it loads, null when not chosen.
 */
export function useReportScorecard(
  quarter: string,
  today: string,
  wanted: boolean,
): Scorecard | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!wanted) return null;
    const { from, to } = parseQuarter(quarter);
    return (await loadScorecard(db, { from, to, today })).card;
  }, [db, quarter, today, wanted]);
}
