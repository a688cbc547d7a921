/**
 * A small fake of the `electron` module, enough for the main process and the preload to run
 * in Node and for tests to see what they did. Use it with:
 *
 *   vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);
 *
 * and call `fake.reset()` in beforeEach. The objects stay the same across resets (modules
 * under test hold references to them); only their recorded state is replaced.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Mock, vi } from 'vitest';

/** What Electron passes to event listeners that may cancel something. */
export class FakeEvent {
  defaultPrevented = false;

  constructor(readonly url = '') {}

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
export type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;

  reset(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.devicePermissionHandler = null;
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }

  /** Asks the installed request handler, as Chromium would, and reports its answer. */
  requestPermission(permission: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.permissionRequestHandler === null) {
        reject(new Error('no permission request handler installed'));
        return;
      }
      this.permissionRequestHandler({}, permission, resolve, {});
    });
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  loadURL = vi.fn(async (url: string): Promise<void> => {
    this.mainFrame.url = url;
  });
  /** Resolves as the page's `__tizilimPrintReady` would; tests replace it to delay or fail. */
  executeJavaScript = vi.fn(async (_code: string): Promise<unknown> => true);
  printToPDF = vi.fn(async (_options: unknown): Promise<Buffer> => Buffer.from('%PDF-1.7 fake'));

  constructor(readonly session: FakeSession) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Emits a cancellable navigation-like event and says whether it was prevented. */
  attempt(eventName: string, url: string): boolean {
    const event = new FakeEvent(url);
    this.emit(eventName, event, url);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents: FakeWebContents;
  destroyed = false;
  minimized = false;
  visible = false;
  focused = false;
  destroy = vi.fn((): void => {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  });

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents(fake.session.defaultSession);
    FakeBrowserWindow.instances.push(this);
    // Electron announces every new webContents on `app`; the security guards hook in there.
    fake.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }
}

// Folders are only named here; whatever the code under test writes is created by it.
const FAKE_ROOT = mkdtempSync(path.join(tmpdir(), 'tizilim-fake-electron-'));
let resets = 0;

export class FakeApp extends EventEmitter {
  lockAvailable!: boolean;
  isPackaged!: boolean;
  ready!: boolean;
  userDataDir!: string;
  documentsDir!: string;
  requestSingleInstanceLock!: Mock<() => boolean>;
  quit!: Mock;
  enableSandbox!: Mock;
  getVersion!: Mock<() => string>;
  /** What `app.getPreferredSystemLanguages()` answers. */
  preferredLanguages!: string[];

  constructor() {
    super();
    this.reset();
  }

  reset(): void {
    this.removeAllListeners();
    this.lockAvailable = true;
    this.isPackaged = false;
    this.ready = true;
    const root = path.join(FAKE_ROOT, String(resets++));
    this.userDataDir = path.join(root, 'userData');
    this.documentsDir = path.join(root, 'Documents');
    this.requestSingleInstanceLock = vi.fn(() => this.lockAvailable);
    this.quit = vi.fn();
    this.enableSandbox = vi.fn();
    this.getVersion = vi.fn(() => '0.1.0-test');
    this.preferredLanguages = ['en-US'];
  }

  getPreferredSystemLanguages(): string[] {
    return this.preferredLanguages;
  }

  /** Ready at once; tests await `flush()` for the `.then` to run. */
  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  isReady(): boolean {
    return this.ready;
  }

  getPath(name: string): string {
    if (name === 'userData') return this.userDataDir;
    if (name === 'documents') return this.documentsDir;
    throw new Error(`fake app.getPath: unexpected "${name}"`);
  }
}

export type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export interface SenderOptions {
  url?: string;
  /** A subframe when true. */
  subframe?: boolean;
  /** No senderFrame at all (the frame navigated away or was destroyed). */
  noFrame?: boolean;
  sender?: FakeWebContents;
}

export class FakeIpcMain {
  handlers = new Map<string, IpcHandler>();
  handle = vi.fn((channel: string, handler: IpcHandler): void => {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  });
  on = vi.fn();

  reset(): void {
    this.handlers.clear();
    this.handle.mockClear();
    this.on.mockReset();
  }

  /** Calls a registered handler as if the page at `url` had invoked it. */
  async invoke(channel: string, args: unknown[], options: SenderOptions = {}): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    const top: FakeFrame = {
      url: options.url ?? 'app://tizilim/index.html#/registry',
      parent: null,
    };
    const senderFrame = options.noFrame
      ? null
      : options.subframe
        ? { url: options.url ?? 'app://tizilim/index.html', parent: top }
        : top;
    const sender = options.sender ?? new FakeWebContents(fake.session.defaultSession);
    return handler({ sender, senderFrame, frameId: 1, processId: 1 }, ...args);
  }
}

export interface PrivilegedScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

export class FakeProtocol {
  privileged: PrivilegedScheme[] = [];
  handlers = new Map<string, (request: Request) => Promise<Response>>();
  registerSchemesAsPrivileged = vi.fn((schemes: PrivilegedScheme[]): void => {
    this.privileged.push(...schemes);
  });
  handle = vi.fn((scheme: string, handler: (request: Request) => Promise<Response>): void => {
    this.handlers.set(scheme, handler);
  });

  reset(): void {
    this.privileged = [];
    this.handlers.clear();
    this.registerSchemesAsPrivileged.mockClear();
    this.handle.mockClear();
  }
}

export interface DialogResult {
  canceled: boolean;
  filePath?: string;
  filePaths?: string[];
}

