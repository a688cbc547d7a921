export * from './documents';
export * from './revisions';
export * from './merge';
export * from './numbers';
export * from './connection';
export * from './replicate';
