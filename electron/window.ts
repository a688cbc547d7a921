import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './security';

export function createMainWindow(
  preloadPath: string,
  url: string,
  options: { devTools?: boolean } = {},
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Tizilim',
    backgroundColor: '#ffffff',
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: secureWebPreferences(preloadPath, options),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => {
    console.error('[main] the renderer failed to load:', error);
  });
  return window;
}

/** Brings an existing window to the front, e.g. when the user starts the app a second time. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
