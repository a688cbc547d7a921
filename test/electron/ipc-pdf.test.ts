import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, FakeDialog, lastWindow, type IpcHandler } from './fakeElectron';
import type { IpcResult } from '@shared/ipc';
import { guardHandler } from '@electron/ipc/guard';
import { createPrintRouteHandler, PRINT_READY_SCRIPT } from '@electron/ipc/pdf';
import { allowedOrigins, APP_ENTRY_URL } from '@electron/security';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let dir: string;

beforeEach(() => {
  fake.reset();
  dir = mkdtempSync(path.join(tmpdir(), 'tizilim-pdf-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function printRoute(readyTimeoutMs?: number) {
  const handler = guardHandler(
    'printRoute',
    createPrintRouteHandler({
      routeUrl: (route) => `${APP_ENTRY_URL}#${route}`,
      defaultDir: () => path.join(dir, 'Documents'),
      ...(readyTimeoutMs === undefined ? {} : { readyTimeoutMs }),
    }),
    allowedOrigins(null),
  );
  // The fake records handlers loosely typed; this one expects Electron's event type.
  fake.ipcMain.handle('pdf:printRoute', handler as unknown as IpcHandler);
  return (payload: unknown) =>
    fake.ipcMain.invoke('pdf:printRoute', [payload]) as Promise<IpcResult<unknown>>;
}

const request = { route: '/print/report?year=2025&quarter=2', fileName: 'Есеп 2025-Q2.pdf' };

/**
 * Makes every new hidden window behave a certain way, before the handler gets to use it
 * (Electron's own constructor returns a ready object; so does the fake).
 */
function onNextWindow(configure: (window: FakeBrowserWindow) => void): void {
  fake.app.on('web-contents-created', (_event: unknown, contents: unknown) => {
    const window = FakeBrowserWindow.fromWebContents(contents);
    if (window !== null) configure(window);
  });
}

describe('pdf:printRoute', () => {
  it('prints the route in a hidden sandboxed window and saves the PDF', async () => {
    const target = path.join(dir, 'report.pdf');
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await printRoute()({ ...request, landscape: true });

    expect(result).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');

    const window = lastWindow();
    expect(window.options['show']).toBe(false);
    expect(window.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
    // A print page needs nothing from the main process: no preload, no window.tizilim.
    expect(window.options['webPreferences']).not.toHaveProperty('preload');
    expect(window.webContents.loadURL).toHaveBeenCalledWith(
      'app://tizilim/index.html#/print/report?year=2025&quarter=2',
    );
    expect(window.webContents.executeJavaScript).toHaveBeenCalledWith(PRINT_READY_SCRIPT);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      landscape: true,
    });
    expect(window.destroyed).toBe(true);

    const options = FakeDialog.optionsOf(fake.dialog.showSaveDialog.mock.calls[0]);
    expect(options['defaultPath']).toBe(path.join(dir, 'Documents', 'Есеп 2025-Q2.pdf'));
    expect(options['filters']).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  });

  it('prints only after the page is ready', async () => {
    const order: string[] = [];
    onNextWindow((window) => {
      window.webContents.executeJavaScript.mockImplementation(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('ready');
        return true;
      });
      window.webContents.printToPDF.mockImplementation(async () => {
        order.push('print');
        return Buffer.from('%PDF');
      });
    });
    await printRoute()(request);
    expect(order).toEqual(['ready', 'print']);
  });

  it('defaults to portrait', async () => {
    await printRoute()(request);
    expect(lastWindow().webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ landscape: false }),
    );
  });

  it('destroys the hidden window even when printToPDF throws', async () => {
    onNextWindow((window) => {
      window.webContents.printToPDF.mockRejectedValue(new Error('printing failed'));
    });
    const result = await printRoute()(request);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED' } });
    expect(lastWindow().destroyed).toBe(true);
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('destroys the hidden window when the page fails to load', async () => {
    onNextWindow((window) => {
      window.webContents.loadURL.mockRejectedValue(new Error('ERR_FILE_NOT_FOUND'));
    });
    const result = await printRoute()(request);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED' } });
    expect(lastWindow().destroyed).toBe(true);
  });

  it('reports a page whose readiness promise rejects', async () => {
    onNextWindow((window) => {
      window.webContents.executeJavaScript.mockRejectedValue(new Error('data failed to load'));
    });
    const result = await printRoute()(request);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'PRINT_FAILED', message: expect.stringContaining('data failed to load') },
    });
    expect(lastWindow().destroyed).toBe(true);
  });

  it('gives up at the deadline and destroys the window', async () => {
    onNextWindow((window) => {
      window.webContents.executeJavaScript.mockReturnValue(new Promise(() => undefined));
    });
    const result = await printRoute(30)(request);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINT_TIMEOUT' } });
    expect(lastWindow().destroyed).toBe(true);
    expect(lastWindow().webContents.printToPDF).not.toHaveBeenCalled();
  });

  it('fails at once when the page crashes, without waiting for the deadline', async () => {
    onNextWindow((window) => {
      window.webContents.executeJavaScript.mockImplementation(() => {
        setTimeout(
          () => window.webContents.emit('render-process-gone', {}, { reason: 'crashed' }),
          5,
        );
        return new Promise(() => undefined);
      });
    });
    const started = Date.now();
    const result = await printRoute(10_000)(request);
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lastWindow().destroyed).toBe(true);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const result = await printRoute()(request);
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(readdirSync(dir)).toEqual([]);
    expect(lastWindow().destroyed).toBe(true);
  });

  it('opens no window for an invalid route', async () => {
    const result = await printRoute()({ ...request, route: '/registry' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(FakeBrowserWindow.instances).toEqual([]);
  });
});

describe('PRINT_READY_SCRIPT', () => {
  /** Runs the script against a bare `window` object, as executeJavaScript would. */
  function run(window: Record<string, unknown>): Promise<unknown> {
    return vm.runInNewContext(PRINT_READY_SCRIPT, { window, Promise }) as Promise<unknown>;
  }

  it('waits for a promise the page already set', async () => {
    let resolve: () => void = () => undefined;
    const window: Record<string, unknown> = {
      __tizilimPrintReady: new Promise<void>((r) => {
        resolve = r;
      }),
    };
    let settled = false;
    const result = run(window).then((value) => {
      settled = true;
      return value;
    });
    // The script settles only through the page's promise: once every task queued so far has
    // run (a macrotask turn drains the microtasks), it must still be waiting.
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    resolve();
    await expect(result).resolves.toBe(true);
  });

  it('waits for a promise the page sets later', async () => {
    const window: Record<string, unknown> = {};
    const result = run(window);
    let resolve: () => void = () => undefined;
    window['__tizilimPrintReady'] = new Promise<void>((r) => {
      resolve = r;
    });
    expect(window['__tizilimPrintReady']).toBeInstanceOf(Promise);
    resolve();
    await expect(result).resolves.toBe(true);
  });

  it('rejects when the page reports a failure', async () => {
    const window: Record<string, unknown> = {};
    const result = run(window);
    window['__tizilimPrintReady'] = Promise.reject(new Error('no data'));
    await expect(result).rejects.toThrow('no data');
  });

  it('returns a cloneable value, not the page promise result', async () => {
    const window: Record<string, unknown> = {
      __tizilimPrintReady: Promise.resolve({ dom: 'node' }),
    };
    await expect(run(window)).resolves.toBe(true);
  });
});
