import { browserPlatform } from './browser';
import { electronPlatform } from './electronBridge';
import type { Platform } from './types';

export type {
  Platform,
  PrintRequest,
  SaveFileRequest,
  SaveResult,
  SyncCredentialStore,
} from './types';

let current: Platform | undefined;

/** Electron's preload exposes window.tizilim; anywhere else the browser bridge is used. */
export function getPlatform(): Platform {
  current ??=
    typeof window !== 'undefined' && window.tizilim
      ? electronPlatform(window.tizilim)
      : browserPlatform;
  return current;
}

/** For tests, which install a fake bridge. */
export function setPlatform(platform: Platform | undefined): void {
  current = platform;
}

export * from './backups';
