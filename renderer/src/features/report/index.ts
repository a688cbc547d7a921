// The quarterly public report: the screen and its print route.
export { ReportPage } from './ReportPage';
export { ReportPrint } from './print/ReportPrint';