export class FakeDialog {
  showSaveDialog = vi.fn(async (..._args: unknown[]): Promise<DialogResult> => ({
    canceled: true,
    filePath: '',
  }));
  showOpenDialog = vi.fn(async (..._args: unknown[]): Promise<DialogResult> => ({
    canceled: true,
    filePaths: [],
  }));
  showErrorBox = vi.fn();

  reset(): void {
    this.showSaveDialog.mockReset();
    this.showSaveDialog.mockImplementation(async () => ({ canceled: true, filePath: '' }));
    this.showOpenDialog.mockReset();
    this.showOpenDialog.mockImplementation(async () => ({ canceled: true, filePaths: [] }));
    this.showErrorBox.mockReset();
  }

  /** The options object of the last save/open dialog call (the last argument). */
  static optionsOf(call: unknown[] | undefined): Record<string, unknown> {
    const options = call?.[call.length - 1];
    if (typeof options !== 'object' || options === null) throw new Error('no dialog options');
    return options as Record<string, unknown>;
  }
}

export class FakeContextBridge {
  exposed = new Map<string, unknown>();
  exposeInMainWorld = vi.fn((key: string, api: unknown): void => {
    this.exposed.set(key, api);
  });

  reset(): void {
    this.exposed.clear();
    this.exposeInMainWorld.mockClear();
  }
}

export class FakeIpcRenderer {
  invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null }));
  send = vi.fn();
  sendSync = vi.fn();
  on = vi.fn();

  reset(): void {
    this.invoke.mockReset();
    this.invoke.mockImplementation(async () => ({ ok: true, value: null }));
    this.send.mockReset();
    this.sendSync.mockReset();
    this.on.mockReset();
  }
}

/** Electron's Menu: templates are kept as they were given, so tests can read them. */
export class FakeMenu {
  /** The menu installed with setApplicationMenu, or undefined when none was. */
  application: { template: unknown[] } | null | undefined = undefined;
  buildFromTemplate = vi.fn((template: unknown[]) => ({ template }));
  setApplicationMenu = vi.fn((menu: { template: unknown[] } | null): void => {
    this.application = menu;
  });

  reset(): void {
    this.application = undefined;
    this.buildFromTemplate.mockClear();
    this.setApplicationMenu.mockClear();
  }
}

/**
 * safeStorage with an OS keychain (the default), without one, or with Linux's plain-text
 * fallback. "Encryption" is reversible and marked, so tests can see nothing is in clear.
 */
export class FakeSafeStorage {
  available = true;
  backend: 'basic_text' | 'gnome_libsecret' | 'unknown' = 'gnome_libsecret';
  /** Set to make decryption fail (another user, a reinstalled system). */
  failDecrypt = false;
  reEncrypt = false;
  encrypted: Buffer[] = [];

  reset(): void {
    this.available = true;
    this.backend = 'gnome_libsecret';
    this.failDecrypt = false;
    this.reEncrypt = false;
    this.encrypted = [];
  }

  isAsyncEncryptionAvailable = async (): Promise<boolean> => this.available;
  getSelectedStorageBackend = (): string => this.backend;
  encryptStringAsync = async (text: string): Promise<Buffer> => {
    if (!this.available) throw new Error('encryption is not available');
    const out = Buffer.concat([
      Buffer.from('fake-os:'),
      Buffer.from(text, 'utf8').map((b) => b ^ 0x5a),
    ]);
    this.encrypted.push(out);
    return out;
  };
  decryptStringAsync = async (
    data: Buffer,
  ): Promise<{ result: string; shouldReEncrypt: boolean }> => {
    if (this.failDecrypt || !data.subarray(0, 8).equals(Buffer.from('fake-os:'))) {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      );
    }
    return {
      result: Buffer.from(data.subarray(8).map((b) => b ^ 0x5a)).toString('utf8'),
      shouldReEncrypt: this.reEncrypt,
    };
  };
}

/** Electron's Notification: every one shown is listed; a test emits 'click' or 'close'. */
export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    FakeNotification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

class FakeElectron {
  app = new FakeApp();
  session = { defaultSession: new FakeSession() };
  ipcMain = new FakeIpcMain();
  protocol = new FakeProtocol();
  dialog = new FakeDialog();
  contextBridge = new FakeContextBridge();
  ipcRenderer = new FakeIpcRenderer();
  Menu = new FakeMenu();
  safeStorage = new FakeSafeStorage();

  /** Forgets everything recorded; fresh temporary userData and Documents folders. */
  reset(): void {
    this.app.reset();
    this.session.defaultSession.reset();
    this.ipcMain.reset();
    this.protocol.reset();
    this.dialog.reset();
    this.contextBridge.reset();
    this.ipcRenderer.reset();
    this.Menu.reset();
    this.safeStorage.reset();
    FakeBrowserWindow.instances = [];
    FakeNotification.instances = [];
    FakeNotification.supported = true;
  }
}

export const fake = new FakeElectron();

/** What `import ... from 'electron'` resolves to under the mock. */
export const electronModule = {
  app: fake.app,
  session: fake.session,
  ipcMain: fake.ipcMain,
  protocol: fake.protocol,
  dialog: fake.dialog,
  contextBridge: fake.contextBridge,
  ipcRenderer: fake.ipcRenderer,
  Menu: fake.Menu,
  safeStorage: fake.safeStorage,
  BrowserWindow: FakeBrowserWindow,
  Notification: FakeNotification,
  // The sync probe (electron/ipc/sync.ts takes it as a parameter; its tests pass their
  // own). Here only so that main.ts can name it.
  net: { fetch: async () => new Response('') },
};

/** Lets pending promise callbacks (e.g. after `app.whenReady()`) run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function lastWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.instances.at(-1);
  if (window === undefined) throw new Error('no BrowserWindow was created');
  return window;
}
