// One formatting module for every output — screens, letters, the public report and the
// exports — so a date or a number reads the same wherever it appears.
export * from './dates';
export * from './numbers';
export * from './plural';
export * from './quarters';
