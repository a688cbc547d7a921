/**
 * Electron's security checklist in one place: the only webPreferences any window gets, the
 * Content-Security-Policy, and the guards every webContents and session receive.
 */
import type { Session, WebContents, WebPreferences } from 'electron';

/** The renderer's origin. IndexedDB is keyed by it: changing it would orphan every database. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tizilim';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent as a header on every app:// response; renderer/index.html repeats it in a meta tag
 * (a test compares the two). Inline styles are allowed because React's `style` props and
 * chart libraries set them; scripts are never inline and never eval'd.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Sync with the council's CouchDB (docs/sync.md): any https server the office sets, and a
  // CouchDB on this computer on its standard port (a test server, an SSH tunnel). Plain http
  // to another machine is refused here as in Settings › Sync.
  "connect-src 'self' https: http://127.0.0.1:5984 http://localhost:5984",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The webPreferences of every window. `preloadPath` is null for the hidden PDF window: it
 * only renders a print route and never needs `window.tizilim`. DevTools are off in the
 * packaged app (its menu has no entry for them either, see menu.ts).
 */
export function secureWebPreferences(
  preloadPath: string | null,
  options: { devTools?: boolean } = {},
): WebPreferences {
  return {
    ...(preloadPath === null ? {} : { preload: preloadPath }),
    devTools: options.devTools ?? true,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // The spellchecker would download Hunspell dictionaries from Google's CDN.
    spellcheck: false,
  };
}

/**
 * The dev server URL from TIZILIM_DEV_URL, accepted only in an unpackaged app and only on
 * the loopback interface: an installed app must never load code from anywhere else.
 */
export function resolveDevUrl(value: string | undefined, isPackaged: boolean): URL | null {
  if (isPackaged || value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('TIZILIM_DEV_URL is not a valid URL.');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  if (url.protocol !== 'http:' || !loopback.includes(url.hostname)) {
    throw new Error('TIZILIM_DEV_URL must be an http:// URL on 127.0.0.1, localhost or [::1].');
  }
  return url;
}

/**
 * The origin of a URL, as a string comparable with APP_ORIGIN. WHATWG URL gives custom
 * schemes the opaque origin "null", but Chromium treats app:// as a standard scheme with a
 * real origin, so for it the origin is rebuilt from scheme and host.
 */
export function originOf(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host === '' || url.port !== '' ? null : `${APP_SCHEME}://${url.host.toLowerCase()}`;
  }
  return url.origin === 'null' ? null : url.origin;
}

/** The origins the app's own pages may have: app://tizilim, plus the dev server in dev. */
export function allowedOrigins(devUrl: URL | null): readonly string[] {
  return devUrl === null ? [APP_ORIGIN] : [APP_ORIGIN, devUrl.origin];
}

/**
 * Whether a page may navigate to `url`. The app uses hash routing, so the only legitimate
 * targets are the entry document itself (a reload, a hash change) on an allowed origin.
 */
export function isAllowedNavigation(rawUrl: string, origins: readonly string[]): boolean {
  const origin = originOf(rawUrl);
  if (origin === null || !origins.includes(origin)) return false;
  if (origin !== APP_ORIGIN) return true;
  const { pathname, search } = new URL(rawUrl);
  return (pathname === '/index.html' || pathname === '/') && search === '';
}

/**
 * Applied from `app.on('web-contents-created')`, so every webContents is covered, including
 * the hidden PDF window and anything Chromium creates on its own.
 */
export function hardenWebContents(contents: WebContents, origins: readonly string[]): void {
  const guardNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url, origins)) event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  hardenSession(contents.session, origins);
}

/** The one permission the app uses: writing to the clipboard (every «copy» button). */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/**
 * Whether a permission may be granted: only clipboard writing, and only to the app's own
 * page in its top-level frame — never to a subframe, another origin, or anything else
 * (camera, location, notifications, USB…).
 */
export function isAllowedPermission(
  permission: string,
  details: { isMainFrame?: boolean; requestingUrl?: string; embeddingOrigin?: string },
  origins: readonly string[],
  requestingOrigin?: string,
): boolean {
  if (permission !== ALLOWED_PERMISSION) return false;
  if (details.isMainFrame !== true || details.embeddingOrigin !== undefined) return false;
  const url = details.requestingUrl ?? requestingOrigin;
  const origin = url === undefined ? null : originOf(url);
  return origin !== null && origins.includes(origin);
}

/** Installs the permission guards: clipboard writing for the app's page, nothing else. */
export function hardenSession(session: Session, origins: readonly string[] = [APP_ORIGIN]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details, origins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isAllowedPermission(permission, details, origins, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
