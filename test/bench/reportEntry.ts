// Bundled by scripts/bench-report.mjs for Node: the generator and the report model.
export { generateDataset } from '../fixtures/generate';
export { buildQuarterlyReport, buildQuarterlyReports } from '@shared/report';
export { reportInputOf } from './reportInput';
