// The quarterly public report: a pure, deterministic function of plain records.
export * from './types';
export { buildQuarterlyReport, buildQuarterlyReports } from './build';
export { parseQuarter, quarterOf, shiftQuarter } from './quarter';
