export * from './eta';
