// The appeal feature as other features and the routes see it: the appeal's page, its form,
// its printouts, and printing a receipt or card from elsewhere (the reception).
export { AppealPage } from './AppealPage';
export { AppealFormPage } from './form/AppealFormPage';
export { AppealCardPrint } from './print/AppealCardPrint';
export { ReceiptPrint } from './print/ReceiptPrint';
export { printRoute, usePrinter, type PrintKind, type Printer } from './usePrinter';
