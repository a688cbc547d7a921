/**
 * The desktop app's main process, for end-to-end tests in Chromium where Electron cannot
 * start: a page built from the web renderer gets a `window.tizilim` with every method of the
 * IPC contract (as the preload builds it), and each call runs the REAL main-process handler
 * — the backup service, the journal, restore — in the test's Node process, behind the app's
 * own guard (sender check, schema validation, the IpcResult envelope). Backups, keys and the
 * journal go to real folders the test chooses (a tmpfs mount to fill the disk, say).
 *
 *   const desktop = await installDesktopHarness(context, { baseUrl: baseUrl(), userDataDir, officeFolder });
 *   const page = await context.newPage();
 *   await page.goto(baseUrl());            // the app now takes the desktop paths
 *   …
 *   await desktop.close();                 // or desktop.restart() to simulate a new start
 *
 * Binary payloads (Uint8Array) cross the Playwright binding as base64 and are Uint8Array
 * again on each side. Dialogs are answered by options: the office folder for "choose
 * folder", `chooseFile` for "choose a backup file", `downloadsDir` for "save as".
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame } from 'playwright-core';
import { IPC_CONTRACT, type IpcMethod, type IpcResult } from '@shared/ipc';
import type { ShowNotificationRequest, ShowNotificationResult } from '@shared/ipc/notifications';
import { BackupFolderStore } from '@electron/backup/folderStore';
import { PartialFile } from '@electron/backup/files';
import { createBackupHandlers } from '@electron/backup/handlers';
import type { SecretStore } from '@electron/backup/secretStore';
import { BackupService } from '@electron/backup/service';
import { IpcError } from '@electron/ipc/guard';
import { guardedHandlers, type PartialImplementations } from '../electron/inProcessApi';

export interface DesktopHarnessOptions {
  /** Where the app is served (e2e `baseUrl()`): calls are accepted from its origin only. */
  baseUrl: string;
  /** Electron's user-data folder: keys, state and the local `backups/` go here. */
  userDataDir: string;
  /** The office's chosen backup folder (what "choose folder" answers); none when absent. */
  officeFolder?: string | null;
  /** Whether the OS keeps the password (safeStorage). Default: it does. */
  safeStorage?: 'available' | 'unavailable';
  /** What the "open a backup file" dialog answers. */
  chooseFile?: () => string | null;
  /** Where "save as" writes (file exports). Default: `<userDataDir>/../downloads`. */
  downloadsDir?: string;
  /** PBKDF2 iterations; tests pass few for speed (the app uses 600,000). Default 1,000. */
  iterations?: number;
  appVersion?: string;
  /** How the person answers a desktop notification. Default: closes it unclicked. */
  answerNotification?: (request: ShowNotificationRequest) => ShowNotificationResult;
}

export interface DesktopHarness {
  service: BackupService;
  /** Every call the page made: channel and whether it succeeded. */
  calls: { channel: string; ok: boolean; code?: string }[];
  /** Every desktop notification the page asked main to show, as main received it. */
  notifications: ShowNotificationRequest[];
  /** Stops the service (the app quitting, without the backup on quit). */
  close(): Promise<void>;
  /** Quits as the app does (backup on quit when anything changed) and starts afresh. */
  restart(): Promise<void>;
}

/** A fake OS keychain: reversible and marked, never plain text. */
function secretStore(kind: 'available' | 'unavailable'): SecretStore {
  return {
    state: async () => kind,
    encrypt: async (text) =>
      new Uint8Array(Buffer.from(`harness:${Buffer.from(text).toString('base64')}`)),
    decrypt: async (data) => {
      const text = Buffer.from(data).toString();
      if (!text.startsWith('harness:')) throw new Error('cannot decrypt');
      return { text: Buffer.from(text.slice(8), 'base64').toString(), reEncrypt: false };
    },
  };
}

// Bytes cross the binding as { __tizilimBytes: base64 }.
type Encoded = unknown;

