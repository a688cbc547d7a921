// buildQuarterlyReport: the quarterly public report from plain records. What each number
// counts is written on its field in types.ts. The work is split in two: `stats.ts` counts
// (language-neutral, once per report) and `present.ts` names and orders it in one language,
// so a report in both languages counts only once.

import type { Lang } from '../i18n/lang';
import { presentReport, type PresentChoices } from './present';
import { computeReportStats } from './stats';
import type { QuarterlyReport, ReportInput, ReportOptions } from './types';

/**
 * The quarterly public report for `quarter` ('YYYY-Qn') from plain records. Pure and
 * deterministic: the same input, quarter and options always give the same model. Throws a
 * RangeError on a malformed quarter or `today`.
 */
export function buildQuarterlyReport(
  data: ReportInput,
  quarter: string,
  options: ReportOptions,
): QuarterlyReport {
  return presentReport(computeReportStats(data, quarter, options.today), options.lang, options);
}

/**
 * The same report in several languages (Kazakh, then Russian for 'both'), counted once. Each
 * is what `buildQuarterlyReport` gives for its language; the language-neutral parts
 * (indicators, the blocked list) are shared between them, so treat the reports as values.
 */
export function buildQuarterlyReports(
  data: ReportInput,
  quarter: string,
  options: { langs: readonly Lang[]; today: string } & PresentChoices,
): QuarterlyReport[] {
  const stats = computeReportStats(data, quarter, options.today);
  return options.langs.map((lang) => presentReport(stats, lang, options));
}
