/**
 * App lifecycle only. Everything with a decision in it lives in security.ts, protocol.ts and
 * ipc/, where tests reach it; this module wires them together.
 */
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, net, Notification, safeStorage, session } from 'electron';
import type { IpcImplementations } from './ipc/guard';
import { createBackupHandlers } from './backup/handlers';
import { safeStorageSecretStore } from './backup/secretStore';
import { BackupService } from './backup/service';
import {
  BackupFolderStore,
  chooseBackupFileDialog,
  createChooseBackupFolderHandler,
  createGetBackupFolderHandler,
  createWriteBackupHandler,
} from './ipc/backup';
import { createSaveFileHandler } from './ipc/files';
import { createPrintRouteHandler } from './ipc/pdf';
import { createShowNotificationHandler } from './ipc/notifications';
import { createSyncCredentialHandlers } from './ipc/sync';
import { registerIpcHandlers } from './ipc/register';
import { installAppMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import {
  allowedOrigins,
  APP_ENTRY_URL,
  hardenSession,
  hardenWebContents,
  resolveDevUrl,
} from './security';
import { createMainWindow, focusWindow } from './window';

export interface StartOptions {
  /** Defaults to process.env; only TIZILIM_DEV_URL is read. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The folder holding main.cjs and preload.cjs (dist/electron); defaults to __dirname. */
  baseDir?: string;
}

export interface StartedApp {
  /** The main window, once created. */
  mainWindow(): BrowserWindow | null;
}

export function startApp(options: StartOptions = {}): StartedApp | null {
  // Two instances would open the same IndexedDB from two processes; the second one leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const env = options.env ?? process.env;
  const devUrl = resolveDevUrl(env['TIZILIM_DEV_URL'], app.isPackaged);
  const origins = allowedOrigins(devUrl);
  const baseDir = options.baseDir ?? __dirname;
  const preloadPath = path.join(baseDir, 'preload.cjs');
  const rendererDir = path.join(baseDir, '..', 'renderer');
  const entryUrl = devUrl === null ? APP_ENTRY_URL : new URL('/index.html', devUrl).href;

  registerAppScheme();
  app.enableSandbox();

  let mainWindow: BrowserWindow | null = null;
  const openMainWindow = (): void => {
    mainWindow = createMainWindow(preloadPath, entryUrl, { devTools: !app.isPackaged });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins));
  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) openMainWindow();
  });

  const documents = (): string => app.getPath('documents');
  const store = new BackupFolderStore(path.join(app.getPath('userData'), 'backup-settings.json'));
  const backups = new BackupService({
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    secretStore: safeStorageSecretStore(safeStorage, process.platform),
    folderStore: store,
  });
  // safeStorage is usable only once the app is ready; handlers wait for the start.
  const backupsReady = app.whenReady().then(() => backups.start());
  backupsReady.catch((error: unknown) => console.error('[main] backups failed to start:', error));
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // One backup on quit when anything changed since the last one (the journal has it all
    // already; this makes it a plain backup). The window may be gone: main does it alone.
    event.preventDefault();
    quitting = true;
    void backupsReady
      .then(() => backups.backupOnQuit())
      .catch((error: unknown) => console.error('[main] backup on quit failed:', error))
      .then(() => backups.close())
      .catch(() => undefined)
      .finally(() => app.quit());
  });
  const implementations: IpcImplementations = {
    printRoute: createPrintRouteHandler({
      routeUrl: (route) => `${entryUrl}#${route}`,
      defaultDir: documents,
    }),
    saveFile: createSaveFileHandler({ defaultDir: documents }),
    chooseBackupFolder: createChooseBackupFolderHandler({ store, defaultDir: documents }),
    getBackupFolder: createGetBackupFolderHandler({ store }),
    writeBackup: createWriteBackupHandler({ store }),
    ...createBackupHandlers(backups, {
      chooseFile: (context) => chooseBackupFileDialog(context, documents),
      ready: backupsReady,
    }),
    ...createSyncCredentialHandlers({
      file: path.join(app.getPath('userData'), 'sync-credentials.bin'),
      safeStorage,
      fetch: (url, init) => net.fetch(url, init),
    }),
    showNotification: createShowNotificationHandler({
      Notification,
      focusWindow: () => {
        if (mainWindow !== null) focusWindow(mainWindow);
      },
    }),
  };

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, origins);
      installAppMenu({
        isPackaged: app.isPackaged,
        preferredLanguages: app.getPreferredSystemLanguages(),
        platform: process.platform,
      });
      handleAppProtocol(rendererDir);
      registerIpcHandlers(implementations, origins);
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      dialog.showErrorBox('Tizilim', error instanceof Error ? error.message : String(error));
      app.quit();
    });

  return { mainWindow: () => mainWindow };
}

// Runs only inside Electron's main process, so tests can import this module freely.
if (process.type === 'browser') startApp();
