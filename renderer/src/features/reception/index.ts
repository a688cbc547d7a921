// Receptions: the plan, the run (queue and intake), the summary; the checklists section of
// the settings.
export { ReceptionPlanPage } from './ReceptionPlanPage';
export { ReceptionsPage } from './ReceptionsPage';
export { ReceptionRunPage } from './run/ReceptionRunPage';
export { ReceptionSummaryPage } from './run/ReceptionSummaryPage';
export { ChecklistsSection } from './settings/ChecklistsSection';
