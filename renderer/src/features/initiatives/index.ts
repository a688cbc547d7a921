// Initiatives and the next quarter's plan.
export { InitiativesPage } from './InitiativesPage';
export { ConfirmDelete } from './ConfirmDelete';
