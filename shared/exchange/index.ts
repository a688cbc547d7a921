/**
 * Exchange packages between the laptops of one office (docs/exchange.md): the
 * `.tizilim-exchange` file, its envelope, and what a receiving laptop decides from it.
 */
export * from './envelope';
export * from './errors';
export * from './file';
export * from './plan';
export * from './command';
