export * from './errors';
export * from './context';
export * from './appeals';
export * from './applicants';
export * from './drafts';
export * from './settings';
export * from './importRecords';
