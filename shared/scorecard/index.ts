export * from './scorecard';
