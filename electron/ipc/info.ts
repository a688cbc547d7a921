import { app } from 'electron';
import type { IpcImplementation } from './guard';

/** Only what the About screen shows; no paths or environment leave the main process. */
export function createAppInfoHandler(): IpcImplementation<'appInfo'> {
  return async () => ({ version: app.getVersion(), platform: process.platform });
}