function decode(value: Encoded): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === 'object' && value !== null) {
    const bytes = (value as { __tizilimBytes?: unknown }).__tizilimBytes;
    if (typeof bytes === 'string') return new Uint8Array(Buffer.from(bytes, 'base64'));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

function encode(value: unknown): Encoded {
  if (value instanceof Uint8Array) {
    return {
      __tizilimBytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString(
        'base64',
      ),
    };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

export async function installDesktopHarness(
  context: BrowserContext,
  options: DesktopHarnessOptions,
): Promise<DesktopHarness> {
  const origin = new URL(options.baseUrl).origin;
  const store = new BackupFolderStore(path.join(options.userDataDir, 'backup-settings.json'));
  if (options.officeFolder != null) await store.set(options.officeFolder);
  const downloads = options.downloadsDir ?? path.join(options.userDataDir, '..', 'downloads');
  const makeService = async () => {
    const created = new BackupService({
      userDataDir: options.userDataDir,
      appVersion: options.appVersion ?? '0.1.0-harness',
      secretStore: secretStore(options.safeStorage ?? 'available'),
      folderStore: store,
      iterations: options.iterations ?? 1_000,
    });
    await created.start();
    return created;
  };
  let service = await makeService();
  const calls: DesktopHarness['calls'] = [];
  const notifications: ShowNotificationRequest[] = [];

  const implementations = (): PartialImplementations => ({
    ...createBackupHandlers(service, { chooseFile: async () => options.chooseFile?.() ?? null }),
    chooseBackupFolder: async () => {
      if (options.officeFolder != null) await store.set(options.officeFolder);
      return { folder: await store.get() };
    },
    getBackupFolder: async () => ({ folder: await store.get() }),
    writeBackup: async (request) => {
      const folder = await store.get();
      if (folder === null)
        throw new IpcError('NO_BACKUP_FOLDER', 'No backup folder has been chosen yet.');
      const partial = await PartialFile.create(folder, 'harness');
      await partial.write(request.data);
      await partial.seal();
      return { path: await partial.commit(request.fileName) };
    },
    showNotification: async (request) => {
      notifications.push(request);
      return options.answerNotification?.(request) ?? { shown: true, clicked: false };
    },
    saveFile: async (request) => {
      mkdirSync(downloads, { recursive: true });
      const partial = await PartialFile.create(downloads, 'harness');
      await partial.write(request.data);
      await partial.seal();
      return { saved: true, path: await partial.commit(request.fileName, { replace: true }) };
    },
  });
  let handlers = guardedHandlers(implementations(), [origin]);

  await context.exposeBinding(
    '__tizilimInvoke',
    async ({ frame }: { frame: Frame }, channel: string, payload: Encoded) => {
      const handler = handlers.get(channel);
      if (handler === undefined) throw new Error(`no handler for ${channel}`);
      const result: IpcResult<unknown> =
        frame.parentFrame() !== null
          ? {
              ok: false,
              error: {
                code: 'FORBIDDEN_SENDER',
                message: 'Refused: requests are accepted only from the top-level frame.',
              },
            }
          : await handler(frame.url(), decode(payload));
      calls.push({ channel, ok: result.ok, ...(result.ok ? {} : { code: result.error.code }) });
      return encode(result);
    },
  );
  const methods = (Object.keys(IPC_CONTRACT) as IpcMethod[]).map((m): [string, string] => [
    m,
    IPC_CONTRACT[m].channel,
  ]);
  await context.addInitScript(installBridge, methods);

  return {
    get service() {
      return service;
    },
    calls,
    notifications,
    close: () => service.close(),
    async restart() {
      await service.backupOnQuit();
      await service.close();
      service = await makeService();
      handlers = guardedHandlers(implementations(), [origin]);
    },
  };
}

/**
 * Runs in the page before the app: window.tizilim with one method per contract entry, each
 * sending its one argument over the binding and unwrapping the envelope like the preload
 * (an Error whose message starts with `[CODE] `).
 */
function installBridge(methods: [string, string][]): void {
  const invoke = (
    window as unknown as { __tizilimInvoke: (c: string, p: unknown) => Promise<unknown> }
  ).__tizilimInvoke;
  const toBase64 = (bytes: Uint8Array): string => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  };
  const fromBase64 = (text: string): Uint8Array => {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  };
  const encodeValue = (value: unknown): unknown => {
    if (value instanceof Uint8Array) return { __tizilimBytes: toBase64(value) };
    if (Array.isArray(value)) return value.map(encodeValue);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
    }
    return value;
  };
  const decodeValue = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decodeValue);
    if (typeof value === 'object' && value !== null) {
      const bytes = (value as { __tizilimBytes?: unknown }).__tizilimBytes;
      if (typeof bytes === 'string') return fromBase64(bytes);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeValue(v)]));
    }
    return value;
  };
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of methods) {
    api[method] = async (payload?: unknown) => {
      const result = decodeValue(await invoke(channel, encodeValue(payload))) as
        { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
      if (result.ok) return result.value;
      throw new Error(`[${result.error.code}] ${result.error.message}`);
    };
  }
  Object.defineProperty(window, 'tizilim', { value: Object.freeze(api), configurable: false });
}
