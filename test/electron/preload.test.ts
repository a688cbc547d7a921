import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fakeElectron';
import {
  IPC_CONTRACT,
  IPC_METHODS,
  ipcErrorCode,
  type IpcMethod,
  type TizilimApi,
} from '@shared/ipc';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let exposeCalls: unknown[][];
let api: TizilimApi;

beforeAll(async () => {
  fake.reset();
  // The preload runs on import, as it does in the page.
  await import('@electron/preload');
  exposeCalls = [...fake.contextBridge.exposeInMainWorld.mock.calls];
  api = fake.contextBridge.exposed.get('tizilim') as TizilimApi;
});

beforeEach(() => fake.ipcRenderer.reset());

/** Calls an API method by name with one argument, as page code would. */
function call(method: IpcMethod, payload?: unknown): Promise<unknown> {
  const fn = (api as unknown as Record<string, (payload?: unknown) => Promise<unknown>>)[method];
  if (fn === undefined) throw new Error(`no method ${method}`);
  return fn(payload);
}

describe('what the preload exposes', () => {
  it('exposes exactly one key, "tizilim"', () => {
    expect(exposeCalls).toHaveLength(1);
    expect(exposeCalls[0]?.[0]).toBe('tizilim');
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['tizilim']);
  });

  it('has exactly the contract methods, all functions', () => {
    expect(Object.keys(api).sort()).toEqual([...IPC_METHODS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never hands out ipcRenderer or a way to pick a channel', () => {
    const values: unknown[] = Object.values(api);
    expect(values).not.toContain(fake.ipcRenderer);
    for (const fn of [
      fake.ipcRenderer.invoke,
      fake.ipcRenderer.send,
      fake.ipcRenderer.sendSync,
      fake.ipcRenderer.on,
    ]) {
      expect(values).not.toContain(fn);
    }
    for (const key of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'ipc']) {
      expect(key in api).toBe(false);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('the source exposes nothing else and never passes ipcRenderer itself', () => {
    const source = readFileSync(new URL('../../electron/preload.ts', import.meta.url), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(source).not.toMatch(/ipcRenderer\.(send|sendSync|on|once|postMessage)\b/);
  });
});

describe('calls', () => {
  it.each(IPC_METHODS)('%s invokes its fixed channel with the payload', async (method) => {
    const payload = { marker: method };
    fake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: `value of ${method}` });
    await expect(call(method, payload)).resolves.toBe(`value of ${method}`);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CONTRACT[method].channel, payload);
  });

  it('forwards only the first argument', async () => {
    const fn = api.printRoute as unknown as (...args: unknown[]) => Promise<unknown>;
    fake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { saved: false } });
    await fn({ route: '/print/x', fileName: 'a.pdf' }, 'pdf:other', () => undefined);
    expect(fake.ipcRenderer.invoke.mock.calls[0]).toEqual([
      'pdf:printRoute',
      { route: '/print/x', fileName: 'a.pdf' },
    ]);
  });

  it('throws an Error carrying the code when main refuses', async () => {
    fake.ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'NO_BACKUP_FOLDER', message: 'No backup folder has been chosen yet.' },
    });
    const error = await call('writeBackup', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      '[NO_BACKUP_FOLDER] No backup folder has been chosen yet.',
    );
    expect(ipcErrorCode(error)).toBe('NO_BACKUP_FOLDER');
  });

  it('throws INTERNAL on a reply that is not an envelope', async () => {
    fake.ipcRenderer.invoke.mockResolvedValue('surprise');
    const error = await call('getBackupFolder').catch((e: unknown) => e);
    expect(ipcErrorCode(error)).toBe('INTERNAL');
  });
});

describe('ipcErrorCode', () => {
  it('reads only known codes', () => {
    expect(ipcErrorCode(new Error('[TOO_LARGE] The file is larger than 100 MB.'))).toBe(
      'TOO_LARGE',
    );
    expect(ipcErrorCode(new Error('[NOT_A_CODE] x'))).toBeNull();
    expect(ipcErrorCode(new Error('plain'))).toBeNull();
    expect(ipcErrorCode(undefined)).toBeNull();
  });
});
