export * from './format';
export * from './series';
export * from './lookup';
