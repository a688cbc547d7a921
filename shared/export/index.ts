export * from './schema';
export * from './parse';
export * from './messages';
export * from './base64';
export * from './integrity';
export * from './derive';
export * from './checkSession';
