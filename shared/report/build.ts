import type { QuarterlyReport, ReportInput, ReportOptions } from './types';

/**
 * The quarterly public report for `quarter` ('YYYY-Qn') from plain records. Pure and
 * deterministic: the same input, quarter and options always give the same model.
 */
export function buildQuarterlyReport(
  data: ReportInput,
  quarter: string,
  options: ReportOptions,
): QuarterlyReport {
  void data;
  void options;
  throw new Error(`buildQuarterlyReport(${quarter}): being implemented`);
}
