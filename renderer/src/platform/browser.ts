import type {
  Platform,
  PrintRequest,
  SaveFileRequest,
  SaveResult,
  SyncCredentialStore,
} from './types';

function download({ fileName, mimeType, data }: SaveFileRequest): SaveResult {
  downloadBlob(new Blob([data as BlobPart], { type: mimeType }), fileName);
  return { saved: true };
}

/** Hands a Blob to the browser as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking right away can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The browser has no "save as PDF" API: print the route from a hidden frame instead. */
async function printInFrame({ route }: PrintRequest): Promise<SaveResult> {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
  frame.src = `${location.pathname}#${route}`;
  document.body.append(frame);
  try {
    await new Promise<void>((resolve, reject) => {
      frame.addEventListener('load', () => resolve(), { once: true });
      frame.addEventListener('error', () => reject(new Error('print frame failed to load')), {
        once: true,
      });
    });
    const win = frame.contentWindow;
    if (!win) throw new Error('print frame has no window');
    await waitForReadyPromise(win);
    win.focus();
    win.print();
    return { saved: true };
  } finally {
    frame.remove();
  }
}

async function waitForReadyPromise(win: Window): Promise<void> {
  // The route module sets the promise during its first render, just after 'load'.
  for (let i = 0; i < 200 && !win.__tizilimPrintReady; i++) {
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
  if (!win.__tizilimPrintReady) throw new Error('print route did not report readiness');
  await win.__tizilimPrintReady;
}

/**
 * The browser build keeps sync credentials for this tab only (sessionStorage): closing the
 * tab forgets them, and they are asked again.
 */
const CREDENTIALS_KEY = 'tizilim.sync.credentials';

export const sessionCredentials: SyncCredentialStore = {
  get: async () => {
    try {
      const value = JSON.parse(sessionStorage.getItem(CREDENTIALS_KEY) ?? 'null') as {
        user?: unknown;
        password?: unknown;
      } | null;
      return value && typeof value.user === 'string' && typeof value.password === 'string'
        ? { user: value.user, password: value.password }
        : null;
    } catch {
      return null;
    }
  },
  set: async ({ user, password }) => {
    sessionStorage.setItem(CREDENTIALS_KEY, JSON.stringify({ user, password }));
    return true;
  },
  clear: async () => sessionStorage.removeItem(CREDENTIALS_KEY),
};

export const browserPlatform: Platform = {
  kind: 'browser',
  saveFile: async (request) => download(request),
  printToPdf: printInFrame,
  // No probeServer: a page's fetch reports a TLS failure and no answer alike.
  syncCredentials: sessionCredentials,
};
