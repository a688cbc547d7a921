/**
 * `pdf:printRoute`: the print view is rendered by the same React components as the screen,
 * in a hidden sandboxed window, and printed by Chromium, so text stays selectable and the
 * PDF matches the preview.
 */
import path from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import { secureWebPreferences } from '../security';
import { showSaveDialog, writeFileAtomic } from './dialogs';
import { IpcError, type IpcImplementation } from './guard';

/** A safety net for a page that never signals readiness, not the way readiness is awaited. */
export const PRINT_READY_TIMEOUT_MS = 60_000;

/**
 * Resolves when the page's `window.__tizilimPrintReady` promise does. If the page has not
 * assigned it yet (React may still be mounting the route), a setter catches the assignment,
 * so nothing polls and nothing waits longer than the page itself.
 */
export const PRINT_READY_SCRIPT = `(() => {
  const key = '__tizilimPrintReady';
  const settle = (value) => Promise.resolve(value).then(() => true);
  if (window[key] !== undefined) return settle(window[key]);
  return new Promise((resolve, reject) => {
    let current;
    Object.defineProperty(window, key, {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (value) => {
        current = value;
        settle(value).then(resolve, reject);
      },
    });
  });
})()`;

export interface PrintOptions {
  /** The URL of the entry page with `#<route>` appended (app:// or the dev server). */
  routeUrl: (route: string) => string;
  /** Where the save dialog opens, e.g. the Documents folder. */
  defaultDir: () => string;
  readyTimeoutMs?: number;
}

function withDeadline<T>(work: Promise<T>, contents: WebContents, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onGone: (() => void) | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new IpcError(
            'PRINT_TIMEOUT',
            `The print page did not become ready within ${Math.round(timeoutMs / 1000)} s.`,
          ),
        ),
      timeoutMs,
    );
    // A crashed renderer would otherwise only be noticed at the deadline.
    onGone = () => reject(new IpcError('PRINT_FAILED', 'The print page crashed.'));
    contents.once('render-process-gone', onGone);
  });
  return Promise.race([work, deadline]).finally(() => {
    clearTimeout(timer);
    if (onGone !== undefined && !contents.isDestroyed()) {
      contents.removeListener('render-process-gone', onGone);
    }
  });
}

/**
 * Loads the route in a hidden window and prints it; the window never outlives the call. It
 * gets no preload: a print page reads the database and needs nothing from the main process,
 * so it has no `window.tizilim` to reach it with.
 */
export async function renderRouteToPdf(
  url: string,
  landscape: boolean,
  options: Pick<PrintOptions, 'readyTimeoutMs'>,
): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    // Roughly an A4 page at 96 dpi, so layout before printing resembles the result.
    width: landscape ? 1123 : 794,
    height: landscape ? 794 : 1123,
    webPreferences: secureWebPreferences(null, { devTools: false }),
  });
  try {
    const contents = window.webContents;
    const timeoutMs = options.readyTimeoutMs ?? PRINT_READY_TIMEOUT_MS;
    try {
      await withDeadline(
        contents.loadURL(url).then(() => contents.executeJavaScript(PRINT_READY_SCRIPT)),
        contents,
        timeoutMs,
      );
    } catch (error) {
      if (error instanceof IpcError) throw error;
      const reason = error instanceof Error ? `: ${error.message.slice(0, 300)}` : '';
      throw new IpcError('PRINT_FAILED', `The print page failed to render${reason}`);
    }
    try {
      return await contents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        landscape,
      });
    } catch {
      throw new IpcError('PRINT_FAILED', 'Chromium could not print the page to PDF.');
    }
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

export function createPrintRouteHandler(options: PrintOptions): IpcImplementation<'printRoute'> {
  return async (request, { sender }) => {
    const landscape = request.landscape ?? false;
    const pdf = await renderRouteToPdf(options.routeUrl(request.route), landscape, options);
    const choice = await showSaveDialog(sender, {
      defaultPath: path.join(options.defaultDir(), request.fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFileAtomic(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  };
}
