export * from './socialCard';
