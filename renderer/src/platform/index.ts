import { browserPlatform } from './browser';
import type { Platform } from './types';

export type { Platform, PrintRequest, SaveFileRequest, SaveResult } from './types';

let current: Platform | undefined;

/** Electron's preload exposes window.tizilim; anywhere else the browser bridge is used. */
export function getPlatform(): Platform {
  current ??= browserPlatform;
  return current;
}

/** For tests and for the Electron entry, which installs its bridge before rendering. */
export function setPlatform(platform: Platform): void {
  current = platform;
}
