import type { TizilimApi } from './ipc';

// Kept apart from shared/ipc so the contract module stays free of global declarations.
// Optional because the same renderer also runs in a plain browser, without the preload.
declare global {
  interface Window {
    tizilim?: TizilimApi;
  }
}

export {};
