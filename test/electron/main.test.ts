import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, FakeEvent, flush, lastWindow } from './fakeElectron';
import { IPC_CHANNELS } from '@shared/ipc';
import type { MenuItemConstructorOptions } from 'electron';
import { startApp } from '@electron/main';
import { menuRoles } from '@electron/menu';
import { APP_ORIGIN } from '@electron/security';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const baseDir = path.join('/opt', 'Tizilim', 'resources', 'app.asar', 'dist', 'electron');

beforeEach(() => fake.reset());
afterEach(() => vi.restoreAllMocks());

async function start(env: Record<string, string> = {}) {
  const started = startApp({ env, baseDir });
  await flush();
  return started;
}

describe('importing main', () => {
  it('has no side effects outside Electron', () => {
    // The module was imported above; outside Electron's main process it must do nothing.
    expect(fake.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fake.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toEqual([]);
  });
});

describe('single instance', () => {
  it('quits without creating anything when another instance holds the lock', async () => {
    fake.app.lockAvailable = false;
    const started = await start();
    expect(started).toBeNull();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.protocol.handlers.size).toBe(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await start();
    const window = lastWindow();
    window.minimized = true;
    window.focused = false;
    fake.app.emit('second-instance', {}, [], '/');
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

describe('startup', () => {
  it('registers the privileged scheme and turns on the sandbox before ready', () => {
    startApp({ env: {}, baseDir });
    expect(fake.protocol.privileged.map((scheme) => scheme.scheme)).toEqual(['app']);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });

  it('serves the renderer folder next to the electron folder on app://', async () => {
    await start();
    expect(fake.protocol.handlers.has('app')).toBe(true);
  });

  it('opens one hardened window on app://tizilim/index.html, hidden until painted', async () => {
    const started = await start();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = lastWindow();
    expect(started?.mainWindow()).toBe(window);
    expect(window.options['show']).toBe(false);
    expect(window.options['webPreferences']).toEqual({
      preload: path.join(baseDir, 'preload.cjs'),
      devTools: true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
    expect(window.webContents.loadURL).toHaveBeenCalledWith('app://tizilim/index.html');
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('registers every contract channel', async () => {
    await start();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('denies permissions on the default session, except clipboard writing for the app page', async () => {
    await start();
    await expect(fake.session.defaultSession.requestPermission('media')).resolves.toBe(false);
    expect(fake.session.defaultSession.permissionCheckHandler?.({}, 'geolocation', '', {})).toBe(
      false,
    );
    const top = { isMainFrame: true, requestingUrl: 'app://tizilim/index.html#/appeals/1' };
    expect(
      fake.session.defaultSession.permissionCheckHandler?.(
        {},
        'clipboard-sanitized-write',
        APP_ORIGIN,
        top,
      ),
    ).toBe(true);
  });

  it('keeps Electron’s default menu (with DevTools) in development', async () => {
    await start();
    expect(fake.Menu.setApplicationMenu).not.toHaveBeenCalled();
  });

  it('gives the packaged app its own menu without DevTools, in the system’s kk or ru', async () => {
    fake.app.isPackaged = true;
    fake.app.preferredLanguages = ['ru-KZ', 'kk-KZ'];
    await start();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const template = fake.Menu.application?.template as MenuItemConstructorOptions[];
    expect(menuRoles(template)).not.toContain('toggleDevTools');
    expect(menuRoles(template)).not.toContain('forceReload');
    expect(menuRoles(template)).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
    expect(JSON.stringify(template)).toContain('Копировать');
    expect(lastWindow().options['webPreferences']).toMatchObject({ devTools: false });
  });

  it('guards every webContents, including ones created later (the PDF window)', async () => {
    await start();
    const main = lastWindow();
    expect(main.webContents.attempt('will-navigate', 'https://example.com')).toBe(true);
    expect(main.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });

    const hidden = new FakeBrowserWindow({ show: false });
    expect(hidden.webContents.attempt('will-navigate', 'https://example.com')).toBe(true);
    expect(hidden.webContents.attempt('will-attach-webview', 'https://example.com')).toBe(true);
    expect(hidden.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
  });

  it('quits when the last window closes (except on macOS)', async () => {
    await start();
    fake.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(fake.app.quit).not.toHaveBeenCalled();
    else expect(fake.app.quit).toHaveBeenCalled();
  });

  it('holds the quit until the backup service has finished, then quits once', async () => {
    await start();
    const event = new FakeEvent();
    fake.app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    // The quit that follows goes through.
    const again = new FakeEvent();
    fake.app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('reopens the window on activate once it was closed', async () => {
    await start();
    lastWindow().destroy();
    fake.app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });
});

describe('development server', () => {
  it('loads TIZILIM_DEV_URL and lets IPC through from its origin', async () => {
    await start({ TIZILIM_DEV_URL: 'http://127.0.0.1:5173' });
    const window = lastWindow();
    expect(window.webContents.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5173/index.html');
    expect(window.webContents.attempt('will-navigate', 'http://127.0.0.1:5173/index.html')).toBe(
      false,
    );
    expect(window.webContents.attempt('will-navigate', 'https://example.com')).toBe(true);
    const result = await fake.ipcMain.invoke('backup:getFolder', [undefined], {
      url: 'http://127.0.0.1:5173/index.html#/registry',
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('ignores TIZILIM_DEV_URL in a packaged app', async () => {
    fake.app.isPackaged = true;
    await start({ TIZILIM_DEV_URL: 'http://127.0.0.1:5173' });
    expect(lastWindow().webContents.loadURL).toHaveBeenCalledWith('app://tizilim/index.html');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = await fake.ipcMain.invoke('backup:getFolder', [undefined], {
      url: 'http://127.0.0.1:5173/index.html',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses to start with a remote TIZILIM_DEV_URL', () => {
    expect(() => startApp({ env: { TIZILIM_DEV_URL: 'https://example.com' }, baseDir })).toThrow(
      /TIZILIM_DEV_URL/,
    );
    expect(FakeBrowserWindow.instances).toEqual([]);
  });
});
